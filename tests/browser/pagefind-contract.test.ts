/**
 * The installed Pagefind against what src/search/pagefind-contract.ts assumes
 * of it, each assumption by its number there. Two small indexes are written
 * with Pagefind's Node API, as the build writes shards, served by nginx with
 * the repository's config, merged and searched in chromium through
 * Pagefind's own browser API. When an upgrade changes a behaviour, the test
 * of that assumption fails here, before search on the site goes wrong.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FILE_SIGNATURE,
  PAGEFIND_VERSION_TESTED,
  indexChunks,
  SEARCH_INDEX_LANGUAGE,
  SHARD_START_DATE,
  fragmentData,
  pagefindFileData,
  phraseQuery,
  prefixQuery,
  shardOfSortedResult,
  shardWeights,
  type PagefindApi,
} from '../../src/search/pagefind-contract.ts';
import { WORD_BREAK } from '../../src/search/text.ts';
import { laterChunkStarts } from '../../src/search/shards.ts';
import { setPublishedModes } from '../../scripts/publish/output-modes.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveWithNginx, type NginxServer } from '../helpers/nginx.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** One page of a test index: its words, a date and its one `doc` filter value. */
interface TestPage {
  url: string;
  words: string[];
  date: string;
  doc: string;
}

const words = (text: string) => text.split(' ');
/** The newer index: the bundle itself. Dates out of order, so that the sort is Pagefind's work. */
const NEWER: TestPage[] = [
  { url: '/kb/n2/', words: words('土 地 整 备 工 作 土 地'), date: '2021-05-01', doc: 'n2' },
  { url: '/kb/n1/', words: words('地 整 土 备'), date: '2021-01-01', doc: 'n1' },
  { url: '/kb/n3/', words: words('应 急 管 理 〔 2020 〕'), date: '2021-09-01', doc: 'n3' },
  // (8) Token pairs, as src/search/text.ts writes them.
  { url: '/kb/n4/', words: words('网格 格化 化 网络 络 化'), date: '2021-11-01', doc: 'n4' },
  { url: '/kb/n5/', words: words('11440300MB2C000273_'), date: '2021-12-01', doc: 'n5' },
];
/** The older index, merged into it. */
const OLDER: TestPage[] = [
  { url: '/kb/o1/', words: words('土 地 整 备'), date: '2019-03-01', doc: 'o1' },
  { url: '/kb/o2/', words: words('整 备 土 地 土'), date: '2019-07-01', doc: 'o2' },
  { url: '/kb/o3/', words: words('11440300MB2C000949_'), date: '2019-08-01', doc: 'o3' },
];
const START_MARKER = 'ǃ';
/** (9) Enough pairs that one token begins for its words to fill more than one chunk of the word index. */
const CHUNKY_WORDS = 6000;
const CHUNKY: TestPage[] = ['c1', 'c2'].map((doc) => ({
  url: `/kb/${doc}/`,
  words: Array.from({ length: CHUNKY_WORDS }, (_, i) => `网${String.fromCodePoint(0x4e00 + i)}`),
  date: '2021-01-01',
  doc,
}));

async function writeIndex(pages: readonly TestPage[], folder: string, key: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: '〔〕' });
  if (!index) throw new Error(errors.join('; '));
  try {
    const records = [
      {
        url: `/#start-${key}`,
        content: START_MARKER,
        language: SEARCH_INDEX_LANGUAGE,
        meta: {},
        filters: {},
        sort: { date: SHARD_START_DATE },
      },
      ...pages.map((page) => ({
        url: page.url,
        // (1) Words at whitespace: thin spaces, and a run of them is one break.
        content: page.words.join(`${WORD_BREAK}${WORD_BREAK}`),
        language: SEARCH_INDEX_LANGUAGE,
        meta: { title: page.url },
        filters: { doc: [page.doc] },
        sort: { date: page.date },
      })),
    ];
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    }
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
}

