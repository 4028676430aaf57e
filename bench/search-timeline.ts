/**
 * `npm run bench:timeline -- <dist> <first query> <query>…`: where a warm
 * query's time goes, request by request, on a site already built for
 * `/kb/` (e.g. the one `npm run bench -- --keep` leaves in bench/tmp/).
 *
 * Serves `<dist>` with nginx and the repository's config, opens the search
 * page in chromium with the first query, then runs each other query through
 * the page's form and prints, from the page's Resource Timing (ms from the
 * submit): the index chunks it fetched (count, KB, all in by), when the
 * fragments were requested (so how long Pagefind searched after the chunks),
 * when they were all in, and when the first page was drawn. Each query waits
 * for the one before to settle, its full relevance order included.
 * bench/README.md ("Where a warm query's time goes") was measured with it.
 */
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveWithNginx } from '../tests/helpers/nginx.ts';
import { runQuery } from './search-metrics.ts';

export interface QueryTimeline {
  query: string;
  chunks: number;
  chunkKB: number;
  chunksInBy: number;
  fragments: number;
  fragmentsRequestedAt: number;
  fragmentsInBy: number;
  drawnAt: number;
}

interface Request {
  name: string;
  startTime: number;
  responseEnd: number;
  transferSize: number;
}

/** What the requests made while a query was drawn say about it, their times taken from `startedAt`. */
function timeline(query: string, requests: readonly Request[], startedAt: number, drawnAt: number): QueryTimeline {
  const during = requests.filter((request) => request.startTime - startedAt < drawnAt);
  const chunks = during.filter((request) => request.name.endsWith('.pf_index'));
  const fragments = during.filter((request) => request.name.endsWith('.pf_fragment'));
  const latest = (some: readonly Request[]) => Math.max(0, ...some.map((request) => request.responseEnd - startedAt));
  return {
    query,
    chunks: chunks.length,
    chunkKB: chunks.reduce((sum, request) => sum + request.transferSize, 0) / 1024,
    chunksInBy: latest(chunks),
    fragments: fragments.length,
    fragmentsRequestedAt: fragments.length > 0 ? Math.min(...fragments.map((request) => request.startTime - startedAt)) : 0,
    fragmentsInBy: latest(fragments),
    drawnAt,
  };
}

export async function searchTimeline(distDir: string, first: string, queries: readonly string[]): Promise<QueryTimeline[]> {
  const server = await serveWithNginx(distDir);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.siteUrl}search/?q=${encodeURIComponent(first)}`);
    await page.waitForSelector('[data-search-root][aria-busy="false"][data-search-runs]', { timeout: 300_000 });
    const timelines: QueryTimeline[] = [];
    for (const query of queries) {
      await page.evaluate(() => performance.clearResourceTimings());
      // Runs it through the page's form, and waits for its full relevance order too, so that the next starts clean.
      const { milliseconds, startedAt } = await runQuery(page, query);
      const requests = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(({ name, startTime, responseEnd, transferSize }) => ({
          name,
          startTime,
          responseEnd,
          transferSize,
        })),
      );
      timelines.push(timeline(query, requests, startedAt, milliseconds));
    }
    return timelines;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) {
  const [distDir, first, ...queries] = process.argv.slice(2);
  if (!distDir || !first || queries.length === 0) {
    console.error('usage: npm run bench:timeline -- <dist folder built for /kb/> <first query> <query>…');
    process.exit(2);
  }
  const round = (value: number) => String(Math.round(value));
  console.log(['query', 'chunks', 'KB', 'in by', 'fragments', 'requested at', 'in by', 'drawn at'].join('\t'));
  for (const row of await searchTimeline(distDir, first, queries)) {
    console.log(
      [
        row.query,
        row.chunks,
        round(row.chunkKB),
        round(row.chunksInBy),
        row.fragments,
        round(row.fragmentsRequestedAt),
        round(row.fragmentsInBy),
        round(row.drawnAt),
      ].join('\t'),
    );
  }
}
