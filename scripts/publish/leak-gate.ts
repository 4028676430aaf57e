/**
 * The leak gate: fingerprints every document this build excludes (read
 * straight from the content files, not from Astro) and searches the whole
 * output for them: HTML, XML, JSON, CSV, JS and the Pagefind index, which is
 * gzip-compressed and decoded here first.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Audience } from '../../src/lib/access.ts';
import { buildContentIndex } from '../../src/lib/content-files/content-index.ts';
import { loadContent } from '../../src/lib/content-files/load.ts';
import {
  createScanner,
  excludedFingerprints,
  jsonText,
  markupText,
  scanOutputText,
  type LeakHit,
  type ScanDocument,
} from '../../src/lib/leak-scan.ts';
import { fromIndexText } from '../../src/lib/search-text.ts';
import { listOutputFiles } from './output-files.ts';

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
// Every Pagefind file (index, fragments, filters, metadata) decompresses to this, then its data.
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** The searchable text of one output file, or undefined for files that hold no text (images, fonts). */
export function outputFileText(file: string, content: Buffer): string | undefined {
  const extension = path.extname(file).toLowerCase();
  if (content[0] === GZIP_MAGIC[0] && content[1] === GZIP_MAGIC[1]) {
    let text = gunzipSync(content).toString('utf8');
    if (text.startsWith(PAGEFIND_SIGNATURE)) text = text.slice(PAGEFIND_SIGNATURE.length);
    // Fragments are JSON; the index and filter files are binary with the words in UTF-8.
    const decoded = text.startsWith('{') ? jsonText(text) : text;
    // The search index stores text with letters and digits marked (`2022_`, see
    // src/lib/search-text.ts); the readable form is scanned as well.
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
}

export function createLeakScanner(docs: readonly ScanDocument[]): LeakScanner {
  const fingerprints = excludedFingerprints(docs);
  const scanner = fingerprints.length > 0 ? createScanner(fingerprints) : undefined;
  return {
    async scan(outDir, files) {
      const hits: LeakHit[] = [];
      if (!scanner) return hits;
      for (const file of files) {
        const text = outputFileText(file, await readFile(path.join(outDir, file)));
        if (text !== undefined) hits.push(...scanOutputText(scanner, file, text));
      }
      return hits;
    },
  };
}

/** Every place in `outDir` where text unique to an excluded document appears. */
export async function findLeaks(outDir: string, docs: readonly ScanDocument[]): Promise<LeakHit[]> {
  return createLeakScanner(docs).scan(outDir, await listOutputFiles(outDir));
}
