/**
 * Search in the browser, over the Pagefind index the build wrote.
 *
 * Pagefind is used as a word-position index, not for its own ranking:
 * 1. a one-part query is one search for its index words (src/search/text.ts:
 *    an exact phrase of token pairs, or one word as a prefix), which Pagefind
 *    lists newest first with the reader's facet filters applied, counting
 *    facet values once the reader has reached for the filters (their data,
 *    121 KB at 10,000 documents, is not loaded before);
 * 2. with several parts and no counts wanted, each part is listed so and
 *    the shortest list kept where the others have it too, the parts left
 *    once a list is short looked for in its documents' text; with counts, the
 *    documents that contain each part are read off the counts of the
 *    one-value-per-document `doc` filter, and those that contain them all
 *    become one filter, `doc: {any: [...]}`, listed likewise; that filter's
 *    data is loaded only when such a query first needs it;
 * 3. for relevance, a search per index word gives the word's positions in
 *    each listed document (for a query of one token, its listing search
 *    already reports them all), from which the phrases' occurrences and title
 *    matches are counted (src/search/ranking.ts): in every document of
 *    a shard the body starts at the same position, the shard's title span,
 *    so a match before it is in the title; a few results are
 *    ranked from their text. Words' positions are kept for the next
 *    queries, which, typed a character at a time, share most of their words.
 *    Until they are in, the results are shown in a first order
 *    (`SearchOutcome.rank`).
 *
 * A one-token prefix search first loads the index chunks, after the first,
 * that hold words the token begins (`SearchManifest.chunkStarts`).
 *
 * The index is in shards, one per range of years (src/search/shards.ts),
 * merged into one Pagefind instance: filter counts add up across shards, and
 * each shard's weight puts the results of one search sorted by date in date
 * order across shards, with the shards' start markers last, left out.
 */
import { DOCUMENT_FILTER, SEARCH_FACETS, type ResultFields, type SearchFacet } from '../record.ts';
import { SEARCH_MANIFEST_FILE, type SearchManifest } from '../shards.ts';
import {
  isShardStart,
  loadFilters,
  openMergedIndex,
  phraseQuery,
  prefixQuery,
  shardOfSortedResult,
  valuesCounted,
  type PagefindApi,
  type PagefindFilters,
  type PagefindResponse,
  type PagefindResult,
} from '../pagefind-contract.ts';
import { RecentlyUsed } from '../../lib/recently-used.ts';
import { byRelevance, relevance, textRelevance, type Relevance } from '../ranking.ts';
import type { SearchSort } from '../state.ts';
import { WORD_END, indexPhrase, isSearchablePart, splitIndexContent, type QueryPart } from '../text.ts';
import { partMatches } from '../excerpt.ts';

/** A result ready to show. */
export interface ShownResult {
  url: string;
  fields: ResultFields;
  /** Body blocks then metadata values, as indexed (folded to simplified). */
  blocks: string[];
}

export interface FoundDocument {
  /** Pagefind's page hash, the name of its fragment file. */
  readonly id: string;
  load(): Promise<ShownResult>;
}

export interface SearchOutcome {
  /** In the order asked for; by relevance, possibly a first order that `rank` refines. */
  results: FoundDocument[];
  /**
   * By relevance, the full order, when `results` is a first one: title
   * matches first (known from the listing search), then the newest. The
   * occurrences that order the rest need every listed document's positions
   * of the query's words (at 10,000 documents, a common pair's run to
   * hundreds of milliseconds), so they come after the first page is shown:
   * call this once it is. Those searches run on the page's thread, between
   * the first page's fragments as they arrive; started at once, they held
   * the first page of 应急管理 back from 144 to 296 ms.
   */
  rank?: () => Promise<FoundDocument[]>;
  /** Per facet, value → number of results it would give (the facet's own selection left out); only when asked for. */
  counts: Record<SearchFacet, Record<string, number>> | undefined;
}

export interface SearchRequest {
  parts: readonly QueryPart[];
  filters: Partial<Record<SearchFacet, string>>;
  sort: SearchSort;
  /** Count the results per facet value: loads the facets' filter data the first time. */
  counts: boolean;
}

/**
 * The one Pagefind search that finds exactly the documents containing
 * `part` (see `indexPhrase`): a prefix search for one token, which also
 * reports all its positions, else the phrase of its pairs, quoted even when
 * there is one (unquoted, a pair no page has would find its first token).
 */
