/**
 * The leak gate: fingerprints every document this build excludes (read
 * straight from the content files, not from Astro) and searches the whole
 * output for them: HTML, XML, JSON, CSV, JS and the Pagefind index, which is
 * gzip-compressed and decoded here first; every link of a page is followed
 * to where it leads. Pagefind's own program files are third-party code and
 * not searched. Files found clean by the previous build, with the same
 * fingerprints, are recognised by content and skipped.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Audience } from '../lib/access.ts';
import { buildContentIndex } from '../lib/content-files/content-index.ts';
import { loadContent } from '../lib/content-files/load.ts';
import { pagefindFileData } from '../search/pagefind-contract.ts';
import {
  createLinkScanner,
  createScanner,
  excludedFingerprints,
  jsonText,
  markupText,
  scanOutputText,
  type Fingerprint,
  type LeakHit,
  type ScanDocument,
} from './scan.ts';
import { fromIndexText } from '../search/text.ts';
import { SEARCH_BUNDLE_DIR } from '../search/shards.ts';
import { pruneCache } from '../../scripts/publish/build-cache.ts';
import { listOutputFiles } from '../../scripts/publish/output-files.ts';

/** Every document of the content folder, with whether `audience` gets it. */
export function documentsForScan(contentDir: string, audience: Audience): ScanDocument[] {
  const entries = loadContent(contentDir);
  const index = buildContentIndex(entries, audience);
  const bodies = new Map(entries.map((entry) => [entry.file.contentPath, entry.document?.body ?? '']));
  return [...index.documents.values()].map((doc) => ({
    file: doc.displayPath,
    publishable: doc.publishable,
    data: doc.data,
    body: bodies.get(doc.contentPath) ?? '',
    urlPath: doc.urlPath,
  }));
}

const MARKUP = new Set(['.html', '.htm', '.xml', '.svg', '.rss', '.atom']);
const JSON_FILES = new Set(['.json', '.webmanifest']);
const PLAIN_TEXT = new Set(['.csv', '.tsv', '.txt', '.js', '.mjs', '.css', '.map']);
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Pagefind's program (its JS, CSS and WebAssembly, `wasm.<language>.pagefind`,
 * in the search folder and in each shard's): code written by Pagefind, which
 * holds no text of ours and matches code-like strings from documents. Its
 * index, fragment, filter and meta files hold our text and are scanned.
 */
export function isThirdPartyAsset(file: string): boolean {
  if (!file.startsWith(`${SEARCH_BUNDLE_DIR}/`)) return false;
  const name = path.posix.basename(file);
  return /\.(?:m?js|css|wasm)$/i.test(name) || /^wasm\.[\w-]+\.pagefind$/i.test(name);
}

/**
 * The names of the site's own folders and pages in `files` (`search`,
 * `indicators`, `index`, …), which an excluded document's slug must not be
 * mistaken for. See `FingerprintOptions.siteSegments`.
 */
export function siteSegments(files: readonly string[]): Set<string> {
  const segments = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    parts.push(parts.at(-1)!.replace(/\..*$/, ''));
    for (const part of parts) segments.add(part.toLowerCase());
  }
  return segments;
}

/** The searchable text of one output file, or undefined for files that hold no text (images, fonts). */
export function outputFileText(file: string, content: Buffer): string | undefined {
  const extension = path.extname(file).toLowerCase();
  if (content[0] === GZIP_MAGIC[0] && content[1] === GZIP_MAGIC[1]) {
    // Every Pagefind file (index, fragments, filters, metadata) is gzip of a signature, then its data.
    const text = pagefindFileData(gunzipSync(content).toString('utf8'));
    // Fragments are JSON; the index and filter files are binary with the words in UTF-8.
    const decoded = text.startsWith('{') ? jsonText(text) : text;
    // The search index stores text with letters and digits marked (`2022_`, see
    // src/search/text.ts); the readable form is scanned as well.
    return `${decoded}\n${fromIndexText(decoded)}`;
  }
  if (MARKUP.has(extension)) return markupText(content.toString('utf8'));
  if (JSON_FILES.has(extension)) return jsonText(content.toString('utf8'));
  if (PLAIN_TEXT.has(extension)) return content.toString('utf8');
  return undefined;
}

