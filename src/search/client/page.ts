/**
 * The search page (`/search/`): reads the query, filters and sort from the
 * URL, runs the search, shows results with facet counts, and keeps the URL in
 * step with the form so any search can be bookmarked.
 */
import { SEARCH_FACETS, type SearchFacet } from '../record.ts';
import { effectiveSort, parseSearchState, searchStateToParams, type SearchSort, type SearchState } from '../state.ts';
import { excerpt, highlight, type Segment } from '../excerpt.ts';
import { parseQuery, type QueryPart } from '../text.ts';
import { searchUi } from '../../translations/zh-CN.ts';
import { guardComposition } from './composition.ts';
import { SearchEngine, type FoundDocument, type SearchOutcome, type ShownResult } from './engine.ts';
import { SEARCH_RESULTS_PAGE_SIZE as PAGE_SIZE } from '../../consts.ts';

/** Typing pause before the results follow the query. */
const TYPING_DELAY_MS = 300;

/** The search form's root element; `searchResultIds` is read by the benchmark (bench/search-side-by-side.ts). */
type SearchRoot = HTMLElement & { searchResultIds?: string[] };
const root = document.querySelector<SearchRoot>('[data-search-root]')!;
const form = root.querySelector<HTMLFormElement>('form[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const facetSelects = new Map(SEARCH_FACETS.map((facet) => [facet, form.querySelector<HTMLSelectElement>(`select[name="${facet}"]`)!]));
const status = root.querySelector<HTMLElement>('[data-search-status]')!;
const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
const moreButton = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
const filtersToggle = form.querySelector<HTMLButtonElement>('[data-filters-toggle]')!;
const filters = form.querySelector<HTMLFieldSetElement>(`#${filtersToggle.getAttribute('aria-controls')}`)!;

const composition = guardComposition(form, input);
let engine: Promise<SearchEngine> | undefined;
let runCount = 0;
/**
 * Whether searches count results per facet value. Not until the reader
 * reaches for the filters (or the URL selects one): the counts need the
 * facets' filter data, which a reader who only searches never loads.
 */
let countsWanted = false;
let lastRequest: SearchState | undefined;
let shown: { outcome: SearchOutcome; parts: QueryPart[]; count: number } | undefined;

function readForm(): SearchState {
  const filters: Partial<Record<SearchFacet, string>> = {};
  for (const [facet, select] of facetSelects) if (select.value) filters[facet] = select.value;
  return { q: input.value, filters, sort: sortSelect.value as SearchSort };
}

function writeForm(state: SearchState): void {
  input.value = state.q;
  sortSelect.value = state.sort;
  for (const [facet, select] of facetSelects) {
    const value = state.filters[facet] ?? '';
    // A value no document has (an old bookmark) still shows as selected.
    if (value && ![...select.options].some((option) => option.value === value)) {
      select.add(new Option(value, value));
      select.options[select.options.length - 1]!.dataset.label = value;
    }
    select.value = value;
  }
}

function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const segment of segments) {
    if (segment.match) parent.appendChild(document.createElement('mark')).textContent = segment.text;
    else parent.append(segment.text);
  }
}

function resultItem(result: ShownResult, parts: readonly QueryPart[]): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'finder__result';
  const heading = item.appendChild(document.createElement('h2'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = result.url;
  appendSegments(link, highlight(result.fields.title, parts));
  const meta = item.appendChild(document.createElement('p'));
  meta.className = 'finder__meta';
  const fields = { kind: result.fields.kind, issue: result.fields.issue, issuer: result.fields.issuer, date: result.fields.date };
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const span = meta.appendChild(document.createElement('span'));
    span.className = `finder__meta-${field}`;
    span.textContent = value;
  }
  const text = item.appendChild(document.createElement('p'));
  text.className = 'finder__excerpt';
  appendSegments(text, excerpt(result.blocks, parts));
  return item;
}

async function showMore(runId: number, size = PAGE_SIZE): Promise<void> {
  if (!shown) return;
  const { outcome, parts } = shown;
  const batch: FoundDocument[] = outcome.results.slice(shown.count, shown.count + size);
  const loaded = await Promise.all(batch.map((document) => document.load()));
  if (runId !== runCount) return;
  const items = loaded.map((result) => resultItem(result, parts));
  list.append(...items);
  shown.count += batch.length;
  const remaining = outcome.results.length - shown.count;
  moreButton.hidden = remaining <= 0;
  moreButton.textContent = searchUi.more(remaining);
  if (shown.count > PAGE_SIZE && size === PAGE_SIZE) items[0]?.querySelector('a')?.focus();
}

/** Resolves once the browser has painted what the page shows now. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Once the full relevance order is known (see `SearchOutcome.rank`), the
 * results shown so far are shown again in it, if it differs.
 */
async function showRanked(runId: number, ranked: FoundDocument[]): Promise<void> {
  if (!shown || runId !== runCount) return;
  const { count } = shown;
  const before = shown.outcome.results;
  shown.outcome = { ...shown.outcome, results: ranked };
  if (ranked.slice(0, count).every((document, i) => document === before[i])) return;
  list.replaceChildren();
  shown.count = 0;
  await showMore(runId, count);
}