function partQuery(part: QueryPart): string {
  const { words, prefix } = indexPhrase(part);
  return prefix ? prefixQuery(words[0]!) : phraseQuery(words);
}

/**
 * Results up to this many are ranked from their text rather than from word
 * positions: the search page shows ten at first, so their text is loaded anyway.
 */
const RANK_FROM_TEXT = 10;

/**
 * A query of several parts checks its other parts in the text of the
 * documents a part lists when they are this few (see `listAll`): 30
 * fragments, about 90 KB at some 3 KB each, against an index chunk of about
 * 23 KB per shard and the work of listing the documents that contain the
 * other part, when it is common.
 */
const CHECK_IN_TEXT = 30;

/**
 * How many (word, document) position lists are kept between queries, about
 * 15 MB at some 60 bytes each (measured in chromium). A common character is
 * in most documents, and getting its positions from Pagefind takes about a
 * fifth of a second at 10,000 documents; this keeps some 25 such words there,
 * and the words of a query or two at 50,000.
 */
const KEPT_POSITION_ENTRIES = 250_000;

/** How many search responses are kept (see `SearchEngine.search`): those of one query, with its checks and counts. */
const KEPT_RESPONSES = 4;

function intersection(sets: ReadonlyArray<ReadonlySet<string>>): string[] {
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return first ? [...first].filter((value) => rest.every((set) => set.has(value))) : [];
}

/** Whether every part occurs in the document, each within one of its blocks (title, body blocks, metadata values), as the index matches. */
function containsAll({ fields, blocks }: ShownResult, parts: readonly QueryPart[]): boolean {
  return parts.every((part) => [fields.title, ...blocks].some((block) => partMatches(block, [part])[0]!.length > 0));
}

function noCounts(): Record<SearchFacet, Record<string, number>> {
  return Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, {}])) as Record<SearchFacet, Record<string, number>>;
}

export class SearchEngine {
  private readonly phraseCache = new Map<string, Set<string>>();
  /** Word → result id → the word's positions there, weighed by its count of documents. */
  private readonly wordPositions = new RecentlyUsed<string, Map<string, number[]>>(KEPT_POSITION_ENTRIES);
  private documentFilter: Promise<void> | undefined;
  private facetFilters: Promise<void> | undefined;
  /** Symbols the index made searchable; a part with any other symbol matches nothing. */
  private readonly symbols: ReadonlySet<string>;
  /** The shards, newest first, and their Pagefind weights (to tell a result's shard from its score). */
  private readonly shards: SearchManifest['shards'];
  private readonly weights: number[];
  private readonly chunkStarts: Record<string, string[]>;
  private readonly strays = new Map<string, Promise<Set<number>>>();
  private readonly fragments = new Map<string, Promise<ShownResult>>();
  /** Tokens whose later index chunks are loaded (see `SearchManifest.chunkStarts`). */
  private readonly chunksLoaded = new Map<string, Promise<void>>();
  /** Responses of the last searches, by query and options, oldest first (see `search`). */
  private readonly responses = new Map<string, Promise<PagefindResponse>>();

  private constructor(
    private readonly pagefind: PagefindApi,
    manifest: SearchManifest,
  ) {
    this.symbols = new Set(manifest.symbols);
    this.shards = manifest.shards;
    this.weights = manifest.shards.map((shard) => shard.weight);
    this.chunkStarts = manifest.chunkStarts ?? {};
  }

  /**
   * Searches for `query`, first loading every chunk a one-token prefix
   * search needs (pagefind-contract.ts (9)). The last few responses are
   * kept: a one-token query's stray check and its listing are the same
   * search (`2019` at 10,000 documents: 2,223 results, some 30 ms each).
   */
  private search(query: string | null, options?: Parameters<PagefindApi['search']>[1]): Promise<PagefindResponse> {
    const key = JSON.stringify([query, options?.filters ?? {}, options?.sort ?? {}]);
    let response = this.responses.get(key);
    if (!response) {
      response = this.searchAnew(query, options);
      this.responses.set(key, response);
      if (this.responses.size > KEPT_RESPONSES) this.responses.delete(this.responses.keys().next().value!);
    }
    return response;
  }

