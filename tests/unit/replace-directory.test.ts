import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveNextTo, replaceDirectory, siblingTempDir } from '../../scripts/publish/replace-directory.ts';
import { tempDir } from '../helpers/temp-dir.ts';

async function folderWith(parent: string, name: string, text: string): Promise<string> {
  const dir = path.join(parent, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), text);
  return dir;
}

describe('replacing the live folder', () => {
  it('moves the new folder in when there is none yet', async () => {
    const parent = await tempDir();
    const fresh = await folderWith(parent, 'staging', 'new');
    await replaceDirectory(fresh, path.join(parent, 'dist'));
    expect(await readFile(path.join(parent, 'dist/index.html'), 'utf8')).toBe('new');
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('replaces the old folder whole and leaves nothing beside it', async () => {
    const parent = await tempDir();
    const target = await folderWith(parent, 'dist', 'old');
    await writeFile(path.join(target, 'stale.html'), 'only in the old build');
    const fresh = await siblingTempDir(target, 'build');
    await writeFile(path.join(fresh, 'index.html'), 'new');
    await replaceDirectory(fresh, target);
    expect(await readdir(target)).toEqual(['index.html']);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('new');
    expect(await readdir(parent)).toEqual(['dist']);
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
