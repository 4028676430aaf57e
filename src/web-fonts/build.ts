/**
 * Writes the web fonts of a built site: every face of WEB_FONT_FACES subset
 * to the characters the built pages use, sliced (src/web-fonts/slices.ts)
 * into WOFF2 files under `fonts/`, and `fonts/web-fonts.css` with one
 * @font-face per file, whose `unicode-range` lists exactly the characters
 * the file has, so that a browser downloads only the slices a page needs.
 *
 * It runs when `astro build` has written every page (src/integrations/web-fonts.ts),
 * into the folder being built, which `npm run build` swaps in only when
 * everything has passed. Subsetting is done by harfbuzz (`subset-font`, its
 * WebAssembly build, and wawoff2's for WOFF2: nothing is downloaded or
 * compiled; `cn-font-split`, made for slicing CJK fonts, fetches a native
 * binary when installed, which an offline machine cannot). Each file is kept in
 * the build cache under a digest of its font, its characters and the tools,
 * so a rebuild subsets only the slices whose characters changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import { pruneCache, touchCacheEntry } from '../../scripts/publish/build-cache.ts';
import { linkOrCopyFile, listOutputFiles } from '../../scripts/publish/output-files.ts';
import { foldChar } from '../search/text.ts';
import { CharacterSet } from './characters.ts';
import {
  formatUnicodeRange,
  mergeSparseSlices,
  sliceCodePoints,
  slicePartition,
  type SlicePartition,
  type UnicodeRanges,
} from './slices.ts';
import { webFontStylesheet, type FontFaceRule } from './stylesheet.ts';
import { WEB_FONT_DIR, WEB_FONT_FACES, WEB_FONT_STYLESHEET, type WebFontFace } from './faces.ts';
import { openFont, packageFilePath } from './font-file.ts';

/** Google Fonts' partition of Chinese, as fontsource publishes it (see src/web-fonts/slices.ts). */
const PARTITION_FILE = '@fontsource-variable/noto-sans-sc/unicode.json';

/**
 * OpenType features kept: none. Vertical forms, width variants, `aalt` and
 * the like pull in glyphs no page shows (they made the slice holding ASCII
 * three to four times larger), and kerning and ligatures only touch the few
 * Latin letters, for a few bytes in every file.
 */
const KEPT_FEATURES: string[] = [];
/**
 * Tables dropped besides: the layout tables once they have no features, and
 * vertical metrics, baselines and style attributes, which horizontal text in
 * a browser does not use. Together some 5% of a face's bytes.
 */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'vhea', 'vmtx', 'VORG', 'BASE', 'STAT'];
/**
 * Neighbouring slices holding at most this many characters together share a
 * file (see mergeSparseSlices): some 6 KB of glyphs at most, downloaded for
 * one rare character. Measured on the seed and the benchmark's corpus: 16
 * to 96 saved 20 to 30 KB of a document page's 250–340, mostly by the first steps.
 */
const FEWEST_IN_A_FILE = 32;

/** Bump when the way a slice is made changes, so that cached slices are not reused. */
const CACHE_VERSION = 2;
const CACHE_FOLDER = 'gazette-web-fonts';

export interface WebFontsResult {
  characters: number;
  files: number;
  bytes: number;
  fromCache: number;
  /** Characters the pages use that no face has a glyph for. */
  missing: string[];
  /** The files written, relative to the output folder: the slices and the stylesheet. */
  written: string[];
}

/**
 * The file of every UI string. The scripts' messages (the search page's) come
 * from there; the scripts themselves are not read, since the search page's
 * carries OpenCC's whole character table, thousands of hanzi no page shows.
 */
const UI_STRINGS = 'src/translations/zh-CN.ts';

/** Files whose text readers see: pages, and stylesheets (generated content). */
function showsText(file: string): boolean {
  return /\.(html|css)$/.test(file) && !file.startsWith(`${WEB_FONT_DIR}/`);
}

/**
 * The characters each face must hold (see FaceCharacters): what the built
 * site shows, with the forms the search page shows for them (its excerpts
 * are folded text), or the part of it the face draws.
 */