/** Scans output files for text unique to excluded documents; fingerprints are worked out once. */
export interface LeakScanner {
  /** Every place in `files` (relative to `outDir`) where text unique to an excluded document appears. */
  scan(outDir: string, files: readonly string[]): Promise<LeakHit[]>;
  /** Keeps the files found clean for the next build's scanner (with a cache folder only). */
  saveCache(): Promise<void>;
  /** Files decoded and searched so far, files skipped as found clean before, and third-party files not searched. */
  readonly counts: { scanned: number; knownClean: number; thirdParty: number };
}

/** The code that decides what a scan finds: a change to any of it makes earlier results void. */
const SCANNER_SOURCES = ['./scan.ts', '../search/text.ts', '../search/pagefind-contract.ts', './gate.ts'].map(
  (file) => new URL(file, import.meta.url),
);

/**
 * Names the scan's whole input besides the file itself: the fingerprints
 * and the scanner's code. Files found clean under the same name are clean.
 */
async function scanIdentity(fingerprints: readonly Fingerprint[]): Promise<string> {
  // Node's version too: normalisation (NFKC) follows its Unicode tables.
  const hash = createHash('sha256').update(process.version).update(JSON.stringify(fingerprints));
  for (const source of SCANNER_SOURCES) hash.update(await readFile(source));
  return hash.digest('hex');
}

/** A file's place (relative links are read from it) and content, which is all that its scan depends on besides the identity. */
const fileKey = (file: string, content: Buffer) => createHash('sha256').update(file).update('\0').update(content).digest('base64url');

/**
 * With `cacheDir`, files whose content was found clean by the previous
 * build's scan under the same fingerprints and code are not scanned again:
 * a rebuild after one edit decodes only the pages that changed.
 * `siteFiles`, the pages of the output, name the site's own paths.
 */
export function createLeakScanner(docs: readonly ScanDocument[], cacheDir?: string, siteFiles: readonly string[] = []): LeakScanner {
  const fingerprints = excludedFingerprints(docs, { siteSegments: siteSegments(siteFiles) });
  const scanner = fingerprints.length > 0 ? createScanner(fingerprints) : undefined;
  const scanLinks = createLinkScanner(fingerprints);
  const folder = cacheDir && path.join(cacheDir, 'leak-scan');
  const identity = scanIdentity(fingerprints);
  const cacheFile = identity.then((name) => folder && path.join(folder, `${name}.txt`));
  const knownClean = cacheFile.then(async (file) => new Set(file ? (await readFile(file, 'utf8').catch(() => '')).split('\n') : []));
  const clean = new Set<string>();
  const counts = { scanned: 0, knownClean: 0, thirdParty: 0 };
  return {
    counts,
    async scan(outDir, files) {
      const hits: LeakHit[] = [];
      if (!scanner) return hits;
      const known = await knownClean;
      for (const file of files) {
        if (isThirdPartyAsset(file)) {
          counts.thirdParty++;
          continue;
        }
        const content = await readFile(path.join(outDir, file));
        const key = folder ? fileKey(file, content) : '';
        if (known.has(key)) {
          clean.add(key);
          counts.knownClean++;
          continue;
        }
        counts.scanned++;
        const text = outputFileText(file, content);
        const found = text === undefined ? [] : scanOutputText(scanner, file, text);
        if (MARKUP.has(path.extname(file).toLowerCase())) {
          // Links the text scan has named already, by URL or by slug, are not reported twice.
          const linked = new Set(
            found.filter((hit) => hit.fingerprint.field === 'url' || hit.fingerprint.field === 'slug').map((hit) => hit.fingerprint.file),
          );
          found.push(...scanLinks(file, content.toString('utf8')).filter((hit) => !linked.has(hit.fingerprint.file)));
        }
        if (found.length === 0 && folder) clean.add(key);
        hits.push(...found);
      }
      return hits;
    },
    async saveCache() {
      const file = await cacheFile;
      if (!folder || !file || !scanner) return;
      await mkdir(folder, { recursive: true });
      await writeFile(file, [...clean].join('\n'));
      await pruneCache(folder, new Set([path.basename(file)]));
    },
  };
}

/** Every place in `outDir` where text unique to an excluded document appears. */
export async function findLeaks(outDir: string, docs: readonly ScanDocument[]): Promise<LeakHit[]> {
  const files = await listOutputFiles(outDir);
  return createLeakScanner(docs, undefined, files).scan(outDir, files);
}
