/**
 * The web fonts (src/web-fonts/): which characters each
 * face holds, how they are sliced, and what a build writes and caches. The
 * builds here run on small hand-written output folders, with the real fonts
 * and the real subsetter; tests/browser/web-fonts.test.ts checks a real site
 * in chromium.
 */
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { create, type Font } from 'fontkitten';
import { describe, expect, it } from 'vitest';
import { CharacterSet, withoutElementsInside } from '../../src/web-fonts/characters.ts';
import {
  blockSliceName,
  formatUnicodeRange,
  mergeSparseSlices,
  parseUnicodeRange,
  sliceCodePoints,
  slicePartition,
} from '../../src/web-fonts/slices.ts';
import { fontFaceCss } from '../../src/web-fonts/stylesheet.ts';
import { buildWebFonts } from '../../src/web-fonts/build.ts';
import { devWebFonts } from '../../src/web-fonts/dev.ts';
import { WEB_FONT_FACES, WEB_FONT_STYLESHEET } from '../../src/web-fonts/faces.ts';
import { ui } from '../../src/translations/zh-CN.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const codePoints = (text: string) => [...text].map((char) => char.codePointAt(0)!);
const text = (points: number[]) => String.fromCodePoint(...points);

describe('unicode ranges', () => {
  it('writes runs of code points as ranges, sorted and without duplicates', () => {
    expect(formatUnicodeRange([0x4e09, 0x4e00, 0x20, 0x4e01, 0x4e02, 0x4e00])).toBe('U+20,U+4E00-4E02,U+4E09');
    expect(formatUnicodeRange([0x20000])).toBe('U+20000');
  });

  it('reads them back', () => {
    expect(parseUnicodeRange('U+20-22, U+4e00')).toEqual([
      [0x20, 0x22],
      [0x4e00, 0x4e00],
    ]);
    expect(() => parseUnicodeRange('4E00')).toThrow(/not a unicode-range/);
  });
});

describe('the slice partition', async () => {
  const partition = slicePartition(
    JSON.parse(await readFile(path.join(REPO_ROOT, 'node_modules/@fontsource-variable/noto-sans-sc/unicode.json'), 'utf8')),
  );

  it('puts common characters in the high, shared slices and rare ones in low slices', () => {
    expect(partition.sliceOf('A'.codePointAt(0)!)).toBe('119');
    expect(partition.sliceOf('的'.codePointAt(0)!)).toBe('119');
    expect(partition.sliceOf('国'.codePointAt(0)!)).toBe('118');
    expect(Number(partition.sliceOf('龘'.codePointAt(0)!))).toBeLessThan(30);
  });

  it('gives a character outside the partition the slice of its 256-code-point block', () => {
    expect(partition.sliceOf(0x2003e)).toBe(blockSliceName(0x2003e));
    expect(blockSliceName(0x2003e)).toBe('u200');
  });

  it('changes only the slice of a new character when a document brings one', () => {
    const before = sliceCodePoints(codePoints('的国是一龘ABC'), partition);
    const after = sliceCodePoints(codePoints('的国是一龘ABC鼋'), partition);
    const changed = [...after.keys()].filter((name) => text(after.get(name)!) !== text(before.get(name) ?? []));
    expect(changed).toEqual([partition.sliceOf('鼋'.codePointAt(0)!)]);
  });
});

describe('sparse slices', () => {
  const range = (first: number, length: number) => Array.from({ length }, (_, i) => first + i);
  const slices = new Map([
    ['20', [0x9f98]],
    ['100', [0x5000]],
    ['101', [0x5001, 0x5002]],
    ['103', [0x5003]],
    ['118', range(0x4e00, 50)],
    ['119', range(0x20, 60)],
    ['u200', [0x2003e]],
  ]);

  it('share a file by aligned blocks of slice numbers, while full slices keep their own', () => {
    const merged = mergeSparseSlices(slices, 8);
    expect([...merged.keys()]).toEqual(['16-31', '96-111', '118', '119', 'u200']);
    expect(merged.get('96-111')).toEqual([0x5000, 0x5001, 0x5002, 0x5003]);
    expect(merged.get('118')).toEqual(slices.get('118'));
  });

  it('split a block that fills up, and leave every other block as it was', () => {
    const before = mergeSparseSlices(slices, 8);
    const after = mergeSparseSlices(new Map([...slices, ['100', range(0x5100, 6)]]), 8);
    // 96–111 now holds 9 characters: 96–103 holds them all, still more than 8, so 100–101 and 102–103.
    expect([...after.keys()]).toEqual(['16-31', '100-101', '102-103', '118', '119', 'u200']);
    for (const name of ['16-31', '118', '119', 'u200']) expect(after.get(name)).toEqual(before.get(name));
  });
});

