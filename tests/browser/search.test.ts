/**
 * Search as readers use it: the fixture site (tests/fixtures/search-site.ts)
 * built for /kb/, served by nginx with the repository's config, searched in
 * Debian chromium through the search page. Every query is checked against
 * the exact set of documents that contain it.
 */
import { gunzipSync } from 'node:zlib';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, makeContent } from '../helpers/build-site.ts';
import { launchChromium, recordExternalRequests } from '../helpers/browser.ts';
import { serveWithNginx, type NginxServer } from '../helpers/nginx.ts';
import { SEARCH_FIXTURE, documentsContaining, publishedFixture, rankedContaining, searchFixtureFiles } from '../fixtures/search-site.ts';
import { searchUi, ui } from '../../src/translations/zh-CN.ts';
import { measureSearch } from '../../bench/search-metrics.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { SEARCH_MANIFEST_FILE, shardStartUrl, type SearchManifest } from '../../src/search/shards.ts';
import { fragmentData } from '../../src/search/pagefind-contract.ts';

const BASE = '/kb/';
/** A URL path under the base for a fixture path. */
const url = (sitePath: string) => `${BASE}${sitePath}`;
const fixtureUrl = (title: string) => url(SEARCH_FIXTURE.find((doc) => doc.title === title)!.url);

/** Every URL in the built index, read from the fragment files of every shard, with the shards' start markers apart. */
async function indexedUrls(outDir: string): Promise<{ documents: string[]; shardStarts: string[] }> {
  const urls: string[] = [];
  for (const entry of await readdir(path.join(outDir, 'pagefind'), { recursive: true, withFileTypes: true })) {
    if (!entry.name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(await readFile(path.join(entry.parentPath, entry.name))).toString('utf8');
    urls.push(fragmentData(text).url);
  }
  const isMarker = (url: string) => url.startsWith(shardStartUrl(''));
  return { documents: urls.filter((url) => !isMarker(url)).sort(), shardStarts: urls.filter(isMarker).sort() };
}

/**
 * The fixture's documents span 2019–2021: with shards of at most three
 * documents the index is in several shards, which the search page merges,
 * so every query below also checks that merged shards give exact results,
 * counts and order.
 */
const SHARDED = { pipeline: true, env: { GAZETTE_SEARCH_SHARD_SIZE: '3' } };

interface ShownResult {
  href: string;
  title: string;
  marks: string[];
  meta: string[];
}

/** Waits for the search page to finish and reads what it shows. */
async function readResults(page: Page) {
  await page.waitForSelector('[data-search-root][aria-busy="false"]');
  const results = await page.$$eval('.finder__result', (items) =>
    items.map((item) => ({
      href: item.querySelector('h2 a')!.getAttribute('href')!,
      title: item.querySelector('h2')!.textContent!,
      marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent!),
      meta: [...item.querySelectorAll('.finder__meta span')].map((span) => span.textContent!),
    })),
  );
  return { status: (await page.textContent('[data-search-status]')) ?? '', results: results as ShownResult[] };
}

/** Presses "more" until every result is on the page. */
async function showAll(page: Page): Promise<ShownResult[]> {
  while (await page.locator('[data-search-more]').isVisible()) {
    const before = await page.locator('.finder__result').count();
    await page.click('[data-search-more]');
    await page.waitForFunction((count) => document.querySelectorAll('.finder__result').length > count, before);
  }
  return (await readResults(page)).results;
}

/** The facet counts the page shows once the reader reaches for the filters: facet → option value → count. */
async function facetCounts(page: Page): Promise<Record<string, Record<string, number>>> {
  await page.focus('select[name="kind"]');
  await page.waitForSelector('[data-search-root][data-search-counts="shown"]');
  return page.$$eval('.finder__filter select:not([name="sort"])', (selects) =>
    Object.fromEntries(
      (selects as HTMLSelectElement[]).map((select) => [
        select.name,
        Object.fromEntries(
          [...select.options]
            .filter((option) => option.value)
            .map((option) => [option.value, Number(/（(\d+)）$/.exec(option.textContent ?? '')?.[1] ?? NaN)]),
        ),
      ]),
    ),
  );
}

