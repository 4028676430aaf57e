/**
 * Chinese text on every reader's machine (src/web-fonts/): the shipped site
 * served by nginx under /kb/, in chromium given, through fontconfig, either
 * no Chinese font at all (like CI's machines and many Linux desktops) or the
 * Noto SC fonts installed locally. Which font drew a node's glyphs is asked
 * of chromium itself (DevTools' CSS.getPlatformFontsForNode): no screenshots.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, makeContent } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/browser.ts';
import { fontBytes, withLocalCjkFonts, withoutCjkFonts } from '../helpers/fonts.ts';
import { serveWithNginx, type NginxServer } from '../helpers/nginx.ts';
import { FIXTURE_SITES, REPO_ROOT } from '../helpers/paths.ts';

/** The web fonts' sources, by the family name chromium reports for them. */
const WEB_FONT_FAMILIES = new Set(['Noto Serif SC', 'Noto Sans SC']);
/**
 * Symbols the page shows that the Noto SC fonts have no glyph for, so the
 * build warns about them and the machine's own fonts draw them: the footnote
 * back-link arrow. Anything else drawn by a font other than the web fonts fails.
 */
const SYSTEM_FONT_SYMBOLS = new Set(['↩']);
/** A typical document page downloads at most this much font (issue 16). */
const FONT_BUDGET_BYTES = 300 * 1024;

/** The seed's document pages. */
const DOCUMENT_PAGES = [
  'summaries/2020-annual-summary/',
  'reports/metro-line-6-land-readjustment/',
  'reports/huaxing-g11-land-readjustment/',
  'reforms/sponge-city-pilot/',
  'reforms/infrastructure-supply-side-pilot/',
  'reforms/2020-reform-work/',
  'bulletins/guangming-xinxi/2020/1/',
  'bulletins/guangming-xinxi/2020/2/',
];
/** A document with a heading of every official level (一、 （一） 1． （1）) and a body paragraph. */
const ALL_LEVELS_PAGE = 'reports/public-report/';

interface DrawnBy {
  selector: string;
  /** All the text inside the node: DevTools reports the fonts of its whole subtree. */
  text: string;
  fonts: Array<{ familyName: string; postScriptName: string; isCustomFont: boolean; glyphCount: number }>;
}

/** The fonts chromium drew each matching element's text with. */
async function platformFonts(page: Page, selector: string): Promise<DrawnBy[]> {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const drawn: DrawnBy[] = [];
  for (const nodeId of nodeIds) {
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    drawn.push({ selector, text: result.value as string, fonts });
  }
  await cdp.detach();
  return drawn;
}

/** Characters that need a glyph: not whitespace. */
function glyphCharacters(text: string): number {
  return [...text.replace(/\s/g, '')].length;
}

/**
 * Every problem with how `drawn` was drawn when only the web fonts can draw
 * Chinese: glyphs drawn by another font (which is what a box is) beyond the
 * node's SYSTEM_FONT_SYMBOLS, and with `countGlyphs`, fewer glyphs than
 * characters. Nodes chromium did not draw (hidden) have no fonts and are skipped.
 */
function notDrawnByWebFonts(drawn: DrawnBy[], { countGlyphs }: { countGlyphs: boolean }): string[] {
  const problems: string[] = [];
  for (const { selector, text, fonts } of drawn) {
    if (glyphCharacters(text) === 0 || fonts.length === 0) continue;
    const others = fonts.filter((font) => !font.isCustomFont || !WEB_FONT_FAMILIES.has(font.familyName));
    const otherGlyphs = others.reduce((sum, font) => sum + font.glyphCount, 0);
    const symbols = [...text].filter((char) => SYSTEM_FONT_SYMBOLS.has(char)).length;
    if (otherGlyphs > symbols) problems.push(`${selector} “${text.trim()}” drawn with ${others.map((font) => font.familyName).join(', ')}`);
    const glyphs = fonts.reduce((sum, font) => sum + font.glyphCount, 0);
    if (countGlyphs && glyphs < glyphCharacters(text))
      problems.push(`${selector} “${text.trim()}”: ${glyphs} glyphs for ${glyphCharacters(text)} characters`);
  }
  return problems;
}

/**
 * The characters of rendered elements matching `selector` that no loaded web
 * font face of the element's own font-family claims (its unicode-range): a
 * character missing from the web fonts, which the browser would draw as the
 * primary font's empty box even if DevTools names that font. Only the
 * element's own text nodes: its children are elements of their own.
 */
