/**
 * Every page type on a phone (390 × 844 CSS px: chromium's mobile emulation
 * with touch and a 3× screen) and on a desktop screen: the shipped content
 * plus one MDX report with a wide table, charts and a long 文号 and 索引号
 * (tests/fixtures/sites/phone/), built by `npm run build` for /kb/ and served
 * by nginx.
 *
 * Phones have CJK fonts (Noto Sans CJK on Android, PingFang on iOS), and a
 * layout is only as wide as its glyphs: the boxes chromium draws on a machine
 * without CJK fonts are narrower. So this chromium gets Noto Sans SC (the
 * charts' font, from npm) through a fontconfig file of its own.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { searchUi } from '../../src/translations/zh-CN.ts';
import { launchChromium } from '../helpers/browser.ts';
import { withLocalFonts } from '../helpers/fonts.ts';
import { makeContent, type BuildResult } from '../helpers/build-site.ts';
import { buildIsolated } from '../helpers/isolated-build.ts';
import { serveWithNginx, type NginxServer } from '../helpers/nginx.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';

const AXE_SCRIPT = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const FIXTURE_REPORT = 'reports/phone-layout-check/';
/** The box around the fixture's Markdown table (the data tables of its charts, class data-table, have boxes too). */
const MARKDOWN_TABLE_BOX = '.prose > .table-scroll[tabindex="0"]:has(> table:not(.data-table))';
const SEARCH = `search/?q=${encodeURIComponent('土地')}`;

/** One page of each type, as site paths under the base. */
const PAGES = {
  home: '',
  'listing of a kind': 'bulletins/',
  'listing of reports': 'reports/',
  'listing of summaries': 'summaries/',
  'listing of reforms, with the reform dashboard': 'reforms/',
  'year index': 'years/',
  'one year': 'years/2020/',
  'topic index': 'topics/',
  'one topic': 'topics/土地整备/',
  'issuer index': 'issuers/',
  'one issuer': 'issuers/光明新区综合办公室/',
  'journal archive': 'bulletins/guangming-xinxi/',
  'bulletin issue': 'bulletins/guangming-xinxi/2020/1/',
  report: 'reports/metro-line-6-land-readjustment/',
  'summary, with its indicator list and backlinks': 'summaries/2020-annual-summary/',
  reform: 'reforms/sponge-city-pilot/',
  'MDX report with a wide table and charts': FIXTURE_REPORT,
  'indicator list': 'indicators/',
  'indicator page': 'indicators/classified-documents-received/',
  search: SEARCH,
  '404': 'no-such-page/',
} as const;

/** Values that must never break inside: dates, 文号 and 索引号. */
const UNBREAKABLE = [
  '.metadata__row--date dd',
  '.metadata__row--published dd',
  '.metadata__row--docNo dd',
  '.metadata__row--indexNo dd',
  'time',
  '.doc-list__docno',
  '.finder__meta-date',
];

/** Noto Sans SC, regular and bold, added to the machine's fonts. */
const NOTO_SANS_SC = [
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
];

/**
 * What is wrong with the layout of the page in view, measured in the page:
 * horizontal overflow, tables outside a scroll container of their own or
 * scrolling without a cue, values that break inside, lists set in columns
 * (on a phone) or whose items overlap, captions wrapped far more than their
 * length needs, and on /indicators/ a name column too narrow to read.
 */
