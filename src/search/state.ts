/**
 * The search page's state as it lives in the URL, so that a search can be
 * bookmarked and shared: `/search/?q=土地整备&kind=reports&year=2020&sort=newest`.
 */
import { SEARCH_FACETS, type SearchFacet } from './record.ts';

export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchState {
  /** The query as typed. */
  q: string;
  /** At most one selected value per facet. */
  filters: Partial<Record<SearchFacet, string>>;
  /** As chosen; `relevance` is the default. */
  sort: SearchSort;
}

export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: Partial<Record<SearchFacet, string>> = {};
  for (const facet of SEARCH_FACETS) {
    const value = params.get(facet)?.trim();
    if (value) filters[facet] = value;
  }
  const sort = params.get('sort');
  return {
    q: params.get('q')?.trim() ?? '',
    filters,
    sort: (SEARCH_SORTS as readonly string[]).includes(sort ?? '') ? (sort as SearchSort) : 'relevance',
  };
}

/** The URL query string of a state; empty values and the default sort are left out. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of SEARCH_FACETS) {
    const value = state.filters[facet];
    if (value) params.set(facet, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** The order results are shown in: relevance needs a query, so browsing without one lists the newest first. */
export function effectiveSort(state: SearchState, hasQuery: boolean): SearchSort {
  return state.sort === 'relevance' && !hasQuery ? 'newest' : state.sort;
}
