/**
 * Everything a document's page shows: its own file, and all it shows of other
 * files (related documents, the documents linking to it, the neighbouring
 * issues, its revision history, its indicator figures). Worked out here once
 * per page and nowhere else:
 *
 * - the page's `getStaticPaths` passes it to the layout as props
 *   (`documentPageRoute`), and the layout and its components render from it
 *   alone, never asking src/data/ themselves;
 * - the page's cache key for Astro's incremental build is a digest of the very
 *   same object (src/data/page-cache-keys.ts).
 *
 * So a component that starts showing something new from another file adds it
 * here, and the key covers it without anyone remembering to.
 * tests/unit/page-data.test.ts checks that the document page's components read
 * no other source; tests/build/incremental-build.test.ts that a rebuild after
 * edits equals a cold build.
 */
import type { RevisionEntry } from '../lib/git-history.ts';
import { getAdjacentIssues, getBacklinks, getRelated, type SiteDocument } from './documents.ts';
import { getRevisions } from './history.ts';
import { documentIndicatorRows, documentLinks, getIndicators, type Indicator } from './indicators.ts';
import { documentPageCacheKey } from './page-cache-keys.ts';

/** One row of 本文档中的指标: an indicator with the figures this document printed. */
export interface DocumentIndicatorRow {
  name: string;
  href: string;
  figures: string[];
}

/**
 * Every indicator with the title and URL of each source document, as charts'
 * captions link them: an MDX document's body can quote and chart any
 * indicator (src/user-components/), so its page shows all of them. One
 * object shared by every MDX page.
 */
export interface EveryIndicator {
  indicators: Indicator[];
  sources: { title: string; href: string }[];
}

export interface DocumentPageData {
  /** The document itself. */
  doc: SiteDocument;
  /** 修订记录, newest first (src/data/history.ts). */
  revisions: RevisionEntry[];
  /** 相关文档. */
  related: SiteDocument[];
  /** 引用本文的文档. */
  backlinks: SiteDocument[];
  /** 上一期 of the same journal, for a bulletin. */
  previousIssue: SiteDocument | undefined;
  /** 下一期 of the same journal, for a bulletin. */
  nextIssue: SiteDocument | undefined;
  /** 本文档中的指标. */
  indicatorRows: DocumentIndicatorRow[];
  /** Set for an MDX document, whose body may quote any indicator. */
  everyIndicator: EveryIndicator | undefined;
}

let everyIndicator: Promise<EveryIndicator> | undefined;

async function loadEveryIndicator(): Promise<EveryIndicator> {
  const indicators = await getIndicators();
  const sourceKeys = [...new Set(indicators.flatMap((indicator) => indicator.values.flatMap((point) => point.source ?? [])))].sort();
  return { indicators, sources: await documentLinks(sourceKeys) };
}

function isMdx(doc: SiteDocument): boolean {
  return doc.filePath.endsWith('.mdx');
}

/** Everything the page of `doc` shows. */
export async function documentPageData(doc: SiteDocument): Promise<DocumentPageData> {
  everyIndicator ??= loadEveryIndicator();
  const [related, backlinks, adjacent, indicatorRows, indicators] = await Promise.all([
    getRelated(doc),
    getBacklinks(doc),
    getAdjacentIssues(doc),
    documentIndicatorRows(doc),
    isMdx(doc) ? everyIndicator : undefined,
  ]);
  return {
    doc,
    revisions: getRevisions(doc),
    related,
    backlinks,
    previousIssue: adjacent.previous,
    nextIssue: adjacent.next,
    indicatorRows,
    everyIndicator: indicators,
  };
}

/**
 * The part of a document page's `getStaticPaths` entry besides its params:
 * the page data as props, and the cache key made from the same data. Astro
 * holds every page's props for the whole build; the data is mostly references
 * to documents it holds anyway. Measured with `npm run bench -- --docs 2000
 * --no-baseline --no-browser` on the 2-core machine: peak RSS 1,341 MB, against
 * 1,410 MB when the layout asked src/data/ itself (noise); the rebuild after one
 * edit copied the same 1,991 pages.
 */
export async function documentPageRoute(doc: SiteDocument): Promise<{ props: { page: DocumentPageData }; cacheKey: string }> {
  const page = await documentPageData(doc);
  return { props: { page }, cacheKey: documentPageCacheKey(page) };
}