  private async searchAnew(query: string | null, options?: Parameters<PagefindApi['search']>[1]): Promise<PagefindResponse> {
    const starts = query !== null && Object.hasOwn(this.chunkStarts, query) ? this.chunkStarts[query]! : [];
    if (query !== null && starts.length > 0) {
      let loaded = this.chunksLoaded.get(query);
      if (!loaded) {
        loaded = this.pagefind.preload(starts.join(' '));
        this.chunksLoaded.set(query, loaded);
      }
      await loaded;
    }
    return this.pagefind.search(query, options);
  }

  /** Loads the data of `filters`; searches from then on count them, so no response kept from before stands for one after. */
  private async loadFilterData(filters: readonly string[]): Promise<void> {
    await loadFilters(this.pagefind, filters);
    this.responses.clear();
  }

  /** Loads Pagefind from the bundle folder (`/kb/pagefind/`) and merges the other shards into it. */
  static async load(bundleUrl: string): Promise<SearchEngine> {
    const manifest = fetch(`${bundleUrl}${SEARCH_MANIFEST_FILE}`).then((response) => {
      if (!response.ok) throw new Error(`${SEARCH_MANIFEST_FILE}: HTTP ${response.status}`);
      return response.json() as Promise<SearchManifest>;
    });
    // No filter data yet: the facets' is loaded when the reader first wants
    // counts, the `doc` filter's when a query first has several parts (with
    // it every search counts its one value per document).
    const pagefind = await openMergedIndex(
      bundleUrl,
      manifest.then(({ shards }) => shards),
    );
    return SearchEngine.over(pagefind, await manifest);
  }

  /** Searches an index already open, described by its manifest (`load` opens the site's; tests give their own). */
  static over(pagefind: PagefindApi, manifest: SearchManifest): SearchEngine {
    return new SearchEngine(pagefind, manifest);
  }

  /** The `doc` values of the documents that contain `part`. */
  private async documentsWith(part: QueryPart): Promise<Set<string>> {
    const key = part.join(' ');
    let documents = this.phraseCache.get(key);
    if (!documents) {
      this.documentFilter ??= this.loadFilterData([DOCUMENT_FILTER]);
      await this.documentFilter;
      documents = isSearchablePart(part, this.symbols)
        ? valuesCounted(await this.search(partQuery(part)), DOCUMENT_FILTER)
        : new Set<string>();
      const stray = await this.strayShards(part);
      if (stray.size > 0) documents = new Set([...documents].filter((value) => !stray.has(this.shardOfDocument(value))));
      this.phraseCache.set(key, documents);
    }
    return documents;
  }

  /** The shard (its place in the manifest, newest first) of the document with `doc` value `value`. */
  private shardOfDocument(value: string): number {
    let position = Number.parseInt(value, 36);
    for (let shard = this.shards.length - 1; shard >= 0; shard--) {
      position -= this.shards[shard]!.documents;
      if (position < 0) return shard;
    }
    return 0;
  }

  /**
   * Shards whose results for a part of one run of letters or digits are
   * none of its own: where no word starts with the run, Pagefind takes the
   * longest word it starts with instead, and Pagefind also indexes the parts
   * of such runs (`11440300` of `11440300MB2C000949`), so a shard without
   * the run answers with every document that has a run starting so
   * (pagefind-contract.ts (8)). Either all of a shard's results contain the
   * part or none does: the newest of each is read to tell (one fragment a
   * shard, kept for showing it).
   */
  private async strayShards(part: QueryPart): Promise<Set<number>> {
    const [token] = part;
    if (part.length !== 1 || !token || token.length < 2 || !token.endsWith(WORD_END)) return new Set();
    let found = this.strays.get(token);
    if (!found) {
      found = (async () => {
        const { results } = await this.search(prefixQuery(token), { sort: { date: 'desc' } });
        const newest = new Map<number, PagefindResult>();
        for (const result of results) {
          if (isShardStart(result)) continue;
          const shard = shardOfSortedResult(result.score, this.weights);
          if (!newest.has(shard)) newest.set(shard, result);
        }
        const stray = new Set<number>();
        await Promise.all(
          [...newest].map(async ([shard, result]) => {
            const { fields, blocks } = await this.found(result, shard).load();
            if (partMatches([fields.title, ...blocks].join('\n'), [part])[0]!.length === 0) stray.add(shard);
          }),
        );
        return stray;
      })();
      this.strays.set(token, found);
    }
    return found;
  }

  /** A listed document; its fragment, once read, is kept for the next searches. */
  private found(result: PagefindResult, shard = shardOfSortedResult(result.score, this.weights)): Found {
    return new Found(result, this.shards[shard]!.titleSpan, this.fragments);
  }