/** A page under /kb/search/, whose CSP lets Pagefind compile its WebAssembly, that loads Pagefind and merges the older index. */
const HARNESS = `
const pagefind = await import('../../pagefind/pagefind.js');
const weights = JSON.parse(document.body.dataset.weights);
// (6) noWorker on the first instance; baseUrl '/' keeps stored URLs.
await pagefind.options({ baseUrl: '/', indexWeight: weights[0], noWorker: true });
// (6) The query language is the page's when init() is called: und, then the page's own again.
document.documentElement.lang = 'und';
const initialised = pagefind.init();
document.documentElement.lang = 'zh-CN';
await initialised;
await pagefind.mergeIndex('../../pagefind/older/', { baseUrl: '/', indexWeight: weights[1] });
await pagefind.preload(null, { filters: { doc: [] } });
window.pagefind = pagefind;
// (9) An index of its own, in a Pagefind of its own.
const chunky = await import('../../pagefind/chunky/pagefind.js');
await chunky.options({ baseUrl: '/', noWorker: true });
document.documentElement.lang = 'und';
const chunkyReady = chunky.init();
document.documentElement.lang = 'zh-CN';
await chunkyReady;
window.chunky = chunky;
document.body.dataset.ready = 'true';
`;

type Searched = { url: string; score: number; words: number[] };

