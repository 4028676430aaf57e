/**
 * Search as a reader meets it: the built site served by nginx (the
 * repository's own config), the search page opened in chromium with an empty
 * cache and a query in its URL, then more queries typed into its form. Counts
 * the bytes that crossed the network and the time until results, with their
 * excerpts, were shown.
 */
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveWithNginx } from '../tests/helpers/nginx.ts';
import { removeTempDirs } from '../tests/helpers/temp-dir.ts';

export interface QueryMetrics {
  query: string;
  results: number;
  milliseconds: number;
  /** Bytes received (compressed, as sent) while it ran. */
  bytes: number;
  /** Pagefind's part of `bytes` by kind of file (see `PAGEFIND_FILE_KINDS`). */
  pagefindByKind: Record<string, number>;
}

/** Kinds of file in the search bundle, by name. */
const PAGEFIND_FILE_KINDS: ReadonlyArray<[kind: string, pattern: RegExp]> = [
  ['code', /\.js$|\.pagefind$/],
  ['metadata', /\.pf_meta$|\.json$/],
  ['filters', /\.pf_filter$/],
  ['index chunks', /\.pf_index$/],
  ['fragments', /\.pf_fragment$/],
];

function pagefindByKind(requests: ReadonlyArray<{ url: string; bytes: number }>): Record<string, number> {
  const byKind: Record<string, number> = {};
  for (const { url, bytes } of requests) {
    if (!url.includes('/pagefind/')) continue;
    const kind = PAGEFIND_FILE_KINDS.find(([, pattern]) => pattern.test(new URL(url).pathname))?.[0] ?? 'other';
    byKind[kind] = (byKind[kind] ?? 0) + bytes;
  }
  return byKind;
}

export interface SearchMetrics {
  /** Loading the search page and running the first query, with an empty cache. */
  first: QueryMetrics & { pagefindBytes: number; requests: number };
  /** A different query in the same page afterwards. */
  warm: QueryMetrics;
  /** The first query again. */
  repeat: QueryMetrics;
}

function trackBytes(cdp: CDPSession) {
  const urls = new Map<string, string>();
  const received: Array<{ url: string; bytes: number }> = [];
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => received.push({ url: urls.get(event.requestId) ?? '', bytes: event.encodedDataLength }));
  return {
    mark: () => received.length,
    since: (mark: number) => received.slice(mark),
  };
}

/**
 * Runs a query in the open search page through its own form, as a reader
 * does, until its first results are shown with their excerpts. The page
 * counts searches whose results it has shown in `data-search-runs` and the
 * last one's results in `data-search-total`, and keeps their fragment hashes
 * in `searchResultIds` (src/search/client/page.ts); it is `aria-busy` until
 * they are in their final order, which `rankedMilliseconds` waits for.
 */
export async function runQuery(page: import('playwright-core').Page, query: string) {
  return page.evaluate(async (query) => {
    const root = document.querySelector<HTMLElement & { searchResultIds: string[] }>('[data-search-root]')!;
    const finished = () => Number(root.dataset.searchRuns ?? 0);
    const before = finished();
    const started = performance.now();
    root.querySelector<HTMLInputElement>('input[name="q"]')!.value = query;
    root.querySelector<HTMLFormElement>('form[data-search-form]')!.requestSubmit();
    const until = (done: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => (done() ? resolve() : requestAnimationFrame(check));
        check();
      });
    await until(() => finished() > before);
    const milliseconds = performance.now() - started;
    const results = Number(root.dataset.searchTotal);
    const ids = root.searchResultIds;
    // Shown; then settled, once the results are in their full relevance order (src/search/client/page.ts).
    await until(() => root.getAttribute('aria-busy') === 'false');
    // `startedAt` in the page's clock, for reading its Resource Timing (bench/search-timeline.ts).
    return { results, milliseconds, rankedMilliseconds: performance.now() - started, ids, startedAt: started };
  }, query);
}

/** Opens the search page with a query in its URL, as the header's search box does, until the results show. */
async function openWithQuery(page: import('playwright-core').Page, siteUrl: string, query: string) {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await page.waitForSelector('[data-search-root][data-search-runs]', { timeout: 120_000 });
  return { results: Number(await page.getAttribute('[data-search-root]', 'data-search-total')) };
}

export async function measureSearch(distDir: string, queries: { common: string; rare: string }): Promise<SearchMetrics> {
  const server = await serveWithNginx(distDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    const bytes = trackBytes(cdp);
    const sum = (list: Array<{ bytes: number }>) => list.reduce((total, item) => total + item.bytes, 0);

    const pageStart = bytes.mark();
    const started = Date.now();
    const first = await openWithQuery(page, server.siteUrl, queries.common);
    await page.waitForTimeout(200); // let the last loadingFinished events arrive
    const firstRequests = bytes.since(pageStart);
    const firstMetrics = {
      query: queries.common,
      results: first.results,
      milliseconds: Date.now() - started,
      bytes: sum(firstRequests),
      pagefindByKind: pagefindByKind(firstRequests),
      pagefindBytes: sum(firstRequests.filter((r) => r.url.includes('/pagefind/'))),
      requests: firstRequests.length,
    };

    const measureAgain = async (query: string): Promise<QueryMetrics> => {
      const mark = bytes.mark();
      const { results, milliseconds } = await runQuery(page, query);
      await page.waitForTimeout(200);
      const requests = bytes.since(mark);
      return { query, results, milliseconds, bytes: sum(requests), pagefindByKind: pagefindByKind(requests) };
    };
    const warm = await measureAgain(queries.rare);
    const repeat = await measureAgain(queries.common);
    return { first: firstMetrics, warm, repeat };
  } finally {
    await browser.close();
    await server.stop();
    // nginx's configuration and logs, in a temporary folder of their own.
    await removeTempDirs();
  }
}