  async run({ parts, filters, sort, counts: wantCounts }: SearchRequest): Promise<SearchOutcome> {
    if (wantCounts) {
      this.facetFilters ??= this.loadFilterData(SEARCH_FACETS);
      await this.facetFilters;
    }
    const none = { results: [], counts: wantCounts ? noCounts() : undefined };
    if (!parts.every((part) => isSearchablePart(part, this.symbols))) return none;
    if (parts.length > 1 && !wantCounts) return { ...(await this.listAll(parts, filters, sort)), counts: undefined };
    // The search that lists exactly the documents containing every part:
    // one part is a phrase search; several are one `doc` filter.
    let term: string | null = null;
    const scope: PagefindFilters = {};
    const stray = parts.length === 1 ? await this.strayShards(parts[0]!) : new Set<number>();
    if (parts.length === 1 && (stray.size === 0 || !wantCounts)) {
      term = partQuery(parts[0]!);
    } else if (parts.length >= 1) {
      const sets: Set<string>[] = [];
      for (const part of parts) sets.push(await this.documentsWith(part));
      const documents = intersection(sets);
      if (documents.length === 0) return none;
      scope[DOCUMENT_FILTER] = { any: documents };
    }
    const selected: PagefindFilters = { ...scope, ...filters };
    const listed = await this.search(term, { filters: selected, sort: { date: 'desc' } });
    const newestFirst = listed.results.filter(
      (result) => !isShardStart(result) && (term === null || !stray.has(shardOfSortedResult(result.score, this.weights))),
    );

    const counts = wantCounts ? noCounts() : undefined;
    for (const facet of counts ? SEARCH_FACETS : []) {
      if (filters[facet] === undefined) {
        counts![facet] = listed.filters[facet] ?? {};
      } else {
        // A selected facet shows what each of its other values would give.
        const { [facet]: _own, ...others } = selected;
        counts![facet] = (await this.search(term, { filters: others })).filters[facet] ?? {};
      }
    }

    return { ...(await this.order(newestFirst, parts, sort, parts.length === 1 ? parts[0] : undefined)), counts };
  }

  /** The documents containing `part`, newest first, as its own search lists them, shards that stray left out. */
  private async listed(part: QueryPart, filters: PagefindFilters): Promise<PagefindResult[]> {
    const stray = await this.strayShards(part);
    const { results } = await this.search(partQuery(part), { filters, sort: { date: 'desc' } });
    return results.filter(
      (result) => !isShardStart(result) && (stray.size === 0 || !stray.has(shardOfSortedResult(result.score, this.weights))),
    );
  }

  /**
   * Several parts, no counts (no `doc` filter): the parts are listed one at
   * a time, the longest (likely the rarest) first, and the shortest list is
   * kept where the others have it too. Once a list is short (`CHECK_IN_TEXT`),
   * the parts not yet listed are looked for in its documents' text instead:
   * a common part lists most of the archive (`工作` in 在石村 工作, 8,000
   * documents at 10,000, 300 ms of Pagefind's work on the page's thread),
   * where a short list's fragments are a few KB each and ten of them are
   * loaded to show the first page anyway.
   */
  private async listAll(
    parts: readonly QueryPart[],
    filters: PagefindFilters,
    sort: SearchSort,
  ): Promise<Pick<SearchOutcome, 'results' | 'rank'>> {
    const unlisted = [...parts].sort((a, b) => b.length - a.length);
    let shortest: { part: QueryPart; results: PagefindResult[] } | undefined;
    const others: Set<string>[] = [];
    while (unlisted.length > 0 && !(shortest && shortest.results.length <= CHECK_IN_TEXT)) {
      const part = unlisted.shift()!;
      const results = await this.listed(part, filters);
      if (shortest && results.length >= shortest.results.length) {
        others.push(new Set(results.map((result) => result.id)));
      } else {
        if (shortest) others.push(new Set(shortest.results.map((result) => result.id)));
        shortest = { part, results };
      }
    }
    const inAll = shortest!.results.filter((result) => others.every((ids) => ids.has(result.id)));
    const contained = await Promise.all(
      inAll.map(async (result) => unlisted.length === 0 || containsAll(await this.found(result).load(), unlisted)),
    );
    return this.order(
      inAll.filter((_result, i) => contained[i]),
      parts,
      sort,
      shortest!.part,
    );
  }