describe(`Pagefind ${PAGEFIND_VERSION_TESTED}: the assumptions in src/search/pagefind-contract.ts`, () => {
  let site: string;
  let server: NginxServer;
  let browser: Browser;
  let page: Page;
  const weights = shardWeights([NEWER.length, OLDER.length]);
  const warnings: string[] = [];

  /** Searches in the page; every result with its URL, score and word positions. */
  const search = (term: string | null, options: object = {}) =>
    page.evaluate(
      async ([term, options]) => {
        const api = (window as unknown as { pagefind: PagefindApi }).pagefind;
        const response = await api.search(term, options);
        const results = await Promise.all(
          response.results.map(async (result) => ({ url: (await result.data()).url, score: result.score, words: result.words })),
        );
        return { results, filters: response.filters };
      },
      [term, options] as const,
    );
  const isMarker = (result: Searched) => result.url.startsWith('/#start');
  const urls = (results: Searched[]) =>
    results
      .filter((result) => !isMarker(result))
      .map((result) => result.url)
      .sort();

  beforeAll(async () => {
    site = await tempDir('gazette-pagefind-contract-');
    await writeIndex(NEWER, path.join(site, 'pagefind'), 'newer');
    await writeIndex(OLDER, path.join(site, 'pagefind', 'older'), 'older');
    await writeIndex(CHUNKY, path.join(site, 'pagefind', 'chunky'), 'chunky');
    await mkdir(path.join(site, 'search', 'contract'), { recursive: true });
    await writeFile(path.join(site, 'search', 'contract', 'harness.js'), HARNESS);
    await writeFile(
      path.join(site, 'search', 'contract', 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>contract</title><script type="module" src="harness.js"></script></head><body data-weights="${JSON.stringify(weights)}"></body></html>`,
    );
    // As `npm run build` leaves its output: readable by nginx's unprivileged workers.
    setPublishedModes(site, 0o022);
    server = await serveWithNginx(site);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${server.siteUrl}search/contract/`);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('(1) splits words at whitespace only, runs of it once, and keeps includeCharacters in words', async () => {
    // 整 alone is a word of its own (no segmenter joined 土地整备 into one word).
    expect(urls((await search('整')).results)).toEqual(['/kb/n1/', '/kb/n2/', '/kb/o1/', '/kb/o2/']);
    expect(urls((await search('〔')).results)).toEqual(['/kb/n3/']);
    // The double thin space is one break: 土 at 0 and 6 in n2, not 0 and 12.
    const n2 = (await search('土')).results.find((result) => result.url === '/kb/n2/')!;
    expect(n2.words).toEqual([0, 6]);
  });

  it('(2) finds a quoted phrase exactly where its words stand together, in order', async () => {
    expect(urls((await search(phraseQuery(['土', '地', '整', '备']))).results)).toEqual(['/kb/n2/', '/kb/o1/']);
    expect(urls((await search(phraseQuery(['备', '土']))).results)).toEqual(['/kb/o2/']);
    expect(urls((await search(phraseQuery(['2020']))).results)).toEqual(['/kb/n3/']);
  });

  it('(3) reports every position of a word, counting from 0, and only the first occurrence of a phrase', async () => {
    const positions = new Map((await search('土')).results.map((result) => [result.url, result.words]));
    expect(positions.get('/kb/n2/')).toEqual([0, 6]);
    expect(positions.get('/kb/o2/')).toEqual([2, 4]);
    const phrase = new Map((await search(phraseQuery(['土', '地']))).results.map((result) => [result.url, result.words]));
    expect(phrase.get('/kb/n2/')).toEqual([0, 1]);
  });

  it('(4) counts the results carrying each filter value, across merged indexes', async () => {
    const { filters } = await search(phraseQuery(['整', '备']));
    expect(filters.doc).toEqual({ n1: 0, n2: 1, n3: 0, n4: 0, n5: 0, o1: 1, o2: 1, o3: 0 });
  });

  it('(5) scores a sorted search by rank in its own index times its weight, and lists merged results by score', async () => {
    const { results } = await search(null, { sort: { date: 'desc' } });
    const expected = (pages: TestPage[], weight: number) =>
      [...pages].sort((a, b) => a.date.localeCompare(b.date)).map((page, rank) => ({ url: page.url, score: (rank + 1) * weight }));
    const documents = results.filter((result) => !isMarker(result));
    expect(documents.map(({ url, score }) => ({ url, score }))).toEqual([
      ...expected(NEWER, weights[0]!).reverse(),
      ...expected(OLDER, weights[1]!).reverse(),
    ]);
    expect(results.filter(isMarker).map((result) => result.score)).toEqual([0, 0]);
    for (const result of documents) expect(shardOfSortedResult(result.score, weights)).toBe(result.url.startsWith('/kb/n') ? 0 : 1);
  });

  it('(6) takes noWorker without a warning, and merged indexes keep stored URLs', () => {
    expect(warnings).toEqual([]);
  });

  it('(6) cuts queries in the language the page had when init() was called, not the one it has now', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Under zh-CN, Intl.Segmenter would cut 格化 into 格 and 化, and find 化 at 2 and 5 as well.
    const found = (await search(prefixQuery('格化'))).results.filter((result) => !isMarker(result));
    expect(found.map(({ url, words }) => ({ url, words }))).toEqual([{ url: '/kb/n4/', words: [1] }]);
  });

  it('(8) finds by an unquoted word every page with a word it begins, with every position of those words', async () => {
    const found = async (word: string) =>
      (await search(prefixQuery(word))).results.filter((result) => !isMarker(result)).map(({ url, words }) => ({ url, words }));
    expect(await found('网')).toEqual([{ url: '/kb/n4/', words: [0, 3] }]);
    expect(await found('化')).toEqual([{ url: '/kb/n4/', words: [2, 5] }]);
    // A word that begins no other is found alone.
    expect(await found('格化')).toEqual([{ url: '/kb/n4/', words: [1] }]);
    // Only where no word starts with it, the longest word that it starts with instead (why pairs are listed quoted).
    expect(await found('化管')).toEqual([{ url: '/kb/n4/', words: [2, 5] }]);
    expect(urls((await search(phraseQuery(['化管']))).results)).toEqual([]);
    // A run of letters and digits is also indexed in parts (11440300, …): an index without the run answers with those.
    expect(urls((await search(prefixQuery('11440300mb2c000273_'))).results)).toEqual(['/kb/n5/', '/kb/o3/']);
    expect(urls((await search(phraseQuery(['11440300']))).results)).toEqual(['/kb/n5/', '/kb/o3/']);
    // The pairs' phrase, exactly.
    expect(urls((await search(phraseQuery(['网格', '格化']))).results)).toEqual(['/kb/n4/']);
    expect(urls((await search(phraseQuery(['格化', '网格']))).results)).toEqual([]);
  });

  it('(9) lists the word index chunks in the metadata, and finds a prefix only among the words of chunks loaded', async () => {
    const folder = path.join(site, 'pagefind', 'chunky');
    const meta = (await readdir(folder)).find((name) => name.endsWith('.pf_meta'))!;
    const chunks = indexChunks(gunzipSync(await readFile(path.join(folder, meta))).subarray(FILE_SIGNATURE.length));
    expect(chunks.length).toBeGreaterThan(1);
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.from <= chunk.to, chunk.hash).toBe(true);
      if (i > 0) expect(chunks[i - 1]!.to < chunk.from, chunk.hash).toBe(true);
      expect(await readFile(path.join(folder, 'index', `${chunk.hash}.pf_index`)), chunk.hash).toBeTruthy();
    }
    const starts = laterChunkStarts(chunks)['网']!;
    expect(starts.length).toBeGreaterThan(0);
    const positions = () =>
      page.evaluate(async () => {
        const api = (window as unknown as { chunky: PagefindApi }).chunky;
        return (await api.search('网')).results[0]?.words.length ?? 0;
      });
    const before = await positions();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(CHUNKY_WORDS);
    await page.evaluate((term) => (window as unknown as { chunky: PagefindApi }).chunky.preload(term), starts.join(' '));
    expect(await positions()).toBe(CHUNKY_WORDS);
  });

  it('(7) writes every file as gzip of its signature and data; a fragment is JSON with url, content and meta', async () => {
    const folder = path.join(site, 'pagefind', 'fragment');
    const [name] = await readdir(folder);
    const fragment = fragmentData(gunzipSync(await readFile(path.join(folder, name!))).toString('utf8'));
    expect(fragment).toMatchObject({
      url: expect.stringMatching(/^\/(kb\/|#start)/),
      content: expect.any(String),
      meta: expect.any(Object),
    });
    for (const sub of ['index', 'filter']) {
      const [file] = await readdir(path.join(site, 'pagefind', sub));
      const raw = gunzipSync(await readFile(path.join(site, 'pagefind', sub, file!))).toString('latin1');
      expect(raw.startsWith('pagefind_dcd'), sub).toBe(true);
      expect(pagefindFileData(raw).length).toBe(raw.length - 'pagefind_dcd'.length);
    }
  });

  it('(7) takes its files as the browser gives them when nginx sends them with Content-Encoding: gzip, already inflated', async () => {
    const files = ['pagefind/wasm.unknown.pagefind'];
    for (const sub of ['fragment', 'index', 'filter'])
      files.push(`pagefind/${sub}/${(await readdir(path.join(site, 'pagefind', sub)))[0]}`);
    files.push(`pagefind/${(await readdir(path.join(site, 'pagefind'))).find((name) => name.endsWith('.pf_meta'))}`);
    const served = await page.evaluate(
      (files) =>
        Promise.all(
          files.map(async (file) => {
            const response = await fetch(`/kb/${file}`);
            const start = new TextDecoder('latin1').decode((await response.arrayBuffer()).slice(0, 12));
            return { file, encoding: response.headers.get('content-encoding'), start };
          }),
        ),
      files,
    );
    for (const { file, encoding, start } of served)
      expect({ file, encoding, start }).toEqual({ file, encoding: 'gzip', start: FILE_SIGNATURE });
    // Every search above ran on files served so; this one also reads a fragment.
    expect(urls((await search(phraseQuery(['应', '急']))).results)).toEqual(['/kb/n3/']);
  });
});