describe('search in chromium, served by nginx under /kb/', () => {
  let server: NginxServer;
  let browser: Browser;
  let page: Page;
  let external: string[];
  const pageErrors: string[] = [];
  let buildOutput = '';
  let outDir = '';

  const search = async (query: string, extra = '') => {
    await page.goto(`${server.siteUrl}search/?q=${encodeURIComponent(query)}${extra}`);
    await readResults(page);
    return showAll(page);
  };
  /** Runs `query` through the open search page's own form, so that its engine and what it has kept are used again. */
  const searchInPlace = async (query: string) => {
    const root = page.locator('[data-search-root]');
    const runs = Number(await root.getAttribute('data-search-runs'));
    await root.evaluate((element, query) => {
      element.querySelector<HTMLInputElement>('input[name="q"]')!.value = query;
      element.querySelector<HTMLFormElement>('form[data-search-form]')!.requestSubmit();
    }, query);
    await page.waitForFunction(
      (before) => Number(document.querySelector<HTMLElement>('[data-search-root]')!.dataset.searchRuns) > before,
      runs,
    );
    await readResults(page);
    return showAll(page);
  };
  const hrefs = (results: ShownResult[]) => results.map((result) => result.href).sort();
  const expected = (query: string) => documentsContaining(query).map(url);

  beforeAll(async () => {
    const build = await buildSite({ contentDir: await makeContent(searchFixtureFiles()), base: BASE, ...SHARDED });
    expect(build.ok, build.output).toBe(true);
    buildOutput = build.output;
    outDir = build.outDir;
    server = await serveWithNginx(build.outDir);
    browser = await launchChromium();
    page = await browser.newPage();
    external = recordExternalRequests(page);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Console errors include CSP violations and failed loads; warnings, e.g.
    // Pagefind's about options it does not know, are counted too.
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') pageErrors.push(`${message.type()}: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds the index after the pages and prints its figures', async () => {
    const published = publishedFixture().length;
    expect(buildOutput).toMatch(new RegExp(`search index: ${published} documents indexed in [\\d.]+ s; index [\\d.]+ KB`));
    const manifest = JSON.parse(await readFile(path.join(outDir, 'pagefind', SEARCH_MANIFEST_FILE), 'utf8')) as SearchManifest;
    const indexed = await indexedUrls(outDir);
    expect(indexed.documents).toEqual(
      publishedFixture()
        .map((doc) => url(doc.url))
        .sort(),
    );
    // One start marker a shard, which orders the shards' results (src/search/shards.ts) and is never shown.
    expect(indexed.shardStarts).toEqual(manifest.shards.map((shard) => shardStartUrl(shard.key)).sort());
    expect(manifest.shards.length).toBeGreaterThan(2);
    expect(manifest.shards[0]!.folder).toBe('');
  });

  it('serves every shard’s content-hashed files as immutable, and the manifest for revalidation', async () => {
    const manifest = JSON.parse(await readFile(path.join(outDir, 'pagefind', SEARCH_MANIFEST_FILE), 'utf8')) as SearchManifest;
    for (const { folder } of manifest.shards) {
      const fragment = (await readdir(path.join(outDir, 'pagefind', folder, 'fragment')))[0]!;
      const response = await fetch(`${server.siteUrl}pagefind/${folder}fragment/${fragment}`);
      expect(response.status, folder).toBe(200);
      expect(response.headers.get('cache-control'), folder).toBe('public, max-age=31536000, immutable');
    }
    const manifestResponse = await fetch(`${server.siteUrl}pagefind/${SEARCH_MANIFEST_FILE}`);
    expect(manifestResponse.headers.get('cache-control')).toBe('no-cache');
  });

  const queries = [
    // Han substrings of length 1 to 6.
    '查',
    '网格',
    '网格化',
    '土地整备',
    '红坳村整村',
    '应急预案演练',
    // Across likely word boundaries (网格化|管理, 预案|体系, 红坳村|整村).
    '化管',
    '预案体',
    '村整',
    // Mixed Latin and numbers: whole words, any case.
    'OA系统',
    'oa系统',
    'G11项目',
    '6号线',
    '1+6+N',
    // A 文号, in one document's body and another's metadata.
    '深光综〔2020〕12号',
    // Several parts: documents that contain all of them.
    '红坳村 应急预案',
    '综合办',
  ];
  it.each(queries)('finds exactly the documents that contain %s', async (query) => {
    const results = await search(query);
    expect(expected(query).length, `fixture has documents with ${query}`).toBeGreaterThan(0);
    expect(hrefs(results)).toEqual(expected(query));
  });

  it('finds nothing for a string no document contains, and says so', async () => {
    for (const query of ['量子纠缠计算', '格网化管理', '网格化。', '草稿独有词语', '限制独有词语']) {
      expect(documentsContaining(query)).toEqual([]);
      expect(await search(query), query).toEqual([]);
      expect((await readResults(page)).status).toBe(searchUi.nothingFound(query));
    }
  });

  it('never matches across paragraphs or in the wrong order', async () => {
    const boundaries = fixtureUrl('段落边界测试报告');
    expect(hrefs(await search('网格'))).toContain(boundaries);
    expect(hrefs(await search('网格化'))).not.toContain(boundaries);
  });

  it('indexes neither navigation, footers nor related-document lists', async () => {
    // 段落边界测试报告 shares a topic with 基层治理调研, so its page links to it by title.
    const linking = await page.goto(`${server.siteUrl}${SEARCH_FIXTURE.find((doc) => doc.title === '段落边界测试报告')!.url}`);
    expect(await linking!.text()).toContain(`${fixtureUrl('基层治理调研')}`);
    expect(hrefs(await search('基层治理调研'))).toEqual([fixtureUrl('基层治理调研')]);
    for (const query of [ui.footer.slice(0, 8), ui.byIssuer, ui.skipToContent, ui.tableOfContents]) {
      expect(documentsContaining(query), query).toEqual([]);
      expect(await search(query), query).toEqual([]);
    }
  });

  it('finds traditional-script documents with simplified queries and the other way round', async () => {
    const traditional = fixtureUrl('【示例】網格化管理經驗交流');
    expect(expected('网格化')).toContain(traditional);
    for (const [query, simplified] of [
      ['網格化', '网格化'],
      ['應急預案', '应急预案'],
      ['紅坳村', '红坳村'],
      ['土地整備', '土地整备'],
    ] as const) {
      expect(hrefs(await search(query)), query).toEqual(expected(simplified));
    }
  });

  it('never shows draft or restricted documents', async () => {
    const hidden = SEARCH_FIXTURE.filter((doc) => doc.draft || doc.access === 'restricted').map((doc) => url(doc.url));
    for (const query of ['应急预案', '网格化', '红坳村']) {
      const shown = hrefs(await search(query));
      for (const href of hidden) expect(shown).not.toContain(href);
    }
    await search('');
    const all = await showAll(page);
    expect(hrefs(all)).toEqual(
      publishedFixture()
        .map((doc) => url(doc.url))
        .sort(),
    );
  });

  it('ranks title matches first, then more occurrences, then the newest', async () => {
    // Ten results or fewer are ranked from their text, more from word positions: both ways are checked.
    for (const query of ['应急预案', '综合办', '网格化', '土地整备']) {
      expect(
        (await search(query)).map((result) => result.href),
        query,
      ).toEqual(rankedContaining(query).map(url));
    }
    expect(rankedContaining('综合办').length).toBeGreaterThan(10);
    const order = (await search('应急预案')).map((result) => result.href);
    expect(order).toEqual([
      fixtureUrl('关于完善应急预案体系的调研报告'), // in the title, oldest
      fixtureUrl('【示例】汛期安全工作动态'), // three times in the body
      fixtureUrl('基层治理调研'), // once, 2021-08-01
      fixtureUrl('综合办2020年工作总结'), // once, 2020-12-31
    ]);
  });

  it('ranks the same in one page, where the words of earlier queries are kept', async () => {
    await search('综合办');
    for (const query of ['综合', '综合办', '网格', '网格化']) {
      expect(
        (await searchInPlace(query)).map((result) => result.href),
        query,
      ).toEqual(rankedContaining(query).map(url));
    }
    expect(rankedContaining('综合').length).toBeGreaterThan(10);
  });

  it('re-sorts by date, newest or oldest first', async () => {
    const byDate = expected('应急预案')
      .map((href) => SEARCH_FIXTURE.find((doc) => url(doc.url) === href)!)
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((doc) => url(doc.url));
    expect((await search('应急预案', '&sort=newest')).map((r) => r.href)).toEqual(byDate);
    expect((await search('应急预案', '&sort=oldest')).map((r) => r.href)).toEqual([...byDate].reverse());
    // With no query, every document, from every shard, in date order.
    const dateOf = new Map(publishedFixture().map((doc) => [url(doc.url), doc.date]));
    for (const sort of ['newest', 'oldest']) {
      const dates = (await search('', `&sort=${sort}`)).map((result) => dateOf.get(result.href));
      expect(dates.length, sort).toBe(publishedFixture().length);
      const inOrder = dates.toSorted();
      expect(dates, sort).toEqual(sort === 'newest' ? inOrder.reverse() : inOrder);
    }
  });

  it('shows title, kind, journal and issue, issuer, date, and highlights whole matches', async () => {
    const results = await search('应急预案');
    for (const result of results) {
      expect(result.marks.length, result.href).toBeGreaterThan(0);
      expect(new Set(result.marks)).toEqual(new Set(['应急预案']));
    }
    const bulletin = results.find((result) => result.href === fixtureUrl('【示例】汛期安全工作动态'))!;
    expect(bulletin.meta).toEqual(['简报内刊', '《光明信息》2021年第1期', '光明新区综合办公室', '2021年5月20日']);
    const titled = results.find((result) => result.href === fixtureUrl('关于完善应急预案体系的调研报告'))!;
    expect(titled.title).toBe('关于完善应急预案体系的调研报告');
    expect(titled.meta).toEqual(['调研报告', '光明新区应急管理办公室', '2019年3月10日']);

    for (const result of await search('網格化')) {
      expect(result.marks.length, result.href).toBeGreaterThan(0);
      for (const mark of result.marks) expect(['网格化', '網格化']).toContain(mark);
    }
    for (const result of await search('深光综〔2020〕12号')) expect(result.marks).toContain('深光综〔2020〕12号');
    for (const result of await search('1+6+N')) expect(result.marks).toEqual(['1+6+N']);
  });

  it('counts results per facet value, with and without a query', async () => {
    const tally = (urls: string[]) => {
      const docs = publishedFixture().filter((doc) => urls.includes(url(doc.url)));
      const counts: Record<string, Record<string, number>> = { kind: {}, year: {}, issuer: {}, journal: {}, topic: {} };
      const add = (facet: string, value: string) => (counts[facet]![value] = (counts[facet]![value] ?? 0) + 1);
      for (const doc of docs) {
        add('kind', doc.kind);
        add('year', doc.date.slice(0, 4));
        add('issuer', doc.issuer);
        if (doc.journal) add('journal', doc.journal);
        for (const topic of new Set(doc.topics)) add('topic', topic);
      }
      return counts;
    };
    const nonZero = (counts: Record<string, Record<string, number>>) =>
      Object.fromEntries(
        Object.entries(counts).map(([facet, values]) => [facet, Object.fromEntries(Object.entries(values).filter(([, n]) => n > 0))]),
      );

    await search('应急预案');
    expect(nonZero(await facetCounts(page))).toEqual(tally(expected('应急预案')));
    await search('');
    expect(nonZero(await facetCounts(page))).toEqual(tally(publishedFixture().map((doc) => url(doc.url))));
  });

  it('loads no filter data and shows no counts until the reader reaches for the filters', async () => {
    const filterFiles: string[] = [];
    const record = (request: { url(): string }) => {
      if (request.url().endsWith('.pf_filter')) filterFiles.push(request.url());
    };
    page.on('request', record);
    try {
      await search('应急预案');
      expect(filterFiles).toEqual([]);
      expect(await page.getAttribute('[data-search-root]', 'data-search-counts')).toBe('none');
      const kinds = await page.$$eval('select[name="kind"] option', (options) => options.map((option) => option.textContent));
      expect(kinds.some((text) => /（\d+）$/.test(text ?? ''))).toBe(false);
      const counts = await facetCounts(page);
      expect(filterFiles.length).toBeGreaterThan(0);
      expect(Object.values(counts.kind!).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    } finally {
      page.off('request', record);
    }
  });

  it('browses by filters with no query, and counts the other values of a chosen facet', async () => {
    await page.goto(`${server.siteUrl}search/?kind=reforms&year=2020`);
    const results = await showAll(page);
    const reforms2020 = publishedFixture().filter((doc) => doc.kind === 'reforms' && doc.date.startsWith('2020'));
    expect(hrefs(results)).toEqual(reforms2020.map((doc) => url(doc.url)).sort());
    expect((await readResults(page)).status).toBe(searchUi.browsing(reforms2020.length));
    // The year facet shows what each year would give among reforms.
    const reforms = publishedFixture().filter((doc) => doc.kind === 'reforms');
    const counts = await facetCounts(page);
    expect(counts.year!['2019']).toBe(reforms.filter((doc) => doc.date.startsWith('2019')).length);
    expect(counts.year!['2020']).toBe(reforms2020.length);
  });

  it('keeps the query, filters and sort in the URL, and restores them', async () => {
    await page.goto(`${server.siteUrl}search/?q=${encodeURIComponent('应急预案')}&kind=reports&sort=oldest`);
    const first = await readResults(page);
    expect(await page.inputValue('#finder-q')).toBe('应急预案');
    expect(await page.inputValue('#finder-kind')).toBe('reports');
    expect(await page.inputValue('#finder-sort')).toBe('oldest');
    const reports = documentsContaining('应急预案').filter((p) => p.startsWith('reports/'));
    expect(first.results.map((r) => r.href)).toEqual(
      reports
        .map((p) => SEARCH_FIXTURE.find((doc) => doc.url === p)!)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((doc) => url(doc.url)),
    );

    await page.selectOption('#finder-kind', 'bulletins');
    await page.waitForURL((u) => u.searchParams.get('kind') === 'bulletins');
    const changed = new URL(page.url());
    expect(changed.searchParams.get('q')).toBe('应急预案');
    expect(changed.searchParams.get('sort')).toBe('oldest');
    const bulletins = await readResults(page);
    expect(hrefs(bulletins.results)).toEqual(expected('应急预案').filter((href) => href.startsWith(url('bulletins/'))));

    // A bookmark of that URL shows the same search.
    await page.goto(changed.toString());
    expect(hrefs((await readResults(page)).results)).toEqual(hrefs(bulletins.results));
    // Back returns to the reports.
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'reports');
    await page.waitForFunction(() => (document.querySelector('#finder-kind') as HTMLSelectElement).value === 'reports');
    expect(hrefs((await readResults(page)).results)).toEqual(hrefs(first.results));
  });

  it('shows the first results and the rest behind "more"', async () => {
    await page.goto(`${server.siteUrl}search/?q=${encodeURIComponent('综合办')}`);
    const firstPage = await readResults(page);
    expect(expected('综合办').length).toBeGreaterThan(firstPage.results.length);
    expect(await page.locator('[data-search-more]').textContent()).toBe(
      searchUi.more(expected('综合办').length - firstPage.results.length),
    );
    expect(hrefs(await showAll(page))).toEqual(expected('综合办'));
  });

  it('searches from the header box of any page', async () => {
    await page.goto(`${server.siteUrl}${SEARCH_FIXTURE[0]!.url}`);
    await page.fill('#site-search-q', '土地整备');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/kb\/search\/\?q=/);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=土地整备');
    expect(hrefs((await readResults(page)).results)).toEqual(expected('土地整备'));
  });

  it('neither searches nor submits while a pinyin composition is open', async () => {
    const cdp = await page.context().newCDPSession(page);
    // On the search page: composing fires no search, and the form does not submit.
    await page.goto(`${server.siteUrl}search/`);
    const browsing = await readResults(page);
    await page.focus('#finder-q');
    await cdp.send('Input.imeSetComposition', { text: 'yingji', selectionStart: 6, selectionEnd: 6 });
    expect(await page.inputValue('#finder-q')).toBe('yingji');
    await page.evaluate(() => document.querySelector<HTMLFormElement>('form[data-search-form]')!.requestSubmit());
    await page.waitForTimeout(800);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.textContent('[data-search-status]')).toBe(browsing.status);
    // Choosing the characters ends the composition, and then it searches.
    await cdp.send('Input.insertText', { text: '应急预案' });
    await page.waitForURL((u) => u.searchParams.get('q') === '应急预案');
    expect(hrefs((await readResults(page)).results)).toEqual(expected('应急预案'));

    // In the header box of a document page: no submit while composing.
    await page.goto(`${server.siteUrl}${SEARCH_FIXTURE[0]!.url}`);
    await page.focus('#site-search-q');
    await cdp.send('Input.imeSetComposition', { text: 'tudi', selectionStart: 4, selectionEnd: 4 });
    await page.evaluate(() => document.querySelector<HTMLFormElement>('form[data-search-box]')!.requestSubmit());
    await page.waitForTimeout(500);
    expect(page.url()).toBe(`${server.siteUrl}${SEARCH_FIXTURE[0]!.url}`);
    await cdp.detach();
  });

  it('made no request outside localhost, and logged no error or warning', () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('says plainly that search needs JavaScript, while other pages work without it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${server.siteUrl}search/?q=${encodeURIComponent('应急预案')}`);
    // (getByText skips <noscript>, so the message is found by its class.)
    const message = noScript.locator('.finder__nojs');
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toBe(searchUi.noScript);
    await noScript.goto(`${server.siteUrl}${SEARCH_FIXTURE[0]!.url}`);
    expect(await noScript.locator('h1').textContent()).toBe(SEARCH_FIXTURE[0]!.title);
    await context.close();
  });
});