describe('the characters of built files', () => {
  it('keeps every character a page shows, decodes references, and leaves out controls and format characters', () => {
    const set = new CharacterSet();
    set.addHtml('<p title="标">甲&#x4E59;&amp;&#19993;\n\t\u200b\u3000𠀾 </p>');
    const found = text(set.codePoints());
    for (const char of ['标', '甲', '乙', '&', '丙', '\u3000', '𠀾', ' ', '<', 'p']) expect(found).toContain(char);
    for (const char of ['\n', '\t', '\u200b']) expect(found).not.toContain(char);
  });

  it('takes the text of chosen elements only', () => {
    const set = new CharacterSet();
    set.addElementText('<h1>题</h1><h2 id="x">一、<a href="#">总&amp;结</a></h2><p>正文</p>', ['h2']);
    expect(text(set.codePoints())).toBe(
      '&一、总结'
        .split('')
        .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
        .join(''),
    );
  });

  it('leaves out the paragraphs of a container, nested elements and all, and keeps everything else', () => {
    const html =
      '<p>外</p><div class="document prose" id="d"><h2>标题</h2><div><p>正<b>文</b></p></div><table><td>表</td></table><p>末段</p></div><p>尾</p>';
    expect(withoutElementsInside(html, 'prose', ['p'])).toBe(
      '<p>外</p><div class="document prose" id="d"><h2>标题</h2><div><p></p></div><table><td>表</td></table><p></p></div><p>尾</p>',
    );
    expect(withoutElementsInside(html, 'prosetext', ['p'])).toBe(html);
  });
});

describe('the stylesheet', () => {
  it('writes one @font-face per file, with font-display: swap and the range of the file', () => {
    expect(
      fontFaceCss({ family: 'Gazette Serif', weight: '400', url: 'serif.118.abc.woff2', format: 'woff2', unicodeRange: 'U+4E00' }),
    ).toBe(
      '@font-face{font-family:"Gazette Serif";font-style:normal;font-weight:400;font-display:swap;src:url("serif.118.abc.woff2") format("woff2");unicode-range:U+4E00}',
    );
  });
});

/** An output folder with a document page, a listing and a stylesheet. */
async function writeOutput(dir: string, extraParagraph = ''): Promise<void> {
  await mkdir(path.join(dir, 'reports/a'), { recursive: true });
  await mkdir(path.join(dir, '_astro'), { recursive: true });
  await writeFile(
    path.join(dir, 'reports/a/index.html'),
    `<!doctype html><html lang="zh-CN"><body><a class="site-name">${ui.siteName}</a><h1 class="document__title">关于调研的报告</h1>` +
      `<div class="prose"><h2>一、基本情况</h2><p>正文里有一个罕见的字：鼋。${extraParagraph}</p><table><tr><td>表格</td></tr></table></div></body></html>`,
  );
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><body><p class="lead">首页的说明</p></body></html>');
  await writeFile(path.join(dir, '_astro/site.css'), '.metadata dt::after { content: "："; }');
  // Scripts are not read: the search page's carries OpenCC's whole table.
  await writeFile(path.join(dir, '_astro/search.js'), 'const table = "龍龜";');
}

interface Slices {
  css: string;
  files: string[];
  /** Face id → every character its rules claim. */
  held: Map<string, string>;
}