function layoutProblems({ screenWidth, phone, unbreakable }: { screenWidth: number; phone: boolean; unbreakable: string[] }) {
  const problems: string[] = [];
  const name = (el: Element) =>
    `<${el.localName}${el.classList.length ? `.${el.classList[0]}` : ''}> “${(el.textContent ?? '').trim().slice(0, 24)}”`;
  const shown = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 2 && box.height > 2 && getComputedStyle(el).visibility !== 'hidden';
  };
  /** Lines of text an element's content takes, the width of that text laid end to end, and of its last line. */
  const textLines = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
    const fontSize = parseFloat(getComputedStyle(el).fontSize);
    const tops = boxes.map((box) => box.top).sort((a, b) => a - b);
    const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1]! > fontSize / 2).length;
    const lastTop = tops[tops.length - 1] ?? 0;
    const lastLine = boxes.filter((box) => lastTop - box.top <= fontSize / 2).reduce((sum, box) => sum + box.width, 0);
    return { lines, width: boxes.reduce((sum, box) => sum + box.width, 0), lastLineCharacters: lastLine / fontSize };
  };

  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > screenWidth) problems.push(`the page is ${pageWidth} px wide on a ${screenWidth} px screen`);

  for (const table of document.querySelectorAll('main table')) {
    if (!shown(table)) continue;
    let scroller: Element | null = table;
    while (scroller && scroller !== document.body && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) {
      scroller = scroller.parentElement;
    }
    if (!scroller || scroller === document.body) {
      problems.push(`${name(table)} is not in a scroll container of its own`);
      continue;
    }
    const box = scroller.getBoundingClientRect();
    if (box.left < -1 || box.right > screenWidth + 1)
      problems.push(`${name(table)}: its scroll container reaches ${Math.round(box.left)}–${Math.round(box.right)} px`);
    if (scroller.scrollWidth > scroller.clientWidth + 1 && getComputedStyle(scroller).backgroundImage === 'none') {
      problems.push(`${name(table)} scrolls sideways without a visible cue`);
    }
  }

  for (const chart of document.querySelectorAll('main svg.chart:not(.chart--sparkline)')) {
    const box = chart.getBoundingClientRect();
    if (box.right > screenWidth + 1) problems.push(`chart ${name(chart)} reaches ${Math.round(box.right)} px`);
  }

  for (const value of document.querySelectorAll(unbreakable.join(', '))) {
    if (!shown(value)) continue;
    const { lines } = textLines(value);
    if (lines > 1) problems.push(`${name(value)} breaks across ${lines} lines`);
    if (value.getBoundingClientRect().right > screenWidth + 1) problems.push(`${name(value)} runs off the screen`);
  }

  for (const list of document.querySelectorAll('main ul, main ol')) {
    if (!shown(list)) continue;
    const columns = getComputedStyle(list).columnCount;
    if (phone && columns !== 'auto' && Number(columns) > 1) problems.push(`${name(list)} is set in ${columns} columns`);
    const items = [...list.children].filter(shown).map((item) => ({ item, box: item.getBoundingClientRect() }));
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [a, b] = [items[i]!.box, items[j]!.box];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          problems.push(`${name(items[i]!.item)} and ${name(items[j]!.item)} overlap`);
        }
      }
    }
  }

  const measure = document.querySelector('main')!.clientWidth - 40;
  for (const caption of document.querySelectorAll('main caption, main figcaption')) {
    if (!shown(caption)) continue;
    const { lines, width, lastLineCharacters } = textLines(caption);
    const needed = Math.ceil(width / measure);
    if (lines > needed + 1) problems.push(`${name(caption)} wraps onto ${lines} lines where ${needed} would do`);
    // A word cut off onto a line of its own (数据 / 表).
    if (lines > 1 && lastLineCharacters < 1.5) problems.push(`${name(caption)} leaves one character on its last line`);
  }

  for (const cell of document.querySelectorAll('.indicator-list th[scope="row"]')) {
    const fontSize = parseFloat(getComputedStyle(cell).fontSize);
    const width = cell.getBoundingClientRect().width;
    if (width < 6 * fontSize) problems.push(`${name(cell)}: the name column is ${Math.round(width)} px, under 6 characters`);
  }
  return problems;
}

