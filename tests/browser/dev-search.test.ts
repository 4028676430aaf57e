/**
 * Search under `npm run dev`, which the README recommends for previewing:
 * the dev server (astro dev on a free port, the search fixture as its
 * content, under /kb/) makes a search index from the pages it renders, the
 * search page in chromium finds exactly the documents that contain a query,
 * and a phrase added to a document while the server runs is found on the
 * next search. One dev server for the whole file: it is heavy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, recordExternalRequests } from '../helpers/browser.ts';
import { makeContent } from '../helpers/build-site.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { SEARCH_FIXTURE, documentsContaining, searchFixtureFiles } from '../fixtures/search-site.ts';
import { searchUi } from '../../src/translations/zh-CN.ts';

const BASE = '/kb/';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200. */
async function waitForServer(url: string, output: () => string, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`dev server did not answer ${url}:\n${output()}`);
}

describe('search under npm run dev', () => {
  let server: ChildProcess;
  let output = '';
  let origin: string;
  let contentDir: string;
  let browser: Browser;
  let page: Page;
  let external: string[];

  beforeAll(async () => {
    contentDir = await makeContent(searchFixtureFiles());
    const port = await freePort();
    // The address Vite listens on: Node’s fetch does not fall back from ::1, as `localhost` may resolve first.
    origin = `http://127.0.0.1:${port}`;
    // `npm run dev` is `astro dev`.
    server = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
      cwd: REPO_ROOT,
      env: {
        // Not Vitest's variables: Astro's dev server serves no pages when it believes it runs under Vitest.
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV')),
        GAZETTE_CONTENT_DIR: contentDir,
        GAZETTE_CACHE_DIR: await tempDir('gazette-dev-cache-'),
        SITE_BASE: BASE,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    await waitForServer(`${origin}${BASE}`, () => output);
    browser = await launchChromium();
    page = await browser.newPage();
    external = recordExternalRequests(page);
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  /** Opens the search page for `query` and returns the result links it shows, sorted, with its status line. */
  async function search(query: string) {
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent(query)}`);
    // The first search waits for the index to be made.
    await page.waitForSelector('[data-search-root][aria-busy="false"][data-search-runs]', { timeout: 120_000 });
    while (await page.locator('[data-search-more]').isVisible()) await page.click('[data-search-more]');
    const hrefs = await page.$$eval('.finder__result h2 a', (links) => links.map((link) => link.getAttribute('href')!));
    return { status: (await page.textContent('[data-search-status]')) ?? '', hrefs: hrefs.sort() };
  }

  it('finds exactly the documents that contain a query', async () => {
    for (const query of ['土地整备', '红坳村 应急预案']) {
      const expected = documentsContaining(query).map((url) => `${BASE}${url}`);
      expect(expected.length, query).toBeGreaterThan(0);
      const found = await search(query);
      expect(found.status, output).not.toBe(searchUi.unavailable);
      expect(found.hrefs, query).toEqual(expected);
    }
    expect(output).toMatch(/开发服务器搜索索引已就绪：\d+ 篇文档/);
    expect(external).toEqual([]);
  });

  it('finds a phrase added to a document while the server runs', async () => {
    const phrase = '开发预览新增的段落文字';
    expect(documentsContaining(phrase)).toEqual([]);
    const doc = SEARCH_FIXTURE.find((entry) => !entry.draft && entry.access !== 'restricted')!;
    await appendFile(path.join(contentDir, doc.file), `\n${phrase}。\n`);
    // The file watcher tells the server; the next search's index shows the change.
    let found = await search(phrase);
    for (let attempt = 0; attempt < 20 && found.hrefs.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      found = await search(phrase);
    }
    expect(found.hrefs, output).toEqual([`${BASE}${doc.url}`]);
  });
});