async function readSlices(dir: string): Promise<Slices> {
  const css = await readFile(path.join(dir, WEB_FONT_STYLESHEET), 'utf8');
  const files = (await readdir(path.join(dir, 'fonts'))).filter((file) => file.endsWith('.woff2')).sort();
  const held = new Map<string, string>();
  for (const file of files) {
    const rule = css.split('\n').find((line) => line.includes(`url("${file}")`))!;
    const claimed = parseUnicodeRange(/unicode-range:([^;}]+)/.exec(rule)![1]!).flatMap(([first, last]) =>
      Array.from({ length: last - first + 1 }, (_, i) => first + i),
    );
    // The file has a glyph for every character its rule claims (harfbuzz may
    // map a few more: a glyph kept as another's component keeps its code point).
    const font = create(await readFile(path.join(dir, 'fonts', file))) as Font;
    expect(
      claimed.filter((codePoint) => !font.hasGlyphForCodePoint(codePoint)),
      file,
    ).toEqual([]);
    const face = file.split('.')[0]!;
    held.set(face, (held.get(face) ?? '') + text(claimed));
  }
  return { css, files, held };
}

describe('the web fonts of a build', () => {
  it('subsets each face to what it draws, slices it, and reuses the cache when nothing changed', { timeout: 120_000 }, async () => {
    const cacheDir = await tempDir('gazette-font-cache-');
    const out = await tempDir('gazette-font-out-');
    await writeOutput(out);
    const first = await buildWebFonts(out, { cacheDir });
    const slices = await readSlices(out);

    expect(slices.css).toContain('font-display:swap');
    expect(new Set(slices.files.map((file) => file.split('.')[0]))).toEqual(new Set(WEB_FONT_FACES.map((face) => face.id)));
    const serif = slices.held.get('serif')!;
    const sans = slices.held.get('sans')!;
    const hei = slices.held.get('hei')!;
    // The serif holds everything shown, the generated content and the UI strings included, but not the scripts' tables.
    for (const char of '鼋表格首页说明调研：一') expect(serif).toContain(char);
    expect(serif).not.toContain('龜');
    expect(serif).toContain(ui.searchButton[0]);
    // The sans leaves out what only a document's paragraphs have.
    expect(sans).not.toContain('鼋');
    for (const char of '表格首页调研') expect(sans).toContain(char);
    // The 黑体 face: h2 and the site name only.
    expect([...hei].sort()).toEqual([...new Set('一、基本情况' + ui.siteName)].sort());

    const again = await buildWebFonts(out, { cacheDir });
    expect(again.fromCache).toBe(again.files);
    expect(first.fromCache).toBe(0);
    const second = await readSlices(out);
    expect(second.css).toBe(slices.css);
    expect(second.files).toEqual(slices.files);
  });

  it('changes only the slices that gain a character when a document brings a new one', { timeout: 120_000 }, async () => {
    const cacheDir = await tempDir('gazette-font-cache-');
    const out = await tempDir('gazette-font-out-');
    await writeOutput(out);
    await buildWebFonts(out, { cacheDir });
    const before = await readSlices(out);
    await writeOutput(out, '鼍');
    const after = await buildWebFonts(out, { cacheDir });
    const changed = (await readSlices(out)).files.filter((file) => !before.files.includes(file));
    // 鼍 is new: one serif slice changes; the sans leaves paragraphs out, the other slices are as they were.
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^serif\./);
    expect(after.fromCache).toBe(after.files - 1);
  });
});

describe('the web fonts under astro dev', () => {
  it('serves the stylesheet and the whole fonts under the base, whether or not Vite took the base off', async () => {
    const middleware = devWebFonts('/kb/');
    const server = http.createServer((request, response) =>
      middleware(request, response, () => {
        response.statusCode = 404;
        response.end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const stylesheet of ['/kb/fonts/web-fonts.css', '/fonts/web-fonts.css']) {
        const css = await fetch(`${origin}${stylesheet}`);
        expect(css.headers.get('content-type'), stylesheet).toMatch(/^text\/css/);
        const text = await css.text();
        for (const face of WEB_FONT_FACES) expect(text).toContain(`font-family:"${face.family}"`);
        expect(text).toContain('src:url("dev/serif.ttf") format("truetype")');
      }
      const font = await fetch(`${origin}/kb/fonts/dev/serif.ttf`);
      expect(font.headers.get('content-type')).toBe('font/ttf');
      const served = Buffer.from(await font.arrayBuffer());
      const source = await readFile(path.join(REPO_ROOT, 'node_modules', WEB_FONT_FACES.find((face) => face.id === 'serif')!.source));
      expect(served.equals(source)).toBe(true);
      expect((await fetch(`${origin}/kb/reports/`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
