/**
 * Builds the search index once every page is written: reads the search
 * records the build wrote (`search-records.json`), pairs each with the body
 * text of its page, and feeds Pagefind's Node API the transformed text that
 * makes Chinese search exact (see `src/lib/search-text.ts`). The served HTML
 * is never changed. Prints its progress and figures.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { extractBodyBlocks } from '../lib/html-text.ts';
import { DOCUMENT_FILTER, SEARCH_INDEX_LANGUAGE, documentFilterValue, type SearchRecord } from '../lib/search-record.ts';
import { UNSEARCHABLE_SYMBOLS, symbolCharacters, toIndexContent } from '../lib/search-text.ts';

/** Written by `src/pages/search-records.json.ts`; removed once read. */
export const SEARCH_RECORDS_FILE = 'search-records.json';
/** Pagefind's folder in the output; the search page loads `pagefind/pagefind.js`. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
/**
 * Pagefind's ready-made interfaces, highlighter and web worker, which the
 * site does not use (the search page runs Pagefind on its own thread).
 */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./;
const PROGRESS_EVERY = 1000;
const BATCH_SIZE = 100;

interface IndexedDocument {
  record: SearchRecord;
  content: string;
}

/**
 * The text each record is indexed with: title, body blocks of its page, then
 * metadata values. Pages are read one at a time: only their text is kept.
 */
async function readDocuments(outDir: string, records: SearchRecord[], logger: AstroIntegrationLogger): Promise<IndexedDocument[]> {
  const documents: IndexedDocument[] = [];
  for (const record of records) {
    const html = await readFile(path.join(outDir, record.file), 'utf8').catch(() => {
      throw new Error(`搜索索引：找不到 ${record.url} 的页面文件 ${record.file}（search index: page missing）`);
    });
    const body = extractBodyBlocks(html);
    if (body.length === 0) logger.warn(`${record.file}: 页面没有 data-pagefind-body 正文（no indexable body）`);
    documents.push({ record, content: toIndexContent(record.result.title, [...body, ...record.fields]) });
  }
  return documents;
}

async function folderFigures(folder: string) {
  const figures = { files: 0, bytes: 0, fragments: 0, words: 0, filters: 0 };
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const { size } = await stat(path.join(entry.parentPath, entry.name));
    figures.files += 1;
    figures.bytes += size;
    if (entry.name.endsWith('.pf_fragment')) figures.fragments += size;
    if (entry.name.endsWith('.pf_index')) figures.words += size;
    if (entry.name.endsWith('.pf_filter')) figures.filters += size;
  }
  return figures;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function buildSearchIndex(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const recordsFile = path.join(outDir, SEARCH_RECORDS_FILE);
  const records = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchRecord[];
  await rm(recordsFile);
  const documents = await readDocuments(outDir, records, logger);

  // Every symbol in the text becomes searchable (〔 〕 + 。…); Pagefind would drop them otherwise.
  const symbols = new Set<string>();
  for (const { content } of documents) for (const symbol of symbolCharacters(content)) symbols.add(symbol);
  for (const symbol of UNSEARCHABLE_SYMBOLS) symbols.delete(symbol);

  const { index, errors } = await pagefind.createIndex({ includeCharacters: [...symbols].sort().join('') });
  if (!index) throw new Error(`搜索索引创建失败（pagefind createIndex failed）：${errors.join('; ')}`);
  try {
    // Records go to Pagefind's service a batch at a time: faster than one by one, bounded in memory.
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      const batch = documents.slice(start, start + BATCH_SIZE);
      await Promise.all(
        batch.map(async ({ record, content }, offset) => {
          const added = await index.addCustomRecord({
            url: record.url,
            content,
            language: SEARCH_INDEX_LANGUAGE,
            meta: { ...record.result },
            filters: { ...record.facets, [DOCUMENT_FILTER]: [documentFilterValue(start + offset)] },
            sort: { date: record.date },
          });
          if (added.errors.length > 0) throw new Error(`搜索索引：${record.url}：${added.errors.join('; ')}`);
        }),
      );
      const done = start + batch.length;
      if (Math.floor(done / PROGRESS_EVERY) > Math.floor(start / PROGRESS_EVERY)) logger.info(`已索引 ${done}/${documents.length} 篇（indexed）`);
    }
    const bundle = path.join(outDir, SEARCH_BUNDLE_DIR);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`搜索索引写入失败（pagefind writeFiles failed）：${written.errors.join('; ')}`);
    for (const name of await readdir(bundle)) {
      if (UNUSED_BUNDLE_FILES.test(name)) await rm(path.join(bundle, name));
    }
    const figures = await folderFigures(bundle);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `搜索索引：${documents.length} 篇文档，${figures.files} 个文件共 ${kb(figures.bytes)}` +
        `（search index: ${documents.length} documents indexed in ${seconds} s; index ${kb(figures.bytes)}: ` +
        `fragments ${kb(figures.fragments)}, words ${kb(figures.words)}, filters ${kb(figures.filters)}）`,
    );
  } finally {
    await pagefind.close();
  }
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'gazette-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
