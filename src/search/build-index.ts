/**
 * The search index, written after `astro build` has exited (so that its
 * memory is free) and alongside the leak scan of the pages.
 *
 * Reads the search records the build wrote (`search-records.json`), pairs
 * each with the body text of its page, and feeds Pagefind's Node API the
 * transformed text that makes Chinese search exact (see
 * `src/search/text.ts`). The served HTML is never changed.
 *
 * The index is written in shards (`src/search/shards.ts`), one Pagefind
 * service at a time, each closed before the next so that memory stays
 * bounded. A shard whose input is unchanged since the last build is taken (linked)
 * from the cache folder instead of being indexed again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { extractBodyBlocks } from '../lib/html-text.ts';
import { DOCUMENT_FILTER, documentFilterValue, type SearchRecord } from './record.ts';
import { gunzipSync } from 'node:zlib';
import { FILE_SIGNATURE, SEARCH_INDEX_LANGUAGE, SHARD_START_DATE, indexChunks, shardWeights } from './pagefind-contract.ts';
import {
  SEARCH_BUNDLE_DIR,
  SEARCH_MANIFEST_FILE,
  laterChunkStarts,
  partitionShards,
  shardFolder,
  shardStartUrl,
  type SearchManifest,
  type ShardRange,
} from './shards.ts';
import { SHARD_START_WORD, UNSEARCHABLE_SYMBOLS, indexSymbols, titleSpan, toIndexContent } from './text.ts';
import { pruneCache, touchCacheEntry } from '../../scripts/publish/build-cache.ts';
import { linkOrCopyTree } from '../../scripts/publish/output-files.ts';

/** Written by `src/pages/search-records.json.ts`; taken out of the output before anything else reads it. */
export const SEARCH_RECORDS_FILE = 'search-records.json';
/**
 * Pagefind's ready-made interfaces, highlighter and web worker, which the
 * site does not use (the search page runs Pagefind on its own thread).
 */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./;
/** What a merged shard needs: its own copy of Pagefind's code and WebAssembly is never loaded. */
const MERGED_SHARD_FILES = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/;
/** Bump when the way a shard is written changes, so that cached shards are not reused. */
const SHARD_FORMAT = 2;

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface SearchIndexOptions {
  /** At most this many documents in one shard. */
  shardSize: number;
  /** Where unchanged shards are kept between builds. */
  cacheDir: string;
  logger: Logger;
  /** Told each shard's files (relative to the output folder) as soon as they are in place, e.g. to scan them while the next shard is indexed. */
  onShardWritten?: (files: string[]) => void;
}

/** A published page's searchable text, read from the built HTML. */
interface PageText {
  record: SearchRecord;
  /** Body blocks of the page, then the record's searchable metadata values. */
  blocks: string[];
}

/** The text to index, read from the built pages (see `readSearchDocuments`). */
export interface SearchDocuments {
  /** In the order of the records, oldest first. */
  pages: PageText[];
  /** Pagefind's `includeCharacters`: the symbols in the text worth searching for. */
  includeCharacters: string;
}

/** Reads and removes the records file, so that it never ships and no other step sees it. */
export async function takeSearchRecords(outDir: string): Promise<SearchRecord[]> {
  const file = path.join(outDir, SEARCH_RECORDS_FILE);
  const records = JSON.parse(await readFile(file, 'utf8')) as SearchRecord[];
  await rm(file);
  // Oldest first, so that new documents are added at the end and older shards keep their input.
  return records.sort((a, b) => a.date.localeCompare(b.date) || a.url.localeCompare(b.url));
}

/** Pages read ahead of the one being processed: one read at a time leaves the disk waiting (10,000 pages: 4.2 s → 2 s). */
const PAGES_READ_AHEAD = 16;

/**
 * The text of every published page: its body blocks, read a few pages
 * ahead and processed in order. The whole index's symbols come from one cheap pass over it, so that
 * each shard's index text can be made just before that shard is written and
 * Pagefind starts on the newest shard early.
 */
