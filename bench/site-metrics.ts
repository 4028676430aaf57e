/**
 * What a build wrote, measured from its output folder: sizes, the weight of a
 * document page (HTML and CSS gzip, JavaScript), and the chart SVGs.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../tests/helpers/build-site.ts';

/** Document pages sampled for the median page weight. */
const PAGE_SAMPLE = 200;

export interface PageWeight {
  /** The page's site path. */
  page: string;
  htmlGzipBytes: number;
  cssGzipBytes: number;
  /** Scripts the page loads, with their static imports, plus inline scripts, uncompressed. */
  jsBytes: number;
  /** The same, without the search box's scripts (Pagefind's and the search form's). */
  jsBytesBesidesSearch: number;
  /** Those other scripts, by output path. */
  scriptsBesidesSearch: string[];
}

export interface SiteMetrics {
  htmlPages: number;
  distMB: number;
  /** The Pagefind index folder, if any. */
  searchIndexMB: number;
  searchIndexFiles: number;
  documentPages: {
    sampled: number;
    medianHtmlCssGzipBytes: number;
    maxHtmlCssGzipBytes: number;
    medianJsBytes: number;
    maxJsBytesBesidesSearch: number;
    /** Scripts other than the search box's found on any sampled page. */
    scriptsBesidesSearch: string[];
    heaviest: PageWeight | undefined;
  };
  /** Distinct inline chart SVGs. */
  charts: { count: number; medianBytes: number; medianGzipBytes: number; maxBytes: number };
}

const gzipSize = (content: Buffer | string) => gzipSync(content).length;

/** The middle value (the upper one of an even count), 0 for none: the one median every bench figure uses. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function folderSize(dir: string, files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(path.join(dir, file))).size;
  return total;
}

/** A document page is `/<kind>/<id>/` or `/bulletins/<journal>/<year>/<issue>/`, not a listing. */
export function isDocumentPage(file: string): boolean {
  return (
    /^(reports|summaries|reforms)\/(?!page\/)[^/]+\/index\.html$/.test(file) || /^bulletins\/[^/]+\/\d{4}\/\d+\/index\.html$/.test(file)
  );
}

/** Resolves a URL on the page (`/kb/_astro/x.css`) to a file in the output. */
function outputFile(outDir: string, base: string, url: string, fromFile: string): string | undefined {
  if (/^[a-z]+:/i.test(url)) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  if (clean.startsWith(base)) return path.join(outDir, clean.slice(base.length));
  if (clean.startsWith('/')) return undefined;
  return path.join(path.dirname(fromFile), clean);
}

/**
 * The search box's scripts: Pagefind's, the search page's, and the header's
 * one script, which guards the search box against an IME's Enter
 * (src/components/Header.astro).
 */
const isSearchScript = (file: string) => /pagefind|search|Header\.astro_astro_type_script/i.test(file);

/** A script file and every file it imports statically, each once. */
async function scriptClosure(entry: string, seen: Set<string>): Promise<Array<{ file: string; bytes: number }>> {
  if (seen.has(entry)) return [];
  seen.add(entry);
  let source: string;
  try {
    source = await readFile(entry, 'utf8');
  } catch {
    return [];
  }
  const found = [{ file: entry, bytes: Buffer.byteLength(source) }];
  for (const match of source.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    found.push(...(await scriptClosure(path.join(path.dirname(entry), match[1]!), seen)));
  }
  return found;
}