  /**
   * Results listed newest first (a date-sorted search), in the order asked
   * for; `listedBy` is the part whose own search listed them, if one did.
   */
  private async order(
    newestFirst: PagefindResult[],
    parts: readonly QueryPart[],
    sort: SearchSort,
    listedBy: QueryPart | undefined,
  ): Promise<Pick<SearchOutcome, 'results' | 'rank'>> {
    const inOrder = sort === 'oldest' ? [...newestFirst].reverse() : newestFirst;
    const found = inOrder.map((result) => this.found(result));
    if (sort !== 'relevance' || parts.length === 0) return { results: found };
    if (this.rankedFromText(found) || (parts.length === 1 && indexPhrase(parts[0]!).prefix))
      return { results: await this.rank(found, parts) };
    // The listing search reported where its part first occurs: the title comes first, so that tells a title match.
    const first = byRelevance(found, (document) => ({
      titleParts: listedBy && document.words.length > 0 && document.words[0]! + listedBy.length - 1 < document.titleSpan ? 1 : 0,
      occurrences: 0,
    }));
    return { results: first, rank: () => this.rank(found, parts) };
  }

  /** Whether `found` is ranked from its text: a page of results, which the page loads to show them, or text already read (`listAll`). */
  private rankedFromText(found: readonly Found[]): boolean {
    return found.length <= RANK_FROM_TEXT || found.every((document) => this.fragments.has(document.id));
  }

  /**
   * Orders `newestFirst` by title matches, then occurrences. A few results
   * are ranked from their text, which the page loads to show them anyway;
   * more from the positions of the query's words (see the module comment).
   */
  private async rank(newestFirst: Found[], parts: readonly QueryPart[]): Promise<Found[]> {
    if (newestFirst.length <= 1) return newestFirst;
    if (this.rankedFromText(newestFirst)) {
      const relevances = new Map<Found, Relevance>();
      await Promise.all(
        newestFirst.map(async (document) => {
          const { fields, blocks } = await document.load();
          relevances.set(document, textRelevance(parts, fields.title, blocks));
        }),
      );
      return byRelevance(newestFirst, (document) => relevances.get(document)!);
    }
    const words = new Set(parts.flatMap((part) => indexPhrase(part).words));
    if (parts.length === 1 && indexPhrase(parts[0]!).prefix) {
      // The listing search was this word's own (`partQuery`): its positions are at hand.
      const [word] = words;
      return byRelevance(newestFirst, (document) => relevance(parts, new Map([[word!, document.words]]), document.titleSpan));
    }
    const positions = new Map<string, Map<string, number[]>>(newestFirst.map((document) => [document.id, new Map()]));
    for (const word of words) {
      for (const [id, wordPositions] of await this.positionsOf(word)) positions.get(id)?.set(word, wordPositions);
    }
    return byRelevance(newestFirst, (document) => relevance(parts, positions.get(document.id)!, document.titleSpan));
  }

  /** Result id → positions of the index words `word` begins, for every document with one; kept for the next queries while there is room. */
  private async positionsOf(word: string): Promise<Map<string, number[]>> {
    const kept = this.wordPositions.get(word);
    if (kept) return kept;
    const positions = new Map((await this.search(prefixQuery(word))).results.map((result) => [result.id, result.words]));
    this.wordPositions.set(word, positions, positions.size);
    return positions;
  }
}

/** A listed document; its text is fetched once, when first needed. */
class Found implements FoundDocument {
  readonly id: string;
  /** Where the listing search matched: for a prefix search, every position (see `partQuery`). */
  readonly words: number[];

  constructor(
    private readonly result: PagefindResult,
    /** Its shard's title span: a match ending before this position is in the title. */
    readonly titleSpan: number,
    /** Fragments read so far, by result id, shared by every search of the page. */
    private readonly fragments: Map<string, Promise<ShownResult>>,
  ) {
    this.id = result.id;
    this.words = result.words;
  }

  load(): Promise<ShownResult> {
    let loaded = this.fragments.get(this.id);
    if (!loaded) {
      loaded = this.result.data().then((fragment) => ({
        url: fragment.url,
        fields: fragment.meta as unknown as ResultFields,
        blocks: splitIndexContent(fragment.content).blocks,
      }));
      this.fragments.set(this.id, loaded);
    }
    return loaded;
  }
}