function unclaimedCharacters(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ([selector, symbols]) => {
      const unquote = (family: string) => family.trim().replace(/^["']|["']$/g, '');
      const faces = [...document.fonts].filter((face) => face.status === 'loaded');
      const problems: string[] = [];
      for (const element of document.querySelectorAll(selector)) {
        if (element.getClientRects().length === 0) continue;
        const text = Array.from(element.childNodes, (node) => (node.nodeType === Node.TEXT_NODE ? node.textContent : '')).join('');
        const families = getComputedStyle(element).fontFamily.split(',').map(unquote);
        const ranges = faces
          .filter((face) => families.includes(unquote(face.family)))
          .flatMap((face) =>
            face.unicodeRange.split(',').map((range) =>
              range
                .trim()
                .slice(2)
                .split('-')
                .map((hex) => parseInt(hex, 16)),
            ),
          );
        const missing = [...text.replace(/\s/g, '')].filter((char) => {
          if (symbols.includes(char)) return false;
          const codePoint = char.codePointAt(0)!;
          return !ranges.some(([first, last = first]) => codePoint >= first! && codePoint <= last);
        });
        if (missing.length > 0)
          problems.push(`${element.tagName.toLowerCase()}.${element.className} “${text.trim()}”: ${missing.join('')}`);
      }
      return problems;
    },
    [selector, [...SYSTEM_FONT_SYMBOLS]] as const,
  );
}

describe('Chinese text on a machine without Chinese fonts, and on one with them', () => {
  let server: NginxServer;
  let noCjk: Browser;
  let localCjk: Browser;

  beforeAll(async () => {
    // The seed, and a fixture document with every official heading level.
    const contentDir = await makeContent(
      { 'reports/public-report.md': await readFile(path.join(FIXTURE_SITES, 'basic/reports/public-report.md'), 'utf8') },
      path.join(REPO_ROOT, 'content'),
    );
    // The whole pipeline: the search page needs its index.
    const build = await buildSite({ contentDir, base: '/kb/', pipeline: true });
    expect(build.ok, build.output).toBe(true);
    server = await serveWithNginx(build.outDir);
    noCjk = await launchChromium({ env: { FONTCONFIG_FILE: await withoutCjkFonts() } });
    localCjk = await launchChromium({ env: { FONTCONFIG_FILE: await withLocalCjkFonts() } });
  });

  afterAll(async () => {
    await noCjk?.close();
    await localCjk?.close();
    await server?.stop();
  });

  it('serves the slices as immutable files and their stylesheet for revalidation', async () => {
    const css = await fetch(`${server.siteUrl}fonts/web-fonts.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toBe('no-cache');
    const slice = /url\("([^"]+\.woff2)"\)/.exec(await css.text())![1]!;
    const font = await fetch(`${server.siteUrl}fonts/${slice}`);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('draws the title, a heading of each official level and the body with the web fonts', async () => {
    const page = await noCjk.newPage();
    await page.goto(`${server.siteUrl}${ALL_LEVELS_PAGE}`, { waitUntil: 'networkidle' });
    const drawn: DrawnBy[] = [];
    for (const selector of ['h1.document__title', '.prose h2', '.prose h3', '.prose h4', '.prose h5', '.prose p']) {
      const found = (await platformFonts(page, selector)).filter(({ text }) => glyphCharacters(text) > 0);
      expect(found.length, selector).toBeGreaterThan(0);
      for (const node of found) expect(node.fonts.length, `${selector} “${node.text}” is drawn`).toBeGreaterThan(0);
      drawn.push(...found);
      expect(await unclaimedCharacters(page, selector), selector).toEqual([]);
    }
    expect(notDrawnByWebFonts(drawn, { countGlyphs: true })).toEqual([]);
    // The official faces' stand-ins: the title and body in the serif, 黑体 headings in the bold sans.
    const face = (selector: string) => drawn.find((node) => node.selector === selector)!.fonts[0]!.postScriptName;
    expect(face('h1.document__title')).toBe('NotoSerifSC-Regular');
    expect(face('.prose p')).toBe('NotoSerifSC-Regular');
    expect(face('.prose h2')).toBe('NotoSansSC-Bold');
    await page.close();
  });

  it('leaves no character of a real document, the home page or search results to a box', async () => {
    const page = await noCjk.newPage();
    for (const sitePath of ['summaries/2020-annual-summary/', '', 'search/?q=土地整备']) {
      await page.goto(`${server.siteUrl}${sitePath}`, { waitUntil: 'networkidle' });
      if (sitePath.startsWith('search/')) await page.locator('.finder__result').first().waitFor();
      // Every element of the page with text of its own: body, navigation, metadata, tables, footer.
      const everything = 'body *:not(script):not(style)';
      const drawn = await platformFonts(page, everything);
      expect(drawn.filter(({ text, fonts }) => glyphCharacters(text) > 0 && fonts.length > 0).length, sitePath).toBeGreaterThan(20);
      expect(notDrawnByWebFonts(drawn, { countGlyphs: false }), sitePath).toEqual([]);
      expect(await unclaimedCharacters(page, everything), sitePath).toEqual([]);
    }
    await page.close();
  });

  it(`downloads at most ${FONT_BUDGET_BYTES / 1024} KB of font for a document page`, async () => {
    const measured: string[] = [];
    for (const sitePath of DOCUMENT_PAGES) {
      const { bytes, files } = await fontBytes(noCjk, `${server.siteUrl}${sitePath}`);
      measured.push(`${sitePath}: ${(bytes / 1024).toFixed(0)} KB in ${files} files`);
      expect(files, sitePath).toBeGreaterThan(0);
      expect(bytes, sitePath).toBeLessThanOrEqual(FONT_BUDGET_BYTES);
    }
    console.log(`web fonts, no Chinese font installed:\n  ${measured.join('\n  ')}`);
  });

  it('downloads no font at all where the machine has Chinese fonts, and draws with them', async () => {
    for (const sitePath of [DOCUMENT_PAGES[0]!, ALL_LEVELS_PAGE, '']) {
      expect(await fontBytes(localCjk, `${server.siteUrl}${sitePath}`), sitePath).toEqual({ bytes: 0, files: 0 });
    }
    const page = await localCjk.newPage();
    await page.goto(`${server.siteUrl}${ALL_LEVELS_PAGE}`, { waitUntil: 'networkidle' });
    for (const selector of ['h1.document__title', '.prose h2', '.prose p']) {
      const fonts = (await platformFonts(page, selector)).flatMap((node) => node.fonts);
      expect(fonts.length, selector).toBeGreaterThan(0);
      expect(
        fonts.filter((font) => font.isCustomFont),
        selector,
      ).toEqual([]);
    }
    await page.close();
  });
});
