/**
 * The shipped site built for /kb/, served by nginx with the repository's own
 * config, in Debian chromium: pages load, the TOC shows, nothing leaves localhost.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../helpers/build-site.ts';
import { recordExternalRequests } from '../helpers/browser.ts';
import type { NginxServer } from '../helpers/nginx.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { serveInChromium, type ServedSite } from '../helpers/served-site.ts';

describe('the site in a browser, served by nginx under /kb/', () => {
  let site: ServedSite;
  let server: NginxServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await serveInChromium(await buildSite({ contentDir: path.join(REPO_ROOT, 'content'), base: '/kb/' }));
    ({ server, browser } = site);
  });

  afterAll(() => site?.close());

  it('loads the home page and follows a link to the seed summary, whose TOC is visible', async () => {
    const page = await browser.newPage();
    const external = recordExternalRequests(page);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });

    const home = await page.goto(server.siteUrl);
    expect(home?.status()).toBe(200);
    expect(await page.locator('h1').first().textContent()).toBe('光明新区综合办文献库');

    await page.getByRole('link', { name: '综合办2020年工作总结和2021年工作计划' }).first().click();
    await page.waitForURL(/\/kb\/summaries\/2020-annual-summary\/$/);
    const toc = page.getByRole('navigation', { name: '目录' });
    expect(await toc.isVisible()).toBe(true);
    await toc.getByRole('link', { name: '一、2020年工作总结' }).click();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#一2020年工作总结');
    expect(await page.locator('h2', { hasText: '一、2020年工作总结' }).isVisible()).toBe(true);

    expect(external).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('prints on A4 with the metadata block and without navigation, links written out', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.siteUrl}reports/metro-line-6-land-readjustment/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-search').isVisible()).toBe(false);
    expect(await page.locator('.metadata').isVisible()).toBe(true);
    const link = page.locator('.prose a[href]').first();
    const suffix = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(suffix).toBe(`" (${await link.getAttribute('href')})"`);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // A4 is 595 × 842 points (chromium writes 594.96 × 841.92).
    const [, width, height] = /MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))!;
    expect(Math.round(Number(width))).toBe(595);
    expect(Math.round(Number(height))).toBe(842);
    await page.close();
  });

  it('serves the 404 page for unknown paths and redirects the bare base', async () => {
    const page = await browser.newPage();
    const missing = await page.goto(`${server.siteUrl}no-such-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
    const bare = await page.goto(server.siteUrl.replace(/\/$/, ''));
    expect(bare?.url()).toBe(server.siteUrl);
    await page.close();
  });
});
