/**
 * What Gazette assumes about Pagefind beyond what its documentation promises,
 * all in one place. The rest of the search code reaches Pagefind only through
 * this module, and every assumption below is checked against the installed
 * Pagefind by tests/browser/pagefind-contract.test.ts (an index written with
 * Pagefind's Node API, searched in chromium) and
 * tests/unit/pagefind-contract.test.ts (its files), so that an upgrade that
 * changes one fails there, by name, before it breaks search on the site.
 *
 * Tested with Pagefind 1.6.0. The assumptions:
 *
 * 1. Words. In an index whose language is `und` (`SEARCH_INDEX_LANGUAGE`),
 *    Pagefind splits text into words at whitespace only (no segmenter, no
 *    stemming) and keeps `includeCharacters` inside words; a run of
 *    whitespace is one break. src/search/text.ts cuts the text into the
 *    words it wants on this basis.
 * 2. Phrases. A quoted query (`phraseQuery`) finds exactly the pages where
 *    its words stand next to each other in that order.
 * 3. Positions. A search for one word reports in `words` every position of
 *    that word in the page, counting words from 0 at the first; a phrase
 *    search reports only its first occurrence, so occurrences are counted
 *    from one-word searches (src/search/ranking.ts).
 * 4. Filter counts. A search's `filters` count, for every value of every
 *    filter, the results that carry it, across merged indexes, so a filter
 *    with one value per page names the pages that match (`valuesCounted`).
 * 5. Sorted scores. With `sort`, a result's score is its rank in its own
 *    index's order (0 for the first) times that index's `indexWeight`, and
 *    merged results are listed by score (`shardWeights`, `shardOfSortedResult`).
 * 6. Loading. `noWorker` is an option of the first instance only (merged
 *    indexes warn of it as unknown); `baseUrl: '/'` leaves stored URLs as they
 *    are; `preload(null, { filters })` loads those filters' data. Queries
 *    are cut into words in the language of the page's `<html lang>` when
 *    `init()` is called, so it is `und` for that call: under `zh-cn`
 *    Pagefind would cut a query's token pairs again with Intl.Segmenter
 *    (`格化` → `格 化`).
 * 7. Files. Every file of the index (fragments, word index, filters,
 *    metadata, WebAssembly) is gzip of `FILE_SIGNATURE` followed by its
 *    data; a fragment's data is JSON with the page's `url`, `content` and
 *    `meta`. pagefind.js also takes a file that arrives already inflated
 *    (the signature first), as the browser gives it when the server sends
 *    the file with `Content-Encoding: gzip` (scripts/nginx/gazette.conf).
 * 8. Prefixes. An unquoted one-word search finds every page with a word
 *    that starts with it, and reports every position of those words
 *    (`prefixQuery`): the index words are token pairs (src/search/text.ts),
 *    and a query of one token is all the pairs it begins. Only where no
 *    word starts with it does Pagefind take the longest word that it starts
 *    with instead: a pair no page has would find its first token, so pairs
 *    are listed quoted; and since Pagefind also indexes the parts of a run
 *    of letters and digits (`11440300` of `11440300MB2C000949`), an index
 *    without a run answers a prefix search for it with every page that has
 *    a run starting with such a part (src/search/client/engine.ts leaves
 *    out those shards).
 * 9. Chunks. The word index is cut into chunks, each listed in the
 *    metadata file (CBOR: the version, the pages, then each chunk's first
 *    word, last word and hash: `indexChunks`). A search loads, for each of
 *    its words, the one chunk whose range holds it, and matches prefixes
 *    among all words loaded so far: so the words a token begins that lie in
 *    later chunks are found only once those are loaded (`preload` of their
 *    first words, listed in the manifest, src/search/shards.ts).
 */
/** The Pagefind version these assumptions were last checked against. */
export const PAGEFIND_VERSION_TESTED = '1.6.0';

/**
 * (1) The language Pagefind is told the index is in: `und`, no particular
 * language, although the site is zh-CN throughout. The index text is already
 * cut into words (src/search/text.ts); under `zh-cn` Pagefind would run its
 * Chinese segmenter over it again, for the same words and about 15 % more
 * indexing time (bench/README.md). The search page loads the only index there is,
 * whatever the page's own language.
 */
export const SEARCH_INDEX_LANGUAGE = 'und';

