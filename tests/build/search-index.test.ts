/**
 * The search index that `npm run build` writes: shards of whole years, the
 * newest one the bundle itself, and shards whose documents did not change
 * taken from the cache folder on the next build. (That merged shards search
 * exactly is tested in chromium: tests/browser/search.test.ts.)
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, makeContent, type BuildResult } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { treeHashes } from '../helpers/tree-hashes.ts';
import { publishedFixture, searchFixtureFiles } from '../fixtures/search-site.ts';
import { SEARCH_MANIFEST_FILE, shardStartUrl, type SearchManifest } from '../../src/search/shards.ts';
import { fragmentData } from '../../src/search/pagefind-contract.ts';
import { BLOCK_BREAK, TITLE_END, fromIndexText } from '../../src/search/text.ts';

const ADDED_SENTENCE = '本次修订补充了防汛物资储备清单。';

async function manifestOf(outDir: string): Promise<SearchManifest> {
  return JSON.parse(await readFile(path.join(outDir, 'pagefind', SEARCH_MANIFEST_FILE), 'utf8')) as SearchManifest;
}

/** The files of one shard folder (relative to it), without the folders of other shards inside the bundle. */
function shardFiles(hashes: Map<string, string>, folder: string, otherFolders: readonly string[]): Map<string, string> {
  const prefix = `pagefind/${folder}`;
  return new Map(
    [...hashes].filter(([file]) => file.startsWith(prefix) && !otherFolders.some((other) => other && file.startsWith(`pagefind/${other}`))),
  );
}

describe('search index shards, cached between builds', () => {
  const newest = publishedFixture().reduce((a, b) => (a.date >= b.date ? a : b));
  let contentDir: string;
  let first: BuildResult;
  let second: BuildResult;

  beforeAll(async () => {
    contentDir = await makeContent(searchFixtureFiles());
    const options = {
      contentDir,
      base: '/kb/',
      pipeline: true,
      env: { GAZETTE_SEARCH_SHARD_SIZE: '3', GAZETTE_CACHE_DIR: await tempDir('gazette-cache-') },
    };
    first = await buildSite(options);
    expect(first.ok, first.output).toBe(true);
    // An editor adds a sentence to the newest document.
    const file = path.join(contentDir, newest.file);
    await writeFile(file, `${await readFile(file, 'utf8')}\n${ADDED_SENTENCE}\n`);
    second = await buildSite(options);
    expect(second.ok, second.output).toBe(true);
  });

  it('writes shards of whole years, newest first, the newest in the bundle folder with Pagefind’s code', async () => {
    const manifest = await manifestOf(first.outDir);
    expect(manifest.shards.map((shard) => shard.key)).toEqual(['2021-2', '2021', '2020-2', '2020', '2019']);
    expect(manifest.shards.map((shard) => shard.folder)).toEqual(['', '2021/', '2020-2/', '2020/', '2019/']);
    // Weights that keep the shards' results apart, newest first (src/search/shards.ts).
    const weights = manifest.shards.map((shard) => shard.weight);
    expect(weights.at(-1)).toBe(1);
    expect(weights).toEqual(weights.toSorted((a, b) => b - a));
    expect(new Set(weights).size).toBe(weights.length);
    const files = await listFiles(path.join(first.outDir, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.some((file) => file.startsWith('2019/') && file.endsWith('.pf_meta'))).toBe(true);
    // Merged shards carry only their data: the browser loads Pagefind's code and WebAssembly once.
    expect(files.filter((file) => file.includes('/') && /pagefind\.js|\.pagefind$|pagefind-ui/.test(file))).toEqual([]);
    expect(manifest.symbols).toContain('〔');
  });

  it('starts every document’s body at its shard’s title span, one word after the shard’s longest title', async () => {
    const manifest = await manifestOf(first.outDir);
    const folders = manifest.shards.map((shard) => shard.folder);
    const hashes = await treeHashes(first.outDir);
    for (const { folder, key, titleSpan } of manifest.shards) {
      const fragments = [
        ...shardFiles(
          hashes,
          folder,
          folders.filter((other) => other !== folder),
        ).keys(),
      ].filter((file) => file.endsWith('.pf_fragment'));
      const fillers: number[] = [];
      for (const file of fragments) {
        const { url, content } = fragmentData(gunzipSync(await readFile(path.join(first.outDir, file))).toString('utf8'));
        if (url === shardStartUrl(key)) continue;
        const words = content.split(/\s+/u);
        expect(words.indexOf(BLOCK_BREAK), url).toBe(titleSpan);
        fillers.push(words.filter((word) => word === TITLE_END).length);
      }
      expect(fillers.length, key).toBeGreaterThan(0);
      expect(Math.min(...fillers), key).toBe(1);
    }
    // The fixture's shards differ, so the search page must use each shard's own (tests/browser/search.test.ts).
    expect(new Set(manifest.shards.map((shard) => shard.titleSpan)).size).toBeGreaterThan(1);
  });

  it('indexes each shard once, and after an edit only the shard of the edited document', () => {
    const published = publishedFixture().length;
    expect(first.output).toMatch(
      new RegExp(`search index: ${published} documents indexed in [\\d.]+ s; index [\\d.]+ KB in 5 shards, 0 from the cache`),
    );
    expect(second.output).toMatch(
      new RegExp(`search index: ${published} documents indexed in [\\d.]+ s; index [\\d.]+ KB in 5 shards, 4 from the cache`),
    );
  });

  it('keeps the other shards byte for byte and puts the edit in the index', async () => {
    const manifest = await manifestOf(second.outDir);
    const folders = manifest.shards.map((shard) => shard.folder);
    const [before, after] = await Promise.all([treeHashes(first.outDir), treeHashes(second.outDir)]);
    for (const folder of folders.slice(1)) {
      const others = folders.filter((other) => other !== folder);
      expect(shardFiles(after, folder, others), folder).toEqual(shardFiles(before, folder, others));
    }
    const fragments = [...after.keys()].filter((file) => file.endsWith('.pf_fragment'));
    const texts = await Promise.all(
      fragments.map(async (file) => gunzipSync(await readFile(path.join(second.outDir, file))).toString('utf8')),
    );
    const edited = texts.filter((text) => text.includes(newest.title));
    expect(edited).toHaveLength(1);
    // Index text is token pairs (src/search/text.ts): read back, then compare the characters only.
    const characters = (text: string) => [...text].filter((char) => /\p{Script=Han}/u.test(char)).join('');
    expect(characters(fromIndexText(fragmentData(edited[0]!).content))).toContain(characters(ADDED_SENTENCE));
  });

  it('places the shards as links to the cache folder, not copies', async () => {
    const manifest = await manifestOf(second.outDir);
    const older = manifest.shards.map((shard) => shard.folder).filter((folder) => folder !== '');
    const files = (await listFiles(path.join(second.outDir, 'pagefind'))).filter((file) => older.some((folder) => file.startsWith(folder)));
    expect(files.length).toBeGreaterThan(older.length);
    // The unchanged shards of both builds are the cache entry's files under other names: one copy of the data.
    const inode = async (outDir: string, file: string) => (await stat(path.join(outDir, 'pagefind', file))).ino;
    for (const file of files) expect(await inode(second.outDir, file), file).toBe(await inode(first.outDir, file));
  });
});