export async function readSearchDocuments(outDir: string, records: readonly SearchRecord[], logger: Logger): Promise<SearchDocuments> {
  const started = performance.now();
  const pages: PageText[] = [];
  const symbols = new Set<string>();
  // Reads started and not yet processed, in order; a page's text is dropped once processed.
  const reads: Promise<string>[] = [];
  const readAhead = (index: number) => {
    const record = records[index];
    if (!record) return;
    const read = readFile(path.join(outDir, record.file), 'utf8').catch(() => {
      throw new Error(`搜索索引：找不到 ${record.url} 的页面文件 ${record.file}（search index: page missing）`);
    });
    // Awaited in turn below; until then a failure must not count as unhandled.
    read.catch(() => {});
    reads.push(read);
  };
  for (let index = 0; index < PAGES_READ_AHEAD; index++) readAhead(index);
  for (const [index, record] of records.entries()) {
    const html = await reads.shift()!;
    readAhead(index + PAGES_READ_AHEAD);
    const body = extractBodyBlocks(html);
    if (body.length === 0) logger.warn(`${record.file}: 页面没有 data-pagefind-body 正文（no indexable body）`);
    const blocks = [...body, ...record.fields];
    pages.push({ record, blocks });
    for (const symbol of indexSymbols([record.result.title, ...blocks])) symbols.add(symbol);
  }
  // Every symbol in the text becomes searchable (〔 〕 + 。…); Pagefind would drop them otherwise.
  for (const symbol of UNSEARCHABLE_SYMBOLS) symbols.delete(symbol);
  logger.info(
    `已读取 ${pages.length} 个页面（read ${pages.length} pages for the index in ${((performance.now() - started) / 1000).toFixed(1)} s）`,
  );
  return { pages, includeCharacters: [...symbols].sort().join('') };
}

/**
 * What Pagefind is given for one document; `position` is its place in the
 * oldest-first list, `span` its shard's title span.
 */
function pagefindRecord({ record, blocks }: PageText, position: number, span: number): pagefind.CustomRecord {
  return {
    url: record.url,
    content: toIndexContent(record.result.title, blocks, span),
    language: SEARCH_INDEX_LANGUAGE,
    meta: { ...record.result },
    filters: { ...record.facets, [DOCUMENT_FILTER]: [documentFilterValue(position)] },
    sort: { date: record.date },
  };
}

/**
 * A shard's start marker: first in date order, with no filter value and one
 * word no query can produce (see "Results in date order across shards" in
 * `src/search/shards.ts`). The search page never shows it.
 */
function shardStartRecord(shardKey: string): pagefind.CustomRecord {
  return {
    url: shardStartUrl(shardKey),
    content: SHARD_START_WORD,
    language: SEARCH_INDEX_LANGUAGE,
    meta: {},
    filters: {},
    sort: { date: SHARD_START_DATE },
  };
}