describe('search index of a public build', () => {
  it('holds only public documents', async () => {
    const build = await buildSite({ contentDir: await makeContent(searchFixtureFiles()), base: BASE, audience: 'public', ...SHARDED });
    expect(build.ok, build.output).toBe(true);
    const publicDocs = publishedFixture('public')
      .map((doc) => url(doc.url))
      .sort();
    expect(publicDocs.length).toBeGreaterThan(0);
    expect(publicDocs.length).toBeLessThan(publishedFixture().length);
    expect((await indexedUrls(build.outDir)).documents).toEqual(publicDocs);
  });
});

describe('search on the shipped site', () => {
  /** Published content files (not drafts, not restricted) whose text contains `query`. */
  async function shippedFilesContaining(contentDir: string, query: string): Promise<number> {
    let count = 0;
    for (const entry of await readdir(contentDir, { recursive: true, withFileTypes: true })) {
      if (!/\.mdx?$/.test(entry.name)) continue;
      const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
      if (/^draft:\s*true\s*$/m.test(text) || /^access:\s*restricted\s*$/m.test(text)) continue;
      if (text.includes(query)) count += 1;
    }
    return count;
  }

  it('prints the index size and what a first query fetches, and finds every document', async () => {
    const contentDir = path.join(REPO_ROOT, 'content');
    const build = await buildSite({ contentDir, base: BASE, pipeline: true });
    expect(build.ok, build.output).toBe(true);
    const indexLine = /search index: [^）]*/.exec(build.output)?.[0];
    expect(indexLine).toBeDefined();
    const query = '土地整备';
    const metrics = await measureSearch(build.outDir, { common: query, rare: '红坳村' });
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `search (shipped site): ${indexLine}; first query “${query}” fetched ${kb(metrics.first.bytes)} ` +
        `(${kb(metrics.first.pagefindBytes)} of it Pagefind, ${metrics.first.requests} requests) for ${metrics.first.results} results; ` +
        `next query “${metrics.warm.query}” fetched ${kb(metrics.warm.bytes)}`,
    );
    expect(metrics.first.results).toBe(await shippedFilesContaining(contentDir, query));
    expect(metrics.warm.results).toBe(await shippedFilesContaining(contentDir, '红坳村'));
  });
});