async function pageWeight(outDir: string, base: string, file: string): Promise<PageWeight> {
  const absolute = path.join(outDir, file);
  const html = await readFile(absolute, 'utf8');
  let cssGzipBytes = 0;
  for (const match of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(match[0])?.[1];
    const css = href && outputFile(outDir, base, href, absolute);
    if (css) cssGzipBytes += gzipSize(await readFile(css));
  }
  const seen = new Set<string>();
  // Chunks a search script imports belong to the search box too.
  const scripts: Array<{ file: string; bytes: number; search: boolean }> = [];
  const addClosure = async (entry: string) => {
    const search = isSearchScript(entry);
    for (const script of await scriptClosure(entry, seen)) scripts.push({ ...script, search });
  };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /src="([^"]+)"/.exec(match[1]!)?.[1];
    const type = /type="([^"]+)"/.exec(match[1]!)?.[1];
    // JSON and other data blocks are not code.
    if (type && !/module|javascript/.test(type)) continue;
    if (src) {
      const script = outputFile(outDir, base, src, absolute);
      if (script) await addClosure(script);
    } else if (match[2]!.trim()) {
      scripts.push({ file: `${file}#inline`, bytes: Buffer.byteLength(match[2]!), search: /pagefind|search/i.test(match[2]!) });
      // Inline module scripts may import files too.
      for (const imported of match[2]!.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+)["']/g)) {
        const target = outputFile(outDir, base, imported[1]!, absolute);
        if (target) await addClosure(target);
      }
    }
  }
  const sum = (list: typeof scripts) => list.reduce((total, script) => total + script.bytes, 0);
  return {
    page: `/${file.replace(/index\.html$/, '')}`,
    htmlGzipBytes: gzipSize(html),
    cssGzipBytes,
    jsBytes: sum(scripts),
    jsBytesBesidesSearch: sum(scripts.filter((script) => !script.search)),
    scriptsBesidesSearch: scripts.filter((script) => !script.search).map((script) => path.relative(outDir, script.file)),
  };
}

/** Charts are inline `<svg class="chart">` in pages; each distinct one once, raw and gzip sizes. */
async function chartSizes(outDir: string, htmlFiles: readonly string[]) {
  const charts = new Set<string>();
  for (const file of htmlFiles) {
    const html = await readFile(path.join(outDir, file), 'utf8');
    for (const match of html.matchAll(/<svg\b[^>]*class="[^"]*\bchart\b[^"]*"[\s\S]*?<\/svg>/g)) charts.add(match[0]);
  }
  return { raw: [...charts].map((svg) => Buffer.byteLength(svg)), gzip: [...charts].map(gzipSize) };
}

export async function measureSite(outDir: string, base: string): Promise<SiteMetrics> {
  const files = await listFiles(outDir);
  const htmlFiles = files.filter((file) => file.endsWith('.html'));
  const indexFiles = files.filter((file) => file.startsWith('pagefind/'));
  const documentFiles = htmlFiles.filter(isDocumentPage);
  const step = Math.max(1, Math.floor(documentFiles.length / PAGE_SAMPLE));
  const sampled = documentFiles.filter((_, i) => i % step === 0).slice(0, PAGE_SAMPLE);
  const weights = await Promise.all(sampled.map((file) => pageWeight(outDir, base, file)));
  const htmlCss = weights.map((w) => w.htmlGzipBytes + w.cssGzipBytes);
  const heaviest = weights.reduce<PageWeight | undefined>(
    (top, w) => (!top || w.htmlGzipBytes + w.cssGzipBytes > top.htmlGzipBytes + top.cssGzipBytes ? w : top),
    undefined,
  );
  const charts = await chartSizes(outDir, htmlFiles);
  return {
    htmlPages: htmlFiles.length,
    distMB: (await folderSize(outDir, files)) / 1e6,
    searchIndexMB: (await folderSize(outDir, indexFiles)) / 1e6,
    searchIndexFiles: indexFiles.length,
    documentPages: {
      sampled: weights.length,
      medianHtmlCssGzipBytes: median(htmlCss),
      maxHtmlCssGzipBytes: Math.max(0, ...htmlCss),
      medianJsBytes: median(weights.map((w) => w.jsBytes)),
      maxJsBytesBesidesSearch: Math.max(0, ...weights.map((w) => w.jsBytesBesidesSearch)),
      scriptsBesidesSearch: [...new Set(weights.flatMap((w) => w.scriptsBesidesSearch))],
      heaviest,
    },
    charts: {
      count: charts.raw.length,
      medianBytes: median(charts.raw),
      medianGzipBytes: median(charts.gzip),
      maxBytes: Math.max(0, ...charts.raw),
    },
  };
}