async function pagefindVersion(): Promise<string> {
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

interface ShardJob {
  range: ShardRange;
  newest: boolean;
  /** Words before the body in each of the shard's documents (see `toIndexContent`). */
  titleSpan: number;
}

/** Indexes one shard into `folder` in a Pagefind service of its own, closed afterwards to free its memory. */
async function writeShard(
  job: ShardJob,
  records: readonly pagefind.CustomRecord[],
  folder: string,
  includeCharacters: string,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters });
  if (!index) throw new Error(`搜索索引创建失败（pagefind createIndex failed）：${errors.join('; ')}`);
  try {
    // The whole shard at once: Pagefind's process queues them and works on
    // while this one is busy with other steps (the leak scan).
    await Promise.all(
      [shardStartRecord(job.range.key), ...records].map(async (record) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length > 0) throw new Error(`搜索索引：${record.url}：${added.errors.join('; ')}`);
      }),
    );
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new Error(`搜索索引写入失败（pagefind writeFiles failed）：${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const keep = job.newest ? (name: string) => !UNUSED_BUNDLE_FILES.test(name) : (name: string) => MERGED_SHARD_FILES.test(name);
  for (const name of await readdir(folder)) {
    if (!keep(name)) await rm(path.join(folder, name), { recursive: true });
  }
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

/** Writes the search index of `pages` into `outDir/pagefind/`, shard by shard. */
export async function writeSearchIndex(
  outDir: string,
  { pages, includeCharacters }: SearchDocuments,
  options: SearchIndexOptions,
): Promise<void> {
  const { logger } = options;
  const started = performance.now();
  const ranges = partitionShards(
    pages.map(({ record }) => record.date),
    options.shardSize,
  );
  const bundle = path.join(outDir, SEARCH_BUNDLE_DIR);
  const cacheRoot = path.join(options.cacheDir, 'search-shards');
  const version = await pagefindVersion();
  const used = new Set<string>();
  let reused = 0;
  let indexed = 0;
  // Newest first: the newest shard is the bundle itself, with Pagefind's code.
  const jobs: ShardJob[] = ranges.reverse().map((range, i) => ({
    range,
    newest: i === 0,
    titleSpan: titleSpan(pages.slice(range.start, range.end).map(({ record }) => record.result.title)),
  }));
  if (jobs.length === 0) jobs.push({ range: { key: 'empty', start: 0, end: 0 }, newest: true, titleSpan: titleSpan([]) });
  // Before any indexing: too many shards to list in date order is an error to fix first.
  const weights = shardWeights(jobs.map(({ range }) => range.end - range.start));
  // Cached shards are placed while the loop goes on, so that Pagefind starts on the first shard to index at once.
  const placements: Promise<void>[] = [];
  const place = (cached: string, job: ShardJob) => {
    const folder = shardFolder(job.range.key, job.newest);
    const placement = linkOrCopyTree(cached, path.join(bundle, folder)).then((files) =>
      options.onShardWritten?.(files.map((file) => `${SEARCH_BUNDLE_DIR}/${folder}${file}`)),
    );
    // Awaited after the loop; until then a failure must not count as unhandled.
    placement.catch(() => {});
    placements.push(placement);
  };
  try {
    for (const job of jobs) {
      const records = pages
        .slice(job.range.start, job.range.end)
        .map((page, offset) => pagefindRecord(page, job.range.start + offset, job.titleSpan));
      const key = createHash('sha256')
        .update(JSON.stringify([SHARD_FORMAT, version, includeCharacters, job.newest, records]))
        .digest('hex');
      const cached = path.join(cacheRoot, key);
      used.add(key);
      if (await stat(cached).catch(() => undefined)) {
        await touchCacheEntry(cached);
        place(cached, job);
        reused++;
        continue;
      }
      // Written beside the cache entry and renamed into it once complete, so that a cut-off build leaves no half shard.
      const fresh = `${cached}.partial`;
      await rm(fresh, { recursive: true, force: true });
      await mkdir(cacheRoot, { recursive: true });
      await writeShard(job, records, fresh, includeCharacters);
      await rename(fresh, cached);
      place(cached, job);
      indexed += records.length;
      logger.info(
        `已索引分片 ${job.range.key}，共 ${records.length} 篇（indexed shard ${job.range.key}: ${records.length} documents, ${indexed} so far）`,
      );
    }
  } finally {
    // However the loop ended, no placement is still writing when this returns.
    await Promise.allSettled(placements);
  }
  await Promise.all(placements);
  await pruneCache(cacheRoot, used);
  const chunkStarts: Record<string, string[]> = {};
  for (const job of jobs) {
    const folder = path.join(bundle, shardFolder(job.range.key, job.newest));
    const meta = (await readdir(folder)).find((name) => name.endsWith('.pf_meta'));
    if (!meta) throw new Error(`搜索索引：分片 ${job.range.key} 缺少元数据文件（search index: shard ${job.range.key} has no .pf_meta）`);
    const data = gunzipSync(await readFile(path.join(folder, meta))).subarray(FILE_SIGNATURE.length);
    laterChunkStarts(indexChunks(data), chunkStarts);
  }
  const manifest: SearchManifest = {
    shards: jobs.map((job, i) => ({
      key: job.range.key,
      folder: shardFolder(job.range.key, job.newest),
      weight: weights[i]!,
      titleSpan: job.titleSpan,
      documents: job.range.end - job.range.start,
    })),
    symbols: includeCharacters,
    chunkStarts,
  };
  await writeFile(path.join(bundle, SEARCH_MANIFEST_FILE), JSON.stringify(manifest));

  const figures = await folderFigures(bundle);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `搜索索引：${pages.length} 篇文档，${jobs.length} 个分片，${figures.files} 个文件共 ${kb(figures.bytes)}` +
      `（search index: ${pages.length} documents indexed in ${seconds} s; index ${kb(figures.bytes)} in ${jobs.length} shards, ` +
      `${reused} from the cache: fragments ${kb(figures.fragments)}, words ${kb(figures.words)}, filters ${kb(figures.filters)}）`,
  );
}
