/**
 * Build-time charts of the shipped indicators in chromium, served by nginx
 * under /kb/ with JavaScript off: the SVG parses as SVG, renders to a PNG
 * that shows the line in its colour, nothing is fetched from outside, and on
 * a 390 px phone the chart shown has text at least 11 CSS px high.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkitten';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { recordExternalRequests } from '../helpers/browser.ts';
import { buildIsolated } from '../helpers/isolated-build.ts';
import type { NginxServer } from '../helpers/nginx.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { serveInChromium, type ServedSite } from '../helpers/served-site.ts';
import { CHART_TEXT_SIZES, PALETTE } from '../../src/charts/spec.ts';

/** A series the seed states with a growth rate, so it has two years and a line chart. */
const LINE_CHART_PAGE = 'indicators/classified-documents-received/';
/** Pages with every kind of chart that has text: a line, the category bars, the reform dashboard's bars. */
const CHART_PAGES = [LINE_CHART_PAGE, 'indicators/', 'reforms/'];
/** The smallest text a phone reader should get (CSS px of font size). */
const MIN_TEXT_PX = 11;

/**
 * How tall a digit is, as a share of the font size, in the chart font: text
 * is drawn as paths, so its size is read from the glyphs' outlines.
 */
function digitHeightPerEm(): number {
  const file = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  const font = create(readFileSync(file)) as Font;
  const heights = [...'0123456789'].map((digit) => {
    const box = font.glyphForCodePoint(digit.codePointAt(0)!).bbox;
    return (box.maxY - box.minY) / font.unitsPerEm;
  });
  return Math.min(...heights);
}

/** Pixels of a PNG, counted in the browser: how many are near `colour`, how many are not white. */
async function countPixels(analysis: Page, png: Buffer, colour: string) {
  return analysis.evaluate(
    async ({ dataUrl, hex }) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let near = 0;
      let nonWhite = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (Math.abs(r - target[0]!) + Math.abs(g - target[1]!) + Math.abs(b - target[2]!) < 30) near++;
        if (r < 245 || g < 245 || b < 245) nonWhite++;
      }
      return { width: image.width, height: image.height, near, nonWhite };
    },
    { dataUrl: `data:image/png;base64,${png.toString('base64')}`, hex: colour },
  );
}

describe('charts in a browser, served by nginx under /kb/', () => {
  let site: ServedSite;
  let server: NginxServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await serveInChromium(await buildIsolated({ contentDir: path.join(REPO_ROOT, 'content'), base: '/kb/' }, 'charts-'));
    ({ server, browser } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('renders a line chart to a PNG that shows the line, with JavaScript off and nothing from outside', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const external = recordExternalRequests(page);
    const response = await page.goto(`${server.siteUrl}${LINE_CHART_PAGE}`);
    expect(response?.status()).toBe(200);
    // The wide rendition: the narrow one is for phones.
    const chart = page.locator('svg.chart--line:not(.chart--narrow)');
    await expect.poll(() => chart.count()).toBe(1);
    // On a desktop screen the narrow rendition is not shown.
    expect(await page.locator('svg.chart--line.chart--narrow').isVisible()).toBe(false);
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(100);
    const png = await chart.screenshot();
    expect(external).toEqual([]);
    await context.close();

    const analysis = await browser.newPage();
    const pixels = await countPixels(analysis, png, PALETTE[0]);
    await analysis.close();
    expect(pixels.width).toBeGreaterThan(300);
    // The line and its points are drawn in the first palette colour; axes and labels are grey.
    expect(pixels.near).toBeGreaterThan(300);
    expect(pixels.nonWhite).toBeGreaterThan(pixels.near);
    expect(pixels.nonWhite).toBeLessThan(pixels.width * pixels.height);
  });

  it('parses every chart on the indicators page as SVG in the browser', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.siteUrl}indicators/`);
    const markups = await page.locator('svg.chart').evaluateAll((nodes) => nodes.map((node) => node.outerHTML));
    expect(markups.length).toBeGreaterThan(10);
    const problems = await page.evaluate((list) => {
      return list.flatMap((markup, index) => {
        const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
        const error = parsed.querySelector('parsererror');
        if (error) return [`chart ${index}: ${error.textContent}`];
        const root = parsed.documentElement;
        if (root.namespaceURI !== 'http://www.w3.org/2000/svg' || root.localName !== 'svg')
          return [`chart ${index}: root is ${root.localName}`];
        if (parsed.querySelector('text')) return [`chart ${index}: has <text>`];
        return [];
      });
    }, markups);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows chart text at 11 CSS px or more on a 390 × 844 phone', async () => {
    const smallestDrawn = {
      wide: Math.min(...Object.values(CHART_TEXT_SIZES.wide)),
      narrow: Math.min(...Object.values(CHART_TEXT_SIZES.narrow)),
    };
    const digitHeight = digitHeightPerEm();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const tooSmall: string[] = [];
    let measured = 0;
    for (const sitePath of CHART_PAGES) {
      await page.goto(`${server.siteUrl}${sitePath}`);
      const charts = await page.evaluate(() => {
        // A page wider than the screen is shown zoomed out: a CSS pixel is then smaller than a screen one.
        const zoom = window.visualViewport?.scale ?? 1;
        return [...document.querySelectorAll<SVGSVGElement>('svg.chart:not(.chart--sparkline)')]
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .map((svg) => ({
            title: svg.querySelector('title')?.textContent ?? '',
            narrow: svg.classList.contains('chart--narrow'),
            shownWidth: svg.getBoundingClientRect().width * zoom,
            drawnWidth: svg.viewBox.baseVal.width,
            // Text is drawn as paths in Chart.js's text grey, one group per axis or legend. A group
            // that runs across (a row of labels) is as high as its tallest glyph, a digit at least.
            rows: [...svg.querySelectorAll('g[fill="#666"]')]
              .map((group) => group.getBoundingClientRect())
              .filter((box) => box.width > 3 * box.height && box.height > 0)
              .map((box) => box.height * zoom),
          }));
      });
      expect(charts.length, sitePath).toBeGreaterThan(0);
      for (const chart of charts) {
        measured++;
        // The smallest text as drawn, scaled from the chart's own pixels (its viewBox) to the width it is shown at.
        const textPx = (smallestDrawn[chart.narrow ? 'narrow' : 'wide'] * chart.shownWidth) / chart.drawnWidth;
        expect(chart.rows.length, chart.title).toBeGreaterThan(0);
        const rowText = Math.min(...chart.rows) / digitHeight;
        if (textPx < MIN_TEXT_PX || rowText < MIN_TEXT_PX) {
          tooSmall.push(
            `${sitePath} ${chart.title}: drawn ${chart.drawnWidth} px wide, shown ${chart.shownWidth.toFixed(0)} px: text ${textPx.toFixed(1)} px (glyphs ${rowText.toFixed(1)} px)`,
          );
        }
      }
    }
    await context.close();
    expect(measured).toBeGreaterThan(5);
    expect(tooSmall).toEqual([]);
  });
});
