import { chmod, link, lstat, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedModes, setPublishedModes, unreadableByOthersNote } from '../../scripts/publish/output-modes.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const modeOf = async (file: string) => (await lstat(file)).mode & 0o7777;

/** An output folder as a build leaves it: a 0700 root from mkdtemp, sub-folders and files of assorted modes. */
async function outputFolder(): Promise<string> {
  const dir = await tempDir('gazette-modes-');
  await mkdir(path.join(dir, 'pagefind/fragment'), { recursive: true });
  await chmod(path.join(dir, 'pagefind'), 0o700);
  await chmod(path.join(dir, 'pagefind/fragment'), 0o2711);
  const files: Record<string, number> = {
    'index.html': 0o600,
    'index.html.gz': 0o666,
    'pagefind/fragment/a.pf_fragment': 0o640,
    'pagefind/pagefind.js': 0o755,
    'rss.xml': 0o4644,
  };
  for (const [file, mode] of Object.entries(files)) {
    await writeFile(path.join(dir, file), file);
    await chmod(path.join(dir, file), mode);
  }
  return dir;
}

const ALL = [
  '.',
  'pagefind',
  'pagefind/fragment',
  'index.html',
  'index.html.gz',
  'pagefind/fragment/a.pf_fragment',
  'pagefind/pagefind.js',
  'rss.xml',
];

describe('permissions of the published folder', () => {
  it('are 0755 for folders and 0644 for files under the usual umask, the mkdtemp root included', async () => {
    const dir = await outputFolder();
    expect(await modeOf(dir)).toBe(0o700);
    expect(setPublishedModes(dir, 0o022)).toBe(ALL.length);
    const modes = Object.fromEntries(await Promise.all(ALL.map(async (file) => [file, await modeOf(path.join(dir, file))])));
    expect(modes).toEqual({
      '.': 0o755,
      pagefind: 0o755,
      'pagefind/fragment': 0o755,
      'index.html': 0o644,
      'index.html.gz': 0o644,
      'pagefind/fragment/a.pf_fragment': 0o644,
      'pagefind/pagefind.js': 0o644,
      'rss.xml': 0o644,
    });
    // A second run finds nothing to change.
    expect(setPublishedModes(dir, 0o022)).toBe(0);
  });

  it('let the umask take group and other read away, and never give anyone but the owner write', async () => {
    expect(publishedModes(0o027)).toEqual({ directory: 0o750, file: 0o640 });
    expect(publishedModes(0o077)).toEqual({ directory: 0o700, file: 0o600 });
    expect(publishedModes(0o002)).toEqual({ directory: 0o755, file: 0o644 });
    expect(publishedModes(0o000)).toEqual({ directory: 0o755, file: 0o644 });
    const dir = await outputFolder();
    setPublishedModes(dir, 0o027);
    expect(await modeOf(dir)).toBe(0o750);
    expect(await modeOf(path.join(dir, 'index.html.gz'))).toBe(0o640);
  });

  it('change a hard-linked cache entry to the same mode, and leave a symbolic link and its target alone', async () => {
    const dir = await outputFolder();
    const cache = await tempDir('gazette-modes-cache-');
    const cached = path.join(cache, 'shard.pf_index');
    await writeFile(cached, 'cached shard');
    await chmod(cached, 0o600);
    await link(cached, path.join(dir, 'pagefind/shard.pf_index'));
    const outside = path.join(cache, 'outside.txt');
    await writeFile(outside, 'not published');
    await chmod(outside, 0o600);
    await symlink(outside, path.join(dir, 'link.txt'));

    setPublishedModes(dir, 0o022);
    expect(await modeOf(path.join(dir, 'pagefind/shard.pf_index'))).toBe(0o644);
    expect(await modeOf(cached)).toBe(0o644);
    expect(await readFile(cached, 'utf8')).toBe('cached shard');
    expect((await stat(cached)).nlink).toBe(2);
    expect(await modeOf(outside)).toBe(0o600);
  });

  it('come with a note when others cannot read the site, and none otherwise', () => {
    expect(unreadableByOthersNote(0o022)).toBeUndefined();
    expect(unreadableByOthersNote(0o002)).toBeUndefined();
    const note = unreadableByOthersNote(0o027);
    expect(note).toContain('umask 为 0027，输出的文件夹和文件为 0750/0640，其他用户无法读取');
    expect(note).toContain('answers 403');
    expect(unreadableByOthersNote(0o077)).toContain('0700/0600');
  });
});
