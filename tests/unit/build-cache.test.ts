import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneCache, touchCacheEntry } from '../../scripts/publish/build-cache.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('the build cache folder', () => {
  it('keeps what this build used and what another build used this week, and drops the rest', async () => {
    const folder = await tempDir('gazette-build-cache-');
    const entry = async (name: string, daysAgo: number) => {
      await mkdir(path.join(folder, name));
      await writeFile(path.join(folder, name, 'data'), name);
      const when = new Date(Date.now() - daysAgo * DAY_MS);
      await utimes(path.join(folder, name), when, when);
    };
    await entry('used-now', 30);
    await entry('other-build', 2);
    await entry('stale', 8);
    await entry('cut-off.partial', 0);
    await touchCacheEntry(path.join(folder, 'used-now'));
    await pruneCache(folder, new Set(['used-now']));
    expect((await readdir(folder)).sort()).toEqual(['other-build', 'used-now']);
    // The next build, which uses neither, keeps both: they were used this week.
    await pruneCache(folder, new Set());
    expect((await readdir(folder)).sort()).toEqual(['other-build', 'used-now']);
  });

  it('does nothing when there is no cache folder yet', async () => {
    await expect(pruneCache(path.join(os.tmpdir(), 'gazette-no-such-cache'), new Set())).resolves.toBeUndefined();
  });
});
