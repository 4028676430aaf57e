/**
 * Permissions of the published folder: readable by the web server.
 *
 * nginx's workers run as a user of their own (Debian's `www-data`), not as
 * the user who built the site, so the output must be readable by others.
 * The staging folder comes from `mkdtemp`, which makes it 0700 whatever the
 * umask, and renaming it into place keeps that: every request was answered
 * 403. Files other tools wrote may carry other modes too, such as a search
 * index shard linked from a cache that an earlier build wrote under another
 * umask.
 *
 * So before the swap every folder is set to 0755 and every file to 0644,
 * each with the umask's bits taken away: the umask can keep group and others
 * from reading (027 gives 0750 and 0640, for a server whose workers are in
 * the owner's group), and no one but the owner ever gets to write, even with
 * a umask of 002. A umask that leaves others no read access gets a note in
 * the build's output, since a server whose workers are neither the owner nor
 * in its group would answer 403.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The most a published folder and file allow, before the umask. */
export const PUBLISHED_DIRECTORY_MODE = 0o755;
export const PUBLISHED_FILE_MODE = 0o644;

export interface PublishedModes {
  directory: number;
  file: number;
}

export function publishedModes(umask: number): PublishedModes {
  return { directory: PUBLISHED_DIRECTORY_MODE & ~umask, file: PUBLISHED_FILE_MODE & ~umask };
}

/**
 * Gives `dir` and every folder and file in it its published mode (see
 * `publishedModes`); returns how many it changed. Symbolic links are left as
 * they are and not followed. A file that is a hard link to a cache entry
 * changes there too, to the mode every build gives it.
 *
 * Synchronous on purpose: it runs alone, just before the swap, and a stat
 * and the rare chmod are so short that the thread pool's round trips cost
 * more than they do (43,000 entries: about 0.7 s this way, 1.6 s with
 * promises).
 */
export function setPublishedModes(dir: string, umask: number): number {
  const modes = publishedModes(umask);
  let changed = 0;
  const setMode = (file: string, mode: number) => {
    if ((lstatSync(file).mode & 0o7777) === mode) return;
    chmodSync(file, mode);
    changed++;
  };
  setMode(dir, modes.directory);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) setMode(path.join(entry.parentPath, entry.name), modes.directory);
    else if (entry.isFile()) setMode(path.join(entry.parentPath, entry.name), modes.file);
  }
  return changed;
}

/** A note for the build's output when `umask` keeps other users from reading the published site; undefined otherwise. */
export function unreadableByOthersNote(umask: number): string | undefined {
  const modes = publishedModes(umask);
  if (modes.directory & 0o001 && modes.file & 0o004) return undefined;
  const octal = umask.toString(8).padStart(4, '0');
  const shown = `${modes.directory.toString(8).padStart(4, '0')}/${modes.file.toString(8).padStart(4, '0')}`;
  return (
    `注意：umask 为 ${octal}，输出的文件夹和文件为 ${shown}，其他用户无法读取；nginx 工作进程若不是其所有者或同组用户，将对每个请求返回 403` +
    `（note: with umask ${octal} the output folders and files are ${shown}, unreadable by other users; an nginx whose workers are neither their owner nor in their group answers 403 to every request. See “Deploying” in README.md）`
  );
}
