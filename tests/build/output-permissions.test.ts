/**
 * The permissions of what `npm run build` publishes: an nginx whose workers
 * run as another user (Debian's `www-data`) must be able to read every file,
 * the search index, gzip copies and shards linked from the cache included.
 */
import { chmod, lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { FIXTURE_SITES } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const contentDir = path.join(FIXTURE_SITES, 'gates');

/** Runs `build` with the process's umask set to `mask` (the build inherits it). */
async function withUmask<T>(mask: number, build: () => Promise<T>): Promise<T> {
  const previous = process.umask(mask);
  try {
    return await build();
  } finally {
    process.umask(previous);
  }
}

interface Entry {
  path: string;
  kind: 'folder' | 'file' | 'other';
  mode: number;
  inode: number;
}

/** `dir` itself and everything in it, with its permission bits. */
async function walk(dir: string): Promise<Entry[]> {
  const names = ['.', ...(await readdir(dir, { recursive: true }))];
  return Promise.all(
    names.map(async (name) => {
      const stats = await lstat(path.join(dir, name));
      const kind = stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
      return { path: name, kind, mode: stats.mode & 0o7777, inode: stats.ino } as const;
    }),
  );
}

/** The entries whose mode is not `folder` for folders and `file` for files, as `path mode`. */
function wrongModes(entries: readonly Entry[], folder: number, file: number): string[] {
  return entries
    .filter((entry) => entry.kind === 'other' || entry.mode !== (entry.kind === 'folder' ? folder : file))
    .map((entry) => `${entry.path} ${entry.kind} ${entry.mode.toString(8)}`);
}

describe('the permissions of the published folder', () => {
  let cacheDir: string;
  let first: BuildResult;
  beforeAll(async () => {
    cacheDir = await tempDir('gazette-cache-');
    first = await withUmask(0o022, () => buildSite({ contentDir, base: '/kb/', pipeline: true, env: { GAZETTE_CACHE_DIR: cacheDir } }));
    expect(first.ok, first.output).toBe(true);
  });

  it('are 0755 for every folder and 0644 for every file, the output folder itself included', async () => {
    const entries = await walk(first.outDir);
    expect(wrongModes(entries, 0o755, 0o644)).toEqual([]);
    // What was checked includes each kind of file the build writes.
    const files = entries.map((entry) => entry.path);
    for (const kind of [
      /^index\.html$/,
      /\.html\.gz$/,
      /^pagefind\/.*\.pf_fragment$/,
      /^pagefind\/pagefind\.js$/,
      /\.csv$/,
      /^rss\.xml$/,
    ]) {
      expect(
        files.some((file) => kind.test(file)),
        String(kind),
      ).toBe(true);
    }
  });

  it('are the same after a rebuild that links search shards from a cache and gzip copies from the previous output written with other modes', async () => {
    // The cache and the live output as a build under a stricter umask, or another tool, could have left them.
    for (const dir of [cacheDir, first.outDir]) {
      for (const entry of await walk(dir)) if (entry.kind === 'file') await chmod(path.join(dir, entry.path), 0o600);
    }
    const rebuild = await withUmask(0o022, () =>
      buildSite({ contentDir, base: '/kb/', pipeline: true, outDir: first.outDir, env: { GAZETTE_CACHE_DIR: cacheDir } }),
    );
    expect(rebuild.ok, rebuild.output).toBe(true);
    const entries = await walk(rebuild.outDir);
    // Files were really taken as links: shards from the cache (the same inodes), gzip copies from the previous output.
    const cached = new Set((await walk(cacheDir)).filter((entry) => entry.kind === 'file').map((entry) => entry.inode));
    expect(entries.some((entry) => entry.path.startsWith('pagefind/') && cached.has(entry.inode))).toBe(true);
    expect(Number(/(\d+) of them unchanged copies from the previous output/.exec(rebuild.output)?.[1])).toBeGreaterThan(0);
    expect(wrongModes(entries, 0o755, 0o644)).toEqual([]);
  });

  it('follow a umask that keeps others out, with a note saying that nginx would answer 403', async () => {
    const strict = await withUmask(0o027, () => buildSite({ contentDir, base: '/kb/', pipeline: true }));
    expect(strict.ok, strict.output).toBe(true);
    expect(wrongModes(await walk(strict.outDir), 0o750, 0o640)).toEqual([]);
    expect(strict.output).toContain('umask 为 0027，输出的文件夹和文件为 0750/0640，其他用户无法读取');
    expect(first.output).not.toContain('umask');
  });
});
