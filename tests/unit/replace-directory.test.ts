import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveNextTo, removeInBackground, replaceDirectory, siblingTempDir } from '../../scripts/publish/replace-directory.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Waits until none of `dirs` exists, for at most `seconds`; true if they are all gone. */
async function gone(dirs: readonly string[], seconds: number): Promise<boolean> {
  for (const stop = Date.now() + seconds * 1000; Date.now() < stop; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (!dirs.some((dir) => existsSync(dir))) return true;
  }
  return false;
}

async function folderWith(parent: string, name: string, text: string): Promise<string> {
  const dir = path.join(parent, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), text);
  return dir;
}

describe('replacing the live folder', () => {
  it('moves the new folder in when there is none yet, leaving nothing to delete', async () => {
    const parent = await tempDir();
    const fresh = await folderWith(parent, 'staging', 'new');
    expect(await replaceDirectory(fresh, path.join(parent, 'dist'))).toEqual([]);
    expect(await readFile(path.join(parent, 'dist/index.html'), 'utf8')).toBe('new');
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('replaces the old folder whole, and it is deleted in the background', async () => {
    const parent = await tempDir();
    const target = await folderWith(parent, 'dist', 'old');
    await writeFile(path.join(target, 'stale.html'), 'only in the old build');
    const fresh = await siblingTempDir(target, 'build');
    await writeFile(path.join(fresh, 'index.html'), 'new');
    const previous = await replaceDirectory(fresh, target);
    expect(await readdir(target)).toEqual(['index.html']);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('new');
    // The old output, aside, is all that is left to delete.
    expect(previous).toHaveLength(1);
    expect(await readFile(path.join(previous[0]!, 'stale.html'), 'utf8')).toBe('only in the old build');
    removeInBackground(previous);
    expect(await gone(previous, 30)).toBe(true);
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('also deletes what an earlier build moved aside and did not get to delete', async () => {
    const parent = await tempDir();
    const target = await folderWith(parent, 'dist', 'old');
    const leftOver = await siblingTempDir(target, 'previous');
    await writeFile(path.join(leftOver, 'index.html'), 'older');
    // Another site's folder beside it is not this output's to delete.
    const otherSite = await siblingTempDir(path.join(parent, 'dist-public'), 'previous');
    const fresh = await folderWith(parent, 'staging', 'new');
    const previous = await replaceDirectory(fresh, target);
    expect(previous).toHaveLength(2);
    expect(previous).toContain(leftOver);
    removeInBackground(previous);
    expect(await gone(previous, 30)).toBe(true);
    expect((await readdir(parent)).sort()).toEqual(['dist', path.basename(otherSite)].sort());
  });

  it('puts the old folder back when the new one cannot be moved in', async () => {
    const parent = await tempDir();
    const target = await folderWith(parent, 'dist', 'old');
    await expect(replaceDirectory(path.join(parent, 'missing'), target)).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('old');
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('moves a build from elsewhere next to the target, ready to swap in', async () => {
    const [elsewhere, parent] = [await tempDir(), await tempDir()];
    const built = await folderWith(elsewhere, 'staging', 'new');
    const near = await moveNextTo(built, path.join(parent, 'dist'));
    expect(path.dirname(near)).toBe(parent);
    expect(await readFile(path.join(near, 'index.html'), 'utf8')).toBe('new');
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('makes staging folders next to the target, named after it', async () => {
    const parent = await tempDir();
    const staging = await siblingTempDir(path.join(parent, 'dist'), 'build');
    expect(path.dirname(staging)).toBe(parent);
    expect(path.basename(staging)).toMatch(/^\.dist-build-/);
  });
});
