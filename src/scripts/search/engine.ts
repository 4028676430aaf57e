/**
 * Search in the browser, over the Pagefind index the build wrote.
 *
 * Pagefind is used as a word-position index, not for its own ranking:
 * 1. each query part is an exact-phrase search; the documents that contain
 *    it are read off the counts of the one-value-per-document `doc` filter;
 * 2. the documents that contain every part are then one filter,
 *    `doc: {any: [...]}`, so Pagefind lists them newest first with the
 *    reader's facet filters applied and counts their facet values;
 * 3. for relevance, a search per query word (restricted to that set) gives
 *    the word's positions in each document, from which the phrases'
 *    occurrences and title matches are counted (src/lib/search-ranking.ts).
 */
import { DOCUMENT_FILTER, SEARCH_FACETS, type ResultFields, type SearchFacet } from '../../lib/search-record.ts';
import { byRelevance, relevance } from '../../lib/search-ranking.ts';
import type { SearchSort } from '../../lib/search-state.ts';
import { TITLE_END, isSearchablePart, splitIndexContent, toPhraseQuery, type QueryPart } from '../../lib/search-text.ts';

type FilterCounts = Record<string, Record<string, number>>;
type PagefindFilters = Record<string, string | { any: string[] }>;

interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

interface PagefindResult {
  id: string;
  words: number[];
  data(): Promise<PagefindFragment>;
}

interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}

interface PagefindApi {
  options(options: { noWorker?: boolean; baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse>;
}

/** A result ready to show. */
export interface ShownResult {
  url: string;
  fields: ResultFields;
  /** Body blocks then metadata values, as indexed (folded to simplified). */
  blocks: string[];
}

export interface FoundDocument {
  load(): Promise<ShownResult>;
}

export interface SearchOutcome {
  results: FoundDocument[];
  /** Per facet, value → number of results it would give (the facet's own selection left out). */
  counts: Record<SearchFacet, Record<string, number>>;
}

export interface SearchRequest {
  parts: readonly QueryPart[];
  filters: Partial<Record<SearchFacet, string>>;
  sort: SearchSort;
}

function intersection(sets: ReadonlyArray<ReadonlySet<string>>): string[] {
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return first ? [...first].filter((value) => rest.every((set) => set.has(value))) : [];
}

function noCounts(): Record<SearchFacet, Record<string, number>> {
  return Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, {}])) as Record<SearchFacet, Record<string, number>>;
}

export class SearchEngine {
  private readonly phraseCache = new Map<string, Set<string>>();

  private constructor(
    private readonly pagefind: PagefindApi,
    /** Symbols the index made searchable; a part with any other symbol matches nothing. */
    private readonly symbols: ReadonlySet<string>,
  ) {}

  /** Loads Pagefind from the bundle folder (`/kb/pagefind/`). */
  static async load(bundleUrl: string): Promise<SearchEngine> {
    const [pagefind, entry] = await Promise.all([
      import(/* @vite-ignore */ `${bundleUrl}pagefind.js`) as Promise<PagefindApi>,
      fetch(`${bundleUrl}pagefind-entry.json`).then((response) => {
        if (!response.ok) throw new Error(`pagefind-entry.json: HTTP ${response.status}`);
        return response.json() as Promise<{ include_characters?: string[] }>;
      }),
    ]);
    // On the page's own thread: a worker would get the CSP of pagefind-worker.js,
    // and only the search page's policy allows compiling WebAssembly.
    // Stored URLs already carry the site base (/kb/); Pagefind would add it again.
    await pagefind.options({ noWorker: true, baseUrl: '/' });
    await pagefind.init();
    // Loads every filter's data, so that every search reports every filter's counts.
    await pagefind.filters();
    return new SearchEngine(pagefind, new Set(entry.include_characters ?? []));
  }

  /** The `doc` values of the documents that contain `part`. */
  private async documentsWith(part: QueryPart): Promise<Set<string>> {
    const key = part.join(' ');
    let documents = this.phraseCache.get(key);
    if (!documents) {
      documents = new Set();
      if (isSearchablePart(part, this.symbols)) {
        const response = await this.pagefind.search(toPhraseQuery(part));
        for (const [value, count] of Object.entries(response.filters[DOCUMENT_FILTER] ?? {})) {
          if (count > 0) documents.add(value);
        }
      }
      this.phraseCache.set(key, documents);
    }
    return documents;
  }

  async run({ parts, filters, sort }: SearchRequest): Promise<SearchOutcome> {
    const scope: PagefindFilters = {};
    if (parts.length > 0) {
      const sets: Set<string>[] = [];
      for (const part of parts) sets.push(await this.documentsWith(part));
      const documents = intersection(sets);
      if (documents.length === 0) return { results: [], counts: noCounts() };
      scope[DOCUMENT_FILTER] = { any: documents };
    }
    const selected: PagefindFilters = { ...scope, ...filters };
    const listed = await this.pagefind.search(null, { filters: selected, sort: { date: sort === 'oldest' ? 'asc' : 'desc' } });

    const counts = noCounts();
    for (const facet of SEARCH_FACETS) {
      if (filters[facet] === undefined) {
        counts[facet] = listed.filters[facet] ?? {};
      } else {
        // A selected facet shows what each of its other values would give.
        const { [facet]: _own, ...others } = selected;
        counts[facet] = (await this.pagefind.search(null, { filters: others })).filters[facet] ?? {};
      }
    }

    const ordered = sort === 'relevance' && parts.length > 0 ? await this.rank(listed.results, parts, selected) : listed.results;
    return {
      results: ordered.map((result) => ({
        load: async () => {
          const fragment = await result.data();
          return { url: fragment.url, fields: fragment.meta as unknown as ResultFields, blocks: splitIndexContent(fragment.content).blocks };
        },
      })),
      counts,
    };
  }

  /** Orders `newestFirst` by title matches, then occurrences (see the module comment). */
  private async rank(newestFirst: PagefindResult[], parts: readonly QueryPart[], filters: PagefindFilters): Promise<PagefindResult[]> {
    const positions = new Map<string, Map<string, number[]>>();
    for (const word of new Set(parts.flat())) {
      for (const result of (await this.pagefind.search(word, { filters })).results) {
        const byWord = positions.get(result.id) ?? new Map<string, number[]>();
        byWord.set(word, result.words);
        positions.set(result.id, byWord);
      }
    }
    const titleEnds = new Map<string, number>();
    for (const result of (await this.pagefind.search(TITLE_END, { filters })).results) {
      titleEnds.set(result.id, Math.min(...result.words));
    }
    return byRelevance(newestFirst, (result) => relevance(parts, positions.get(result.id) ?? new Map(), titleEnds.get(result.id) ?? 0));
  }
}
