/**
 * What the search index knows about one document besides its body text:
 * the title, the facet values it can be filtered by, the fields shown with a
 * result, and the metadata values that are searchable text.
 *
 * The build writes one record per published document (see
 * `src/pages/search-records.json.ts`); `npm run build` pairs each record
 * with the body text of the page it describes (src/search/build-index.ts).
 */
import { formatChineseDate } from '../lib/dates.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../lib/kinds.ts';
import { metadataRows } from '../lib/metadata-rows.ts';
import { kindLabels, searchUi, ui } from '../translations/zh-CN.ts';

/** The finder's facets, in the order the search page shows them. */
export const SEARCH_FACETS = ['kind', 'year', 'issuer', 'journal', 'topic'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/**
 * A Pagefind filter with one value per document. It is not shown: it lets the
 * search page name a set of documents (those that contain every query part)
 * and ask Pagefind for that set's facet counts and order.
 */
export const DOCUMENT_FILTER = 'doc';

/** The `doc` filter value of the document at `position` in the oldest-first records (short, base 36). */
export function documentFilterValue(position: number): string {
  return position.toString(36);
}

/** Metadata rows that describe every document alike and are not worth searching. */
const UNSEARCHED_FIELDS = new Set(['kind', 'access']);

/** The parts of a site document a record is made from. */
export interface RecordSource {
  kind: DocumentKind;
  /** Site-relative URL path without the base: `reports/x/`. */
  path: string;
  year: number;
  date: string;
  data: { title: string; issuer: string; topics: readonly string[] } & Record<string, unknown>;
  publication: { name: string } | undefined;
}

/** Shown with each search result (Pagefind metadata; all strings). */
export interface ResultFields {
  title: string;
  /** Kind label: 调研报告. */
  kind: string;
  /** Journal and issue, for bulletins: 《光明信息》2020年第3期. */
  issue?: string;
  issuer: string;
  /** 2020年12月31日. */
  date: string;
}

export interface SearchRecord {
  /** URL path under the site base (`/kb/reports/x/`). */
  url: string;
  /** The built page, relative to the output folder (`reports/x/index.html`). */
  file: string;
  /** `YYYY-MM-DD`, the sort key. */
  date: string;
  result: ResultFields;
  /** Facet values (Pagefind filters). The kind is its key (`reports`), the rest are shown as they are. */
  facets: Record<SearchFacet, string[]>;
  /** Metadata values that are searchable as text (发文字号, 索引号, 主题词…), one block each. */
  fields: string[];
}

/** The facet values of a document. */
export function facetValues(source: RecordSource): Record<SearchFacet, string[]> {
  return {
    kind: [source.kind],
    year: [String(source.year)],
    issuer: [source.data.issuer],
    journal: source.publication ? [source.publication.name] : [],
    topic: [...new Set(source.data.topics)],
  };
}

/** The search record of a published document; `href` turns a site path into a URL under the base. */
export function searchRecord(source: RecordSource, href: (path: string) => string): SearchRecord {
  const { data } = source;
  const issue =
    source.publication && typeof data.issue === 'number' ? ui.journalIssue(source.publication.name, source.year, data.issue) : undefined;
  return {
    url: href(source.path),
    file: `${source.path}index.html`,
    date: source.date,
    result: {
      title: data.title,
      kind: kindLabels[source.kind],
      ...(issue ? { issue } : {}),
      issuer: data.issuer,
      date: formatChineseDate(source.date),
    },
    facets: facetValues(source),
    fields: metadataRows(source.kind, data)
      .filter((row) => !UNSEARCHED_FIELDS.has(row.field))
      .map((row) => row.value),
  };
}

export interface FacetOption {
  value: string;
  label: string;
}

/** Every value of every facet among `sources`, in the order the finder lists them. */
export function facetOptions(sources: readonly RecordSource[]): Record<SearchFacet, FacetOption[]> {
  const values = Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, new Set<string>()])) as Record<SearchFacet, Set<string>>;
  for (const source of sources) {
    const own = facetValues(source);
    for (const facet of SEARCH_FACETS) for (const value of own[facet]) values[facet].add(value);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  const options = (facet: SearchFacet, order: (a: string, b: string) => number, label: (value: string) => string) =>
    [...values[facet]].sort(order).map((value) => ({ value, label: label(value) }));
  return {
    kind: options(
      'kind',
      (a, b) => DOCUMENT_KINDS.indexOf(a as DocumentKind) - DOCUMENT_KINDS.indexOf(b as DocumentKind),
      (kind) => kindLabels[kind as DocumentKind],
    ),
    year: options(
      'year',
      (a, b) => b.localeCompare(a),
      (year) => searchUi.yearOption(year),
    ),
    issuer: options('issuer', byName, (name) => name),
    journal: options('journal', byName, (name) => `《${name}》`),
    topic: options('topic', byName, (name) => name),
  };
}
