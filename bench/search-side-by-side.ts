/**
 * Gazette's search and stock Pagefind's, side by side on the same corpus,
 * the same query set, the same server (nginx) and the same browser.
 *
 * Each side gets a fresh browser context (empty cache): the first query is
 * opened with the page, as a reader arrives from the header's search box;
 * every other query then runs in that same page. Ours runs through its own
 * search page; stock Pagefind through its JS API as its default UI uses it,
 * `search()` and the first five results' `data()`, from a harness page
 * written into the baseline's output. Bytes are every response's body and
 * headers as sent (`request.sizes()`), a web worker's included. After the
 * timed run, each side's result set is checked against the documents that
 * really contain the query (bench/corpus/queries.ts): precision and recall.
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { fragmentData } from '../src/search/pagefind-contract.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { median } from './site-metrics.ts';
import { runQuery } from './search-metrics.ts';
import { serveWithNginx } from '../tests/helpers/nginx.ts';
import { documentsContaining, type BenchQuery, type CorpusDocument, type SearchedSite } from './corpus/queries.ts';

export interface SideQueryMetrics {
  query: string;
  /** Until results are shown (ours: with their excerpts, in a first order). */
  milliseconds: number;
  /** Ours: until they are in their full relevance order (src/search/client/engine.ts), the same when the first order was final. */
  rankedMilliseconds?: number;
  /** Bytes of every response while it ran: bodies and headers, compressed as sent. */
  bytes: number;
  /** Of `bytes`, the web fonts the page loaded to draw the results (ours: Noto SC slices, where no Chinese font is installed, as in this chromium). */
  fontBytes: number;
  results: number;
  /** Documents whose text contains the query, on this site. */
  trueCount: number;
  /** Of the results, the share that contain it; 1 when there are none. */
  precision: number;
  /** Of the documents that contain it, the share found; 1 when there are none. */
  recall: number;
}

export interface SideBySideQuery extends BenchQuery {
  /** Run with the page, in an empty cache: the first query of a session. */
  first: boolean;
  ours: SideQueryMetrics;
  stock: SideQueryMetrics;
}

export interface SideBySide {
  queries: SideBySideQuery[];
  /** Medians over the queries after the first, in the page the first opened. */
  warmMedianMilliseconds: { ours: number; stock: number };
}

/** Where the harness page lives in the baseline's output; nginx serves it like the rest. */
const HARNESS_FOLDER = 'stock-search';

/**
 * Stock Pagefind as its default UI drives it: `search()`, then the first
 * five results' data. Loaded from the harness page; `stockSearch(q)` is
 * called for every query after the first.
 */
const HARNESS_SCRIPT = `
const pagefind = await import('../pagefind/pagefind.js');
const RESULTS_SHOWN = 5;
window.stockSearch = async (query) => {
  const started = performance.now();
  const response = await pagefind.search(query);
  await Promise.all(response.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
  return { milliseconds: performance.now() - started, ids: response.results.map((result) => result.id) };
};
const query = new URLSearchParams(location.search).get('q');
if (query) {
  const outcome = await window.stockSearch(query);
  document.body.dataset.ids = JSON.stringify(outcome.ids);
}
document.body.dataset.ready = 'true';
`;

