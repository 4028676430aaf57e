/**
 * The shipped site as `npm run build` makes it, built twice for /kb/:
 * byte-identical builds, valid HTML, nginx's headers, and a chromium crawl of
 * every page through nginx with the repository's config (requests, console,
 * CSP, axe-core at WCAG 2.1 AA), plus pages with JavaScript off.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignSources } from '../../src/lib/csp.ts';
import { searchUi } from '../../src/translations/zh-CN.ts';
import { buildSite, listFiles, listHtmlFiles, type BuildResult } from '../helpers/build-site.ts';
import { isLocal } from '../helpers/browser.ts';
import type { NginxServer } from '../helpers/nginx.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { serveInChromium, type ServedSite } from '../helpers/served-site.ts';
import { treeHashes } from '../helpers/tree-hashes.ts';

const AXE_SCRIPT = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SEARCH_PAGE = 'search/index.html';
/** A topic of the seed content, so the crawl's search finds something. */
const SEARCH_QUERY = '土地整备';

/** The URL path (under the base) of a built HTML file: `reports/x/index.html` → `reports/x/`. */
function pagePath(file: string): string {
  return file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Problems one page shows in a browser that enforces its CSP. */
interface PageReport {
  failed: string[];
  external: string[];
  consoleErrors: string[];
  cspViolations: string[];
  requests: number;
}

/**
 * Watches a page for failed and external requests, console errors and CSP
 * violations (reported by the browser as console errors and as
 * `securitypolicyviolation` events, collected by an init script that runs
 * before the page's own).
 */
async function watch(context: BrowserContext): Promise<{ page: Page; settle(): Promise<void>; take(): Promise<PageReport> }> {
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  let report: PageReport = { failed: [], external: [], consoleErrors: [], cspViolations: [], requests: 0 };
  const pending = new Set<unknown>();
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  page.on('request', (request) => {
    pending.add(request);
    report.requests++;
    if (!isLocal(request.url())) report.external.push(request.url());
  });
  page.on('requestfailed', (request) => report.failed.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) report.failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().includes('Content Security Policy')) report.cspViolations.push(message.text());
    else report.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => report.consoleErrors.push(error.message));
  return {
    page,
    /** Waits until the page's own scripts have no request in flight (quicker than Playwright's 500 ms networkidle). */
    async settle() {
      do {
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      } while (pending.size > 0);
    },
    async take() {
      const events = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
      const taken = { ...report, cspViolations: [...report.cspViolations, ...events] };
      report = { failed: [], external: [], consoleErrors: [], cspViolations: [], requests: 0 };
      return taken;
    },
  };
}