async function faceCharacters(outDir: string, files: readonly string[]): Promise<Map<WebFontFace, number[]>> {
  const sets = new Map(WEB_FONT_FACES.map((face) => [face, new CharacterSet()]));
  const uiStrings = await readFile(path.join(process.cwd(), UI_STRINGS), 'utf8');
  for (const file of files.filter(showsText)) {
    const text = await readFile(path.join(outDir, file), 'utf8');
    for (const [face, characters] of sets) {
      const { characters: kind } = face;
      if (!file.endsWith('.html')) {
        if (kind === 'site' || 'except' in kind) characters.addText(text);
      } else if (kind === 'site') characters.addHtml(text);
      else if ('except' in kind) characters.addHtmlExcept(text, kind.except.container, kind.except.elements);
      else characters.addElementText(text, kind.only.elements);
    }
  }
  return new Map(
    [...sets].map(([face, characters]) => {
      const { characters: kind } = face;
      if (kind !== 'site' && 'only' in kind) {
        for (const text of kind.only.strings) characters.addText(text);
      } else {
        characters.addText(uiStrings);
        for (const codePoint of characters.codePoints()) characters.addText(foldChar(String.fromCodePoint(codePoint)));
      }
      return [face, characters.codePoints()];
    }),
  );
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function packageVersion(name: string): Promise<string> {
  return (JSON.parse(await readFile(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;
}

interface LoadedFace {
  face: WebFontFace;
  data: Buffer;
  digest: string;
  covers(codePoint: number): boolean;
}

async function loadFace(face: WebFontFace): Promise<LoadedFace> {
  const data = await readFile(packageFilePath(face.source));
  const font = openFont(face.source, data);
  return { face, data, digest: sha256(data), covers: (codePoint) => font.hasGlyphForCodePoint(codePoint) };
}

/** The slice's WOFF2 from the cache, or made and put there. */
async function sliceFile(
  loaded: LoadedFace,
  codePoints: number[],
  cacheDir: string,
  tools: string,
  used: Set<string>,
): Promise<{ file: string; cached: boolean }> {
  const text = String.fromCodePoint(...codePoints);
  const key = sha256(JSON.stringify([CACHE_VERSION, tools, loaded.digest, KEPT_FEATURES, DROPPED_TABLES, text]));
  const name = `${key}.woff2`;
  const file = path.join(cacheDir, name);
  used.add(name);
  if (
    await stat(file).then(
      () => true,
      () => false,
    )
  ) {
    await touchCacheEntry(file);
    return { file, cached: true };
  }
  const woff2 = await subsetFont(loaded.data, text, { targetFormat: 'woff2', keepFeatures: KEPT_FEATURES, dropTables: DROPPED_TABLES });
  await writeFile(`${file}.partial`, woff2);
  await rename(`${file}.partial`, file);
  return { file, cached: false };
}

export interface WebFontsOptions {
  /** Where slices are kept between builds (the folder `gazette-web-fonts/` in it). */
  cacheDir: string;
  /**
   * The output's files to read, relative to it; all of them by default. The
   * pipeline passes the list it took before anything else wrote there, so
   * that what the fonts hold never depends on which step finished first.
   */
  files?: readonly string[];
}

/** Subsets, slices and writes the web fonts and their stylesheet into `outDir`. */
export async function buildWebFonts(outDir: string, options: WebFontsOptions): Promise<WebFontsResult> {
  const partition: SlicePartition = slicePartition(JSON.parse(await readFile(packageFilePath(PARTITION_FILE), 'utf8')) as UnicodeRanges);
  const characters = await faceCharacters(outDir, options.files ?? (await listOutputFiles(outDir)));
  const siteCharacters = characters.get(WEB_FONT_FACES.find((face) => face.characters === 'site')!)!;
  const tools = `subset-font ${await packageVersion('subset-font')}, harfbuzzjs ${await packageVersion('harfbuzzjs')}`;
  const cacheDir = path.join(options.cacheDir, CACHE_FOLDER);
  await mkdir(cacheDir, { recursive: true });
  // Astro empties the output folder, but a rebuild into the same folder must not meet old slices.
  await rm(path.join(outDir, WEB_FONT_DIR), { recursive: true, force: true });
  await mkdir(path.join(outDir, WEB_FONT_DIR), { recursive: true });
  const used = new Set<string>();
  const rules: FontFaceRule[] = [];
  const covered = new Set<number>();
  let bytes = 0;
  let fromCache = 0;
  for (const face of WEB_FONT_FACES) {
    const loaded = await loadFace(face);
    const drawable = characters.get(face)!.filter((codePoint) => loaded.covers(codePoint));
    for (const codePoint of drawable) covered.add(codePoint);
    for (const [slice, codePoints] of mergeSparseSlices(sliceCodePoints(drawable, partition), FEWEST_IN_A_FILE)) {
      const { file, cached } = await sliceFile(loaded, codePoints, cacheDir, tools, used);
      const data = await readFile(file);
      const name = `${face.id}.${slice}.${sha256(data).slice(0, 10)}.woff2`;
      await linkOrCopyFile(file, path.join(outDir, WEB_FONT_DIR, name));
      rules.push({ family: face.family, weight: face.weight, url: name, format: 'woff2', unicodeRange: formatUnicodeRange(codePoints) });
      bytes += data.length;
      if (cached) fromCache++;
    }
  }
  const comment = `Web fonts for readers without the official Chinese faces, subset to the ${siteCharacters.length} characters this site uses (src/web-fonts/build.ts)`;
  await writeFile(path.join(outDir, WEB_FONT_STYLESHEET), webFontStylesheet(comment, rules));
  await pruneCache(cacheDir, used);
  const missing = siteCharacters.filter((codePoint) => !covered.has(codePoint)).map((codePoint) => String.fromCodePoint(codePoint));
  const written = [...rules.map((rule) => `${WEB_FONT_DIR}/${rule.url}`), WEB_FONT_STYLESHEET];
  return { characters: siteCharacters.length, files: rules.length, bytes, fromCache, missing, written };
}

/** The build's lines about the web fonts: a summary, and a warning for characters no face has. */
export function webFontsReport(result: WebFontsResult, seconds: number): { info: string; warning?: string } {
  const time = seconds.toFixed(1);
  const kb = (result.bytes / 1024).toFixed(0);
  const info =
    `网页字体：${result.characters} 个字符，${result.files} 个文件共 ${kb} KB，其中 ${result.fromCache} 个取自缓存，用时 ${time} 秒` +
    `（web fonts: ${result.characters} characters, ${result.files} files, ${kb} KB, ${result.fromCache} from the cache, in ${time} s）`;
  if (result.missing.length === 0) return { info };
  const shown = result.missing.slice(0, 40).join(' ');
  return {
    info,
    warning:
      `网页字体缺少 ${result.missing.length} 个字符：${shown}；没有本机字体的读者看到的是本机其他字体画的字或方框` +
      `（the web fonts lack ${result.missing.length} characters: ${shown}; readers without a local font that has them see another local font's glyph or a box）`,
  };
}