async function writeHarness(baselineDir: string): Promise<void> {
  await mkdir(path.join(baselineDir, HARNESS_FOLDER), { recursive: true });
  await writeFile(path.join(baselineDir, HARNESS_FOLDER, 'search.js'), HARNESS_SCRIPT);
  // The page's language picks Pagefind's zh-cn index, as on the baseline's own pages.
  await writeFile(
    path.join(baselineDir, HARNESS_FOLDER, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title><script type="module" src="search.js"></script></head><body></body></html>',
  );
}

/** Every Pagefind page hash of a built site → its URL path without the base, read from the fragment files of every shard. */
async function fragmentUrls(outDir: string, base: string): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const entry of await readdir(path.join(outDir, 'pagefind'), { recursive: true, withFileTypes: true })) {
    if (!entry.name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(await readFile(path.join(entry.parentPath, entry.name))).toString('utf8');
    const { url } = fragmentData(text);
    urls.set(entry.name.replace(/\.pf_fragment$/, ''), url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
  }
  return urls;
}

/** Sums the bytes of responses that finish in a browser context, a worker's included. */
function countBytes(context: BrowserContext) {
  let total = 0;
  let fonts = 0;
  const pending = new Set<Promise<void>>();
  context.on('requestfinished', (request) => {
    const sized = request
      .sizes()
      .then((sizes) => {
        total += sizes.responseBodySize + sizes.responseHeadersSize;
        if (request.resourceType() === 'font') fonts += sizes.responseBodySize + sizes.responseHeadersSize;
      })
      .catch(() => undefined)
      .finally(() => pending.delete(sized));
    pending.add(sized);
  });
  return {
    /** Bytes so far, once every finished request is counted. */
    async settled(): Promise<number> {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await Promise.all(pending);
      return total;
    },
    /** Of those, fonts (call after `settled`). */
    fonts(): number {
      return fonts;
    },
  };
}

interface Run {
  milliseconds: number;
  rankedMilliseconds?: number;
  ids: string[];
}

interface SearchSide {
  site: SearchedSite;
  /** Opens the page with the first query; resolves when its results are shown. */
  open(page: Page, query: string): Promise<string[]>;
  /** Runs a query in the open page. */
  again(page: Page, query: string): Promise<Run>;
  /** Waits until the page has done all the first query asked of it. */
  settle?(page: Page): Promise<void>;
}

const gazetteSide = (siteUrl: string): SearchSide => ({
  site: 'gazette',
  async open(page, query) {
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.waitForSelector('[data-search-root][data-search-runs]', { timeout: 300_000 });
    const ids = await page.$eval('[data-search-root]', (root) => (root as HTMLElement & { searchResultIds: string[] }).searchResultIds);
    return ids;
  },
  async settle(page) {
    await page.waitForSelector('[data-search-root][aria-busy="false"]', { timeout: 300_000 });
  },
  again: runQuery,
});

const stockSide = (siteUrl: string): SearchSide => ({
  site: 'baseline',
  async open(page, query) {
    await page.goto(`${siteUrl}${HARNESS_FOLDER}/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 300_000 });
    return JSON.parse((await page.getAttribute('body', 'data-ids')) ?? '[]') as string[];
  },
  again(page, query) {
    return page.evaluate((query) => (window as unknown as { stockSearch(q: string): Promise<Run> }).stockSearch(query), query);
  },
});

function quality(found: readonly string[], urls: ReadonlyMap<string, string>, truth: ReadonlySet<string>) {
  const foundUrls = new Set(found.map((id) => urls.get(id) ?? `unknown:${id}`));
  const correct = [...foundUrls].filter((url) => truth.has(url)).length;
  return {
    precision: foundUrls.size === 0 ? 1 : correct / foundUrls.size,
    recall: truth.size === 0 ? 1 : correct / truth.size,
  };
}

/** One side's run over the whole query set, in one page of a fresh context. */
async function measureSide(
  side: SearchSide,
  queries: readonly BenchQuery[],
  documents: readonly CorpusDocument[],
  urls: ReadonlyMap<string, string>,
): Promise<SideQueryMetrics[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const bytes = countBytes(context);
    const page = await context.newPage();
    const metrics: SideQueryMetrics[] = [];
    for (const [position, { query }] of queries.entries()) {
      const before = await bytes.settled();
      const fontsBefore = bytes.fonts();
      let run: Run;
      if (position === 0) {
        const started = Date.now();
        const ids = await side.open(page, query);
        const milliseconds = Date.now() - started;
        await side.settle?.(page);
        run = { milliseconds, rankedMilliseconds: Date.now() - started, ids };
      } else {
        run = await side.again(page, query);
      }
      const sent = (await bytes.settled()) - before;
      const truth = new Set(documentsContaining(documents, query, side.site).map((document) => document.urls[side.site]));
      metrics.push({
        query,
        milliseconds: Math.round(run.milliseconds),
        ...(side.site === 'gazette' && run.rankedMilliseconds !== undefined
          ? { rankedMilliseconds: Math.round(run.rankedMilliseconds) }
          : {}),
        bytes: sent,
        fontBytes: bytes.fonts() - fontsBefore,
        results: run.ids.length,
        trueCount: truth.size,
        ...quality(run.ids, urls, truth),
      });
    }
    return metrics;
  } finally {
    await browser.close();
  }
}

/**
 * Measures both sites over `queries`. `oursDir` is Gazette's build for
 * `/kb/`; `baselineDir` the plain Astro site (base `/`) with the Pagefind
 * CLI's index. Both are served at `/kb/` by nginx: ours with the
 * repository's config, the baseline with nginx's defaults and the same
 * compression, since stock Pagefind's worker needs no CSP of ours.
 */
export async function measureSideBySide(
  oursDir: string,
  baselineDir: string,
  queries: readonly BenchQuery[],
  documents: readonly CorpusDocument[],
): Promise<SideBySide> {
  await writeHarness(baselineDir);
  const oursServer = await serveWithNginx(oursDir);
  const stockServer = await serveWithNginx(baselineDir, { plain: true });
  try {
    const ours = await measureSide(gazetteSide(oursServer.siteUrl), queries, documents, await fragmentUrls(oursDir, '/kb/'));
    const stock = await measureSide(stockSide(stockServer.siteUrl), queries, documents, await fragmentUrls(baselineDir, '/'));
    return {
      queries: queries.map((query, i) => ({ ...query, first: i === 0, ours: ours[i]!, stock: stock[i]! })),
      warmMedianMilliseconds: {
        ours: median(ours.slice(1).map((metrics) => metrics.milliseconds)),
        stock: median(stock.slice(1).map((metrics) => metrics.milliseconds)),
      },
    };
  } finally {
    await oursServer.stop();
    await stockServer.stop();
  }
}

/** The table `npm run bench` prints. */
export function formatSideBySide(result: SideBySide): string {
  const ratio = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(2));
  const percent = (value: number) => `${(value * 100).toFixed(value === 1 ? 0 : 1)}`;
  const rows = [
    [
      'query',
      'kind',
      'ours ms',
      'ranked',
      'stock ms',
      '×',
      'ours KB',
      'fonts',
      'stock KB',
      '×',
      '× w/o fonts',
      'ours n',
      'true n',
      'P/R %',
      'stock n',
      'true n',
      'P/R %',
    ],
    ...result.queries.map(({ query, kind, first, ours, stock }) => [
      `${first ? '* ' : ''}${query}`,
      kind,
      String(ours.milliseconds),
      String(ours.rankedMilliseconds ?? ours.milliseconds),
      String(stock.milliseconds),
      ratio(ours.milliseconds, stock.milliseconds),
      (ours.bytes / 1000).toFixed(1),
      (ours.fontBytes / 1000).toFixed(1),
      (stock.bytes / 1000).toFixed(1),
      ratio(ours.bytes, stock.bytes),
      ratio(ours.bytes - ours.fontBytes, stock.bytes - stock.fontBytes),
      String(ours.results),
      String(ours.trueCount),
      `${percent(ours.precision)}/${percent(ours.recall)}`,
      String(stock.results),
      String(stock.trueCount),
      `${percent(stock.precision)}/${percent(stock.recall)}`,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  const lines = rows.map((row) =>
    row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '),
  );
  const { ours, stock } = result.warmMedianMilliseconds;
  lines.push(`* first query of a session (page load included). Warm median (queries after the first): ours ${ours} ms, stock ${stock} ms.`);
  lines.push(
    'ours ms: until results are shown; ranked: until in their full relevance order. fonts: web fonts in ours KB, to draw the results (the stock harness draws none).',
  );
  return lines.join('\n');
}