async function open(page: Page, server: NginxServer, sitePath: string): Promise<void> {
  const response = await page.goto(`${server.siteUrl}${sitePath}`);
  expect(response?.status(), sitePath).toBe(sitePath === PAGES['404'] ? 404 : 200);
  if (sitePath.startsWith('search/')) {
    await page.waitForSelector('[data-search-root][aria-busy="false"]');
    await page.waitForSelector('.finder__result');
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe('the layout on a phone and on a desktop', () => {
  let build: BuildResult;
  let server: NginxServer;
  let browser: Browser;

  beforeAll(async () => {
    const contentDir = await makeContent({}, path.join(REPO_ROOT, 'content'));
    await cp(path.join(FIXTURE_SITES, 'phone'), contentDir, { recursive: true });
    build = await buildIsolated({ contentDir, base: '/kb/', pipeline: true }, 'phone-');
    expect(build.ok, build.output).toBe(true);
    server = await serveWithNginx(build.outDir);
    browser = await launchChromium({ env: { FONTCONFIG_FILE: await withLocalFonts(NOTO_SANS_SC) } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [label, options, screenWidth] of [
    ['phone', PHONE, 390],
    ['desktop', DESKTOP, 1280],
  ] as const) {
    it(`lays out every page type on a ${label} without overflow, broken values, columns or squeezed text`, async () => {
      const context = await browser.newContext(options);
      // axe-core as an init script, as in published-site.test.ts, so each page keeps its CSP.
      await context.addInitScript({ path: AXE_SCRIPT });
      const page = await context.newPage();
      const problems: Record<string, string[]> = {};
      for (const [type, sitePath] of Object.entries(PAGES)) {
        await open(page, server, sitePath);
        const found = await page.evaluate(layoutProblems, { screenWidth, phone: label === 'phone', unbreakable: UNBREAKABLE });
        // A layout for a narrow screen can break accessibility on its own: a table scrolled but out of the keyboard's reach.
        const violations = await page.evaluate(async (tags) => {
          type AxeResults = { violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> };
          const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
          const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return results.violations.map((v) => `axe: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }, WCAG_21_AA);
        found.push(...violations);
        if (found.length > 0) problems[`${type} (/kb/${decodeURIComponent(sitePath)})`] = found;
      }
      await context.close();
      expect(problems).toEqual({});
    });
  }

  it('checks real values: the fixture report shows its date, 文号 and 索引号, a wide table and charts', async () => {
    const page = await browser.newPage(PHONE);
    await open(page, server, FIXTURE_REPORT);
    for (const field of ['date', 'published', 'docNo', 'indexNo']) {
      expect(await page.locator(`.metadata__row--${field} dd`).count(), field).toBe(1);
    }
    expect(await page.locator('.metadata__row--indexNo dd').textContent()).toBe('11440300MB2C92181X/2020-00012');
    // The Markdown table really is wider than the phone, and scrolls inside its own box, which the keyboard can reach.
    const box = page.locator(MARKDOWN_TABLE_BOX);
    const table = await box.evaluate((scroller) => ({ inner: scroller.scrollWidth, shown: scroller.getBoundingClientRect().right }));
    expect(table.inner).toBeGreaterThan(390);
    expect(table.shown).toBeLessThanOrEqual(390);
    await box.focus();
    expect(await box.evaluate((scroller) => document.activeElement === scroller)).toBe(true);
    // Every scroll box, the charts' data tables' too, can be reached from the keyboard.
    expect(await page.locator('.table-scroll').count()).toBeGreaterThan(2);
    expect(await page.locator('.table-scroll:not([tabindex="0"])').count()).toBe(0);
    // Each chart comes in a wide and a narrow rendition; the phone shows one of each pair.
    expect(await page.locator('main svg.chart:visible').count()).toBe(2);
    expect(await page.locator('main svg.chart.chart--narrow:visible').count()).toBe(2);
    await page.close();
  });

  it('prints a wide table whole, not cut off in its scroll box, and leaves out breadcrumbs and backlinks', async () => {
    const page = await browser.newPage(PHONE);
    await open(page, server, 'summaries/2020-annual-summary/');
    expect(await page.locator('.backlinks').isVisible()).toBe(true);
    // The width of the text on A4 paper with the print style's margins: 210 mm − 28 mm − 26 mm.
    await page.setViewportSize({ width: Math.round((156 / 25.4) * 96), height: 844 });
    await open(page, server, FIXTURE_REPORT);
    await page.emulateMedia({ media: 'print' });
    const edges = await page.locator(MARKDOWN_TABLE_BOX).evaluate((box) => ({
      box: box.getBoundingClientRect().right,
      lastColumn: [...box.querySelectorAll('th')].at(-1)!.getBoundingClientRect().right,
    }));
    expect(edges.lastColumn).toBeLessThanOrEqual(edges.box + 1);
    expect(await page.locator('.breadcrumb').isVisible()).toBe(false);
    await open(page, server, 'summaries/2020-annual-summary/');
    expect(await page.locator('.backlinks').isVisible()).toBe(false);
    await page.close();
  });

  it('folds the search filters behind one 筛选 button on a phone, with the first result on the first screen', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await open(page, server, SEARCH);
    const toggle = page.getByRole('button', { name: searchUi.filters, exact: false });
    expect(await toggle.isVisible()).toBe(true);
    expect((await toggle.textContent())?.trim()).toBe(searchUi.filters);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#finder-kind').isVisible()).toBe(false);
    const firstResultTop = await page
      .locator('.finder__result')
      .first()
      .evaluate((item) => item.getBoundingClientRect().top + window.scrollY);
    expect(firstResultTop).toBeLessThan(844);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#finder-kind').isVisible()).toBe(true);
    const runs = Number(await page.getAttribute('[data-search-root]', 'data-search-runs'));
    await page.selectOption('#finder-kind', 'reports');
    await page.waitForFunction(
      (before) => Number(document.querySelector<HTMLElement>('[data-search-root]')!.dataset.searchRuns) > before,
      runs,
    );
    expect((await toggle.textContent())?.trim()).toBe(searchUi.filtersWithCount(1));
    await toggle.click();
    expect(await page.locator('#finder-kind').isVisible()).toBe(false);

    // A bookmarked search with two filters says so on the closed button.
    await open(page, server, `${SEARCH}&kind=reports&year=2020`);
    expect((await toggle.textContent())?.trim()).toBe(searchUi.filtersWithCount(2));
    await context.close();
  });

  it('shows the search filters beside the results on a desktop, with no button', async () => {
    const page = await browser.newPage(DESKTOP);
    await open(page, server, SEARCH);
    expect(await page.locator('#finder-kind').isVisible()).toBe(true);
    expect(await page.locator('.finder__filters-toggle').isVisible()).toBe(false);
    const [filters, results] = await Promise.all([
      page.locator('.finder__filters').boundingBox(),
      page.locator('.finder__results').boundingBox(),
    ]);
    expect(filters!.x + filters!.width).toBeLessThanOrEqual(results!.x);
    await page.close();
  });
});
