/**
 * What `writeSearchIndex` refuses before it indexes anything. (The index it
 * writes is tested on real builds: tests/build/search-index.test.ts.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex, type SearchDocuments } from '../../src/search/build-index.ts';
import { SEARCH_BUNDLE_DIR } from '../../src/search/shards.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('writeSearchIndex', () => {
  it('stops, asking for larger shards, when there are too many shards to list in date order, and writes nothing', async () => {
    // Shards of one document: 1,100 documents of one year make 1,100 shards.
    const pages = Array.from({ length: 1100 }, () => ({
      record: { date: '2020-01-01', result: { title: '标题' } },
      blocks: [],
    })) as unknown as SearchDocuments['pages'];
    const outDir = await tempDir('gazette-dist-');
    const logged: string[] = [];
    const logger = { info: (message: string) => logged.push(message), warn: (message: string) => logged.push(message) };
    await expect(
      writeSearchIndex(outDir, { pages, includeCharacters: '' }, { shardSize: 1, cacheDir: await tempDir('gazette-cache-'), logger }),
    ).rejects.toThrow(/1100 个分片过多.*GAZETTE_SEARCH_SHARD_SIZE/);
    expect(existsSync(path.join(outDir, SEARCH_BUNDLE_DIR))).toBe(false);
    expect(logged).toEqual([]);
  });
});