describe('the shipped site as published', () => {
  let first: BuildResult;
  let second: BuildResult;
  let pages: string[];
  let site: ServedSite;
  let server: NginxServer;
  let browser: Browser;

  beforeAll(async () => {
    const options = { contentDir: path.join(REPO_ROOT, 'content'), base: '/kb/', pipeline: true };
    first = await buildSite(options);
    second = await buildSite(options);
    expect(second.ok, second.output).toBe(true);
    site = await serveInChromium(first);
    ({ server, browser } = site);
    pages = (await listHtmlFiles(first.outDir)).map((file) => file.split(path.sep).join('/'));
  });

  afterAll(() => site?.close());

  it('is byte-identical when built twice from the same commit', async () => {
    const [a, b] = await Promise.all([treeHashes(first.outDir), treeHashes(second.outDir)]);
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
    expect(differing, `files that differ between two builds:\n${differing.join('\n')}`).toEqual([]);
    expect(a.size).toBeGreaterThan(pages.length);
  });

  it('passes html-validate on every HTML file', async () => {
    const config = JSON.parse(await readFile(path.join(REPO_ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(path.join(first.outDir, file));
      for (const result of report.results) {
        for (const message of result.messages) {
          errors.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
        }
      }
    }
    console.log(`html-validate: ${pages.length} files, ${errors.length} problems`);
    expect(errors).toEqual([]);
  });

  it('carries an origin-only CSP on every page', async () => {
    for (const file of pages) {
      const html = await readFile(path.join(first.outDir, file), 'utf8');
      const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
      expect(policy, file).toBeDefined();
      expect(foreignSources(policy!), file).toEqual([]);
      expect(policy!.includes("'wasm-unsafe-eval'"), file).toBe(file === 'search/index.html');
    }
  });

  it('is served by nginx with security, caching and compression headers', async () => {
    const home = await fetch(server.siteUrl, { headers: { 'accept-encoding': 'gzip' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toMatch(/^default-src 'self';/);
    expect(foreignSources(home.headers.get('content-security-policy')!)).toEqual([]);
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(home.headers.get('referrer-policy')).toBe('same-origin');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    // Served from the .gz the build wrote: same length as that file.
    expect(home.headers.get('content-encoding')).toBe('gzip');
    const homeGz = await readFile(path.join(first.outDir, 'index.html.gz'));
    const raw = await fetch(server.siteUrl, { headers: { 'accept-encoding': 'gzip' }, decompress: false } as RequestInit);
    expect(Number(raw.headers.get('content-length'))).toBe(homeGz.length);

    const asset = (await listFiles(first.outDir)).find((file) => file.startsWith('_astro/') && file.endsWith('.css'))!;
    const css = await fetch(`${server.siteUrl}${asset}`);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');

    // Pagefind's WebAssembly is allowed on the search page alone.
    expect(home.headers.get('content-security-policy')).not.toContain("'wasm-unsafe-eval'");
    const search = await fetch(`${server.siteUrl}search/`);
    expect(search.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(search.headers.get('cache-control')).toBe('no-cache');

    const missing = await fetch(`${server.siteUrl}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toMatch(/^default-src 'self';/);
  });

  it('shows every page with no failed or external request, console error, CSP violation or axe violation', async () => {
    const context = await browser.newContext();
    // axe-core comes in as an init script, which the browser runs through the
    // DevTools protocol rather than as a <script> the page's CSP would rightly
    // block: every page keeps its CSP enforced while it is audited.
    await context.addInitScript({ path: AXE_SCRIPT });
    const { page, settle, take } = await watch(context);

    const problems: string[] = [];
    const totals = {
      pages: 0,
      requests: 0,
      failed: 0,
      external: 0,
      consoleErrors: 0,
      cspViolations: 0,
      axeViolations: 0,
      searchResults: 0,
    };
    for (const file of pages) {
      // The search page is visited with a query, so Pagefind really runs under the page's CSP.
      const query = file === SEARCH_PAGE ? `?q=${encodeURIComponent(SEARCH_QUERY)}` : '';
      const response = await page.goto(`${server.siteUrl}${encodeURI(pagePath(file))}${query}`, { waitUntil: 'load' });
      if (response?.status() !== 200) problems.push(`${file}: HTTP ${response?.status()}`);
      if (file === SEARCH_PAGE) {
        await page.waitForSelector('[data-search-root][aria-busy="false"]');
        totals.searchResults = await page.locator('.finder__result').count();
      }
      await settle();
      const violations = await page.evaluate(async (tags) => {
        type AxeResults = { violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> };
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
        const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return results.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, WCAG_21_AA);
      const report = await take();
      totals.pages++;
      totals.requests += report.requests;
      for (const key of ['failed', 'external', 'consoleErrors', 'cspViolations'] as const) {
        totals[key] += report[key].length;
        for (const item of report[key]) problems.push(`${file}: ${key}: ${item}`);
      }
      totals.axeViolations += violations.length;
      for (const violation of violations) problems.push(`${file}: axe: ${violation}`);
    }
    console.log(`crawl: ${JSON.stringify(totals)}`);
    await context.close();
    expect(totals.pages).toBe(pages.length);
    expect(pages).toContain(SEARCH_PAGE);
    expect(totals.searchResults).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 900_000);

  describe('with JavaScript off', () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ javaScriptEnabled: false });
    });
    afterAll(() => context?.close());

    it('shows the home page with its document lists', async () => {
      const page = await context.newPage();
      await page.goto(server.siteUrl);
      expect(await page.locator('h1').first().textContent()).toBe('光明新区综合办文献库');
      expect(await page.locator('.doc-list a').count()).toBeGreaterThan(0);
      await page.close();
    });

    it('shows a document page with its metadata, table of contents and body', async () => {
      const page = await context.newPage();
      await page.goto(`${server.siteUrl}summaries/2020-annual-summary/`);
      expect(await page.locator('h1').textContent()).toBe('综合办2020年工作总结和2021年工作计划');
      expect(await page.getByRole('navigation', { name: '目录' }).isVisible()).toBe(true);
      expect(await page.locator('.metadata').isVisible()).toBe(true);
      expect(await page.locator('.prose h2').first().isVisible()).toBe(true);
      await page.close();
    });

    it('shows an indicator page with its chart and data table', async () => {
      const page = await context.newPage();
      await page.goto(`${server.siteUrl}indicators/documents-received/`);
      expect(await page.locator('h1').textContent()).toBe('收文数量');
      expect(await page.locator('figure svg').first().isVisible()).toBe(true);
      expect(await page.locator('table.data-table').first().isVisible()).toBe(true);
      await page.close();
    });

    it('says on the search page that search needs JavaScript', async () => {
      const page = await context.newPage();
      await page.goto(`${server.siteUrl}search/?q=${encodeURIComponent(SEARCH_QUERY)}`);
      // (getByText skips <noscript>, so the message is found by its class.)
      const message = page.locator('.finder__nojs');
      expect(await message.isVisible()).toBe(true);
      expect(await message.textContent()).toBe(searchUi.noScript);
      expect(await page.locator('.finder__result').count()).toBe(0);
      await page.close();
    });
  });
});
