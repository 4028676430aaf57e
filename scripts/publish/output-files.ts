/** Walking a build's output folder, and filling it from finished files elsewhere. */
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export async function listOutputFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Puts a finished file at `to`: a hard link, since no step writes into a
 * finished file, so that placing it costs no copy and deleting the other
 * name later frees no data (on these machines that is most of the time
 * deleting an output takes); a copy when the two are on different file
 * systems or links are not allowed.
 */
export async function linkOrCopyFile(from: string, to: string): Promise<void> {
  await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
    await copyFile(from, to);
  });
}

/** Puts every file of the folder `from` at the same place under `to` (see `linkOrCopyFile`); returns them as `listOutputFiles` does. */
export async function linkOrCopyTree(from: string, to: string): Promise<string[]> {
  const files = await listOutputFiles(from);
  for (const file of files) {
    const target = path.join(to, file);
    await mkdir(path.dirname(target), { recursive: true });
    await linkOrCopyFile(path.join(from, file), target);
  }
  return files;
}
