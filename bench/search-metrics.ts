/**
 * Search as a reader meets it: the built site served by nginx (the
 * repository's own config), the search page opened in chromium with an empty
 * cache, then queries run through the Pagefind index the page uses. Counts
 * the bytes that crossed the network and the time until results, with their
 * excerpts, were ready.
 */
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveWithNginx } from '../tests/helpers/nginx.ts';

export interface QueryMetrics {
  query: string;
  results: number;
  milliseconds: number;
  /** Bytes received (compressed, as sent) while it ran. */
  bytes: number;
}

export interface SearchMetrics {
  /** Loading the search page and running the first query, with an empty cache. */
  first: QueryMetrics & { pagefindBytes: number; requests: number };
  /** A different query in the same page afterwards. */
  warm: QueryMetrics;
  /** The first query again. */
  repeat: QueryMetrics;
}

/** Results whose excerpts are fetched, as a results page shows them. */
const SHOWN_RESULTS = 5;

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

/** Runs one query in the page through Pagefind's API and loads the shown results' fragments. */
async function runQuery(page: import('playwright-core').Page, pagefindUrl: string, query: string) {
  return page.evaluate(
    async ({ pagefindUrl, query, shown }) => {
      const started = performance.now();
      const pagefind = await import(pagefindUrl);
      const search = await pagefind.search(query);
      await Promise.all(search.results.slice(0, shown).map((result: { data: () => Promise<unknown> }) => result.data()));
      return { results: search.results.length as number, milliseconds: performance.now() - started };
    },
    { pagefindUrl, query, shown: SHOWN_RESULTS },
  );
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
    const pagefindUrl = `${server.siteUrl}pagefind/pagefind.js`;
    const sum = (list: Array<{ bytes: number }>) => list.reduce((total, item) => total + item.bytes, 0);

    const pageStart = bytes.mark();
    const started = Date.now();
    const response = await page.goto(`${server.siteUrl}search/`, { waitUntil: 'load' });
    // Without a search page, measure from the home page: the query costs the same.
    if (!response?.ok()) await page.goto(server.siteUrl, { waitUntil: 'load' });
    const first = await runQuery(page, pagefindUrl, queries.common);
    await page.waitForTimeout(200); // let the last loadingFinished events arrive
    const firstRequests = bytes.since(pageStart);
    const firstMetrics = {
      query: queries.common,
      results: first.results,
      milliseconds: Date.now() - started,
      bytes: sum(firstRequests),
      pagefindBytes: sum(firstRequests.filter((r) => r.url.includes('/pagefind/'))),
      requests: firstRequests.length,
    };

    const measureAgain = async (query: string): Promise<QueryMetrics> => {
      const mark = bytes.mark();
      const result = await runQuery(page, pagefindUrl, query);
      await page.waitForTimeout(200);
      return { query, ...result, bytes: sum(bytes.since(mark)) };
    };
    const warm = await measureAgain(queries.rare);
    const repeat = await measureAgain(queries.common);
    return { first: firstMetrics, warm, repeat };
  } finally {
    await browser.close();
    await server.stop();
  }
}