/** (2) Words as a Pagefind exact-phrase query: `"土 地 整 备"`. */
export function phraseQuery(words: readonly string[]): string {
  return `"${words.join(' ')}"`;
}

/** (8) One word as a Pagefind prefix search: every word that starts with it. */
export function prefixQuery(word: string): string {
  return word;
}

/** A page in a search's results (Pagefind's browser API). */
export interface PagefindResult {
  /** The page's hash, also the name of its fragment file. */
  id: string;
  score: number;
  /** (3) Positions of the searched word in the page. */
  words: number[];
  data(): Promise<PagefindFragment>;
}

/** (7) What a fragment file holds about its page. */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

export type FilterCounts = Record<string, Record<string, number>>;
export type PagefindFilters = Record<string, string | { any: string[] }>;

export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}

export interface PagefindIndexOptions {
  baseUrl?: string;
  indexWeight?: number;
}

/** The module `pagefind/pagefind.js` exports. */
export interface PagefindApi {
  options(options: PagefindIndexOptions & { noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: PagefindIndexOptions): Promise<void>;
  preload(term: string | null, options?: { filters?: Record<string, string[]> }): Promise<void>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse>;
}

/**
 * (6) Loads Pagefind from `bundleUrl` and merges the other shards into it,
 * each with its weight, on the page's own thread: a worker would get the CSP
 * of pagefind-worker.js, and only the search page's policy allows compiling
 * WebAssembly. The filters' data is left to `loadFilters`.
 */
export async function openMergedIndex(
  bundleUrl: string,
  /** Newest first; may still be on its way, while Pagefind's code loads. */
  shardList: Promise<ReadonlyArray<{ folder: string; weight: number }>>,
): Promise<PagefindApi> {
  const [pagefind, shards] = await Promise.all([import(/* @vite-ignore */ `${bundleUrl}pagefind.js`) as Promise<PagefindApi>, shardList]);
  // Stored URLs already carry the site base (/kb/); Pagefind would add it again.
  const indexOptions = (weight: number) => ({ baseUrl: '/', indexWeight: weight });
  const [newest, ...older] = shards;
  await pagefind.options({ ...indexOptions(newest!.weight), noWorker: true });
  // Pagefind reads the language at once, in the call; the page's own is put back before anything else runs.
  const html = document.documentElement;
  const pageLanguage = html.getAttribute('lang');
  html.setAttribute('lang', SEARCH_INDEX_LANGUAGE);
  let initialised: Promise<void>;
  try {
    initialised = pagefind.init();
  } finally {
    if (pageLanguage === null) html.removeAttribute('lang');
    else html.setAttribute('lang', pageLanguage);
  }
  await initialised;
  await Promise.all(older.map(({ folder, weight }) => pagefind.mergeIndex(`${bundleUrl}${folder}`, indexOptions(weight))));
  return pagefind;
}

/** (6) Loads the data of `filters`, so that every search from now on reports their counts. */
export async function loadFilters(pagefind: PagefindApi, filters: readonly string[]): Promise<void> {
  await pagefind.preload(null, { filters: Object.fromEntries(filters.map((key) => [key, []])) });
}

/** (4) The values of `filter` that some result of `response` carries. */
export function valuesCounted(response: PagefindResponse, filter: string): Set<string> {
  return new Set(
    Object.entries(response.filters[filter] ?? {})
      .filter(([, count]) => count > 0)
      .map(([value]) => value),
  );
}

/*
 * (5) Results in date order across shards, from one search.
 *
 * With a sort, Pagefind scores each result by its rank in its own index's
 * order (0 for the index's first page in that order, 1 for the next…) times
 * the index's weight (`indexWeight`), and lists the merged results by score.
 * With equal weights the shards' results would interleave. So each shard
 * gets a weight larger than every score of the shards older than it
 * (`shardWeights`), and every shard holds a start marker that sorts before
 * all its documents (`SHARD_START_DATE`): it takes rank 0, the documents
 * rank 1 and up, and no document's score is 0. Then a search sorted newest
 * first lists the newest shard's results first, each shard in date order,
 * and the markers, score 0, are the ones to leave out. Oldest first is the
 * same list reversed.
 */

/** Sort value of a shard's start marker: before every document's `YYYY-MM-DD` date. */
export const SHARD_START_DATE = '0000-00-00';

/**
 * Pagefind `indexWeight`s for shards of `documents` documents each, newest
 * first: each shard's lowest score (rank 1) is above the highest of the
 * shard after it (its documents' count, times its weight).
 */
export function shardWeights(documents: readonly number[]): number[] {
  const weights: number[] = [];
  let weight = 1;
  for (let i = documents.length - 1; i >= 0; i--) {
    weights[i] = weight;
    weight *= documents[i]! + 1;
  }
  // The newest shard's highest score must still be a finite number.
  if (!Number.isFinite(weight)) {
    throw new RangeError(
      `搜索索引：${documents.length} 个分片过多，无法按日期排列结果，请调大 GAZETTE_SEARCH_SHARD_SIZE` +
        `（search index: ${documents.length} shards are too many to list in date order; use larger shards with GAZETTE_SEARCH_SHARD_SIZE）`,
    );
  }
  return weights;
}

/**
 * The shard of a document listed by a date-sorted search, as its place in
 * `weights` (newest first), from its score: shard i's scores run from its
 * weight (rank 1) up to its weight less the next older shard's weight (the
 * older shard's top score, see `shardWeights`), so the boundary between them
 * is drawn half that weight below shard i's weight.
 */
export function shardOfSortedResult(score: number, weights: readonly number[]): number {
  const shard = weights.findIndex((weight, i) => score >= weight - (weights[i + 1] ?? 0) / 2);
  if (score <= 0 || shard < 0) throw new RangeError(`score ${score} is no document's in a date-sorted search`);
  return shard;
}

/** A result that is a shard's start marker rather than a document (see above). */
export function isShardStart(result: { score: number }): boolean {
  return result.score === 0;
}

/** (9) A chunk of the word index: its first and last word, and its file's hash. */
export interface IndexChunk {
  from: string;
  to: string;
  hash: string;
}

type Cbor = number | string | Uint8Array | Cbor[];

/** The definite-length CBOR Pagefind's metadata is written in (arrays, strings, whole numbers). */
function readCbor(bytes: Uint8Array, at: { offset: number }): Cbor {
  const head = bytes[at.offset++]!;
  const major = head >> 5;
  const info = head & 31;
  let length = info;
  if (info >= 24) {
    if (info > 27) throw new Error(`Pagefind metadata: CBOR item ${head} at ${at.offset - 1} is not supported`);
    length = 0;
    for (let i = 0; i < 2 ** (info - 24); i++) length = length * 256 + bytes[at.offset++]!;
  }
  switch (major) {
    case 0:
      return length;
    case 1:
      return -1 - length;
    case 2:
    case 3: {
      const data = bytes.subarray(at.offset, at.offset + length);
      at.offset += length;
      return major === 3 ? new TextDecoder().decode(data) : data;
    }
    case 4:
      return Array.from({ length }, () => readCbor(bytes, at));
    default:
      throw new Error(`Pagefind metadata: CBOR major type ${major} at ${at.offset - 1} is not supported`);
  }
}

/** (9) The word index's chunks, in word order, from a metadata file's data (gunzipped, signature removed). */
export function indexChunks(metaData: Uint8Array): IndexChunk[] {
  const meta = readCbor(metaData, { offset: 0 });
  const chunks = Array.isArray(meta) ? meta[2] : undefined;
  if (!Array.isArray(chunks)) throw new Error('Pagefind metadata: no list of index chunks where expected');
  return chunks.map((chunk) => {
    const [from, to, hash] = chunk as string[];
    return { from: from!, to: to!, hash: hash! };
  });
}

/** (7) Every Pagefind file decompresses to this, then its data. */
export const FILE_SIGNATURE = 'pagefind_dcd';

/**
 * (7) The data of a Pagefind file, given the file gunzipped (this module is
 * also bundled for the browser, so it leaves zlib to its Node callers): JSON
 * for fragments, binary with the words in UTF-8 for the others.
 */
export function pagefindFileData(gunzipped: string): string {
  return gunzipped.startsWith(FILE_SIGNATURE) ? gunzipped.slice(FILE_SIGNATURE.length) : gunzipped;
}

/** (7) A fragment file's page, given the file gunzipped. */
export function fragmentData(gunzipped: string): PagefindFragment {
  return JSON.parse(pagefindFileData(gunzipped)) as PagefindFragment;
}