/** For benchmarks and tests: how many searches have shown their results, the last one's result count and fragment hashes. */
function markShown(runId: number): void {
  if (runId !== runCount || root.dataset.searchShown === String(runId)) return;
  root.dataset.searchShown = String(runId);
  root.dataset.searchRuns = String(Number(root.dataset.searchRuns ?? 0) + 1);
  root.dataset.searchTotal = String(shown?.outcome.results.length ?? 0);
  // For the benchmark, which checks every result against the corpus.
  root.searchResultIds = shown?.outcome.results.map((result) => result.id) ?? [];
}

function showCounts(counts: SearchOutcome['counts']): void {
  for (const [facet, select] of facetSelects) {
    for (const option of select.options) {
      if (!option.value) continue;
      const label = option.dataset.label ?? option.value;
      const count = counts ? (counts[facet][option.value] ?? 0) : undefined;
      option.textContent = count === undefined ? label : searchUi.optionCount(label, count);
      option.disabled = count === 0 && option.value !== select.value;
    }
  }
  // For tests: the counts shown are those of the last search.
  root.dataset.searchCounts = counts ? 'shown' : 'none';
}

/** Counts the results of the search `runId` showed, unless another has started since. */
async function countShown(state: SearchState, runId: number): Promise<void> {
  // Counting needs no ranking: the order shown is left as it is.
  const outcome = await (await engine!).run({ parts: parseQuery(state.q), filters: state.filters, sort: 'newest', counts: true });
  if (runId === runCount) showCounts(outcome.counts);
}

/** The reader reached for the filters: from now on every search counts, and the one shown is counted now. */
function wantCounts(): void {
  if (countsWanted) return;
  countsWanted = true;
  // A search still running sees `countsWanted` when it ends.
  if (lastRequest && engine && root.getAttribute('aria-busy') === 'false')
    void countShown(lastRequest, runCount).catch((error) => console.error(error));
}

async function run(state: SearchState, history: 'push' | 'replace' | 'none'): Promise<void> {
  const runId = ++runCount;
  if (history !== 'none') {
    const query = searchStateToParams(state).toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  }
  const parts = parseQuery(state.q);
  if (Object.values(state.filters).some(Boolean)) countsWanted = true;
  lastRequest = state;
  filtersToggle.textContent = searchUi.filtersWithCount(Object.values(state.filters).filter(Boolean).length);
  root.setAttribute('aria-busy', 'true');
  status.textContent = searchUi.loading;
  try {
    engine ??= SearchEngine.load(root.dataset.bundle!);
    const outcome = await (
      await engine
    ).run({ parts, filters: state.filters, sort: effectiveSort(state, parts.length > 0), counts: countsWanted });
    if (runId !== runCount) return;
    list.replaceChildren();
    shown = { outcome, parts, count: 0 };
    showCounts(outcome.counts);
    if (!outcome.counts && countsWanted) void countShown(state, runId).catch((error) => console.error(error));
    const total = outcome.results.length;
    const query = state.q.trim();
    status.textContent =
      total === 0
        ? query
          ? searchUi.nothingFound(query)
          : searchUi.nothingToBrowse
        : query
          ? searchUi.found(total, query)
          : searchUi.browsing(total);
    await showMore(runId);
    markShown(runId);
    if (outcome.rank) {
      // The ranking's searches keep the page's thread busy for a while
      // (应急管理 at 10,000 documents: about 110 ms): the first page is painted before they start.
      await afterPaint();
      if (runId === runCount) await showRanked(runId, await outcome.rank());
    }
  } catch (error) {
    engine = undefined;
    if (runId !== runCount) return;
    shown = undefined;
    console.error(error);
    list.replaceChildren();
    moreButton.hidden = true;
    status.textContent = searchUi.unavailable;
  } finally {
    markShown(runId);
    // Busy until the results are in their final order.
    if (runId === runCount) root.setAttribute('aria-busy', 'false');
  }
}

let typingTimer: number | undefined;
input.addEventListener('input', (event) => {
  if (composition.composing || (event as InputEvent).isComposing) return;
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => void run(readForm(), 'replace'), TYPING_DELAY_MS);
});
input.addEventListener('compositionend', () => {
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => void run(readForm(), 'replace'), TYPING_DELAY_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (composition.composing) return;
  window.clearTimeout(typingTimer);
  void run(readForm(), 'push');
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) void run(readForm(), 'push');
});
moreButton.addEventListener('click', () => void showMore(runCount));
// On a narrow screen the filters fold behind this button (global.css hides them until it opens them).
// Reaching for the filters (focus, a pointer or the toggle) asks for their counts.
filters.addEventListener('focusin', wantCounts);
filters.addEventListener('pointerdown', wantCounts);
filtersToggle.addEventListener('click', () => {
  wantCounts();
  const open = filtersToggle.getAttribute('aria-expanded') !== 'true';
  filtersToggle.setAttribute('aria-expanded', String(open));
  filters.classList.toggle('finder__filters--open', open);
});
window.addEventListener('popstate', () => {
  const state = parseSearchState(new URLSearchParams(location.search));
  writeForm(state);
  void run(state, 'none');
});

const initial = parseSearchState(new URLSearchParams(location.search));
writeForm(initial);
void run(initial, 'replace');
