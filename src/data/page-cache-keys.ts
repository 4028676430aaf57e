/**
 * Cache keys of the document pages, for Astro's incremental build
 * (`experimental.incrementalBuild`): a page whose key and whose code are both
 * unchanged since the previous build is copied from Astro's cache folder
 * instead of being rendered again.
 *
 * Astro already tracks the code (the page's module graph, the config, the
 * lockfile) and the compiled MDX of the entry. The key must cover the data:
 * everything a document page shows, its own file and everything it shows
 * from other files. When a component starts showing something new from
 * another file, it belongs here too; tests/build/incremental-build.test.ts
 * checks that a rebuild after edits equals a cold build of the same content.
 */
import { createHash } from 'node:crypto';
import { SITE_AUDIENCE } from '../site-settings.ts';
import { getAdjacentIssues, getBacklinks, getRelated, type SiteDocument } from './documents.ts';
import { getRevisions } from './history.ts';
import { documentIndicatorRows, documentLinks, getIndicators } from './indicators.ts';

function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/**
 * Another document as a page shows it (in related documents, backlinks,
 * issue navigation). The whole file's digest rather than the fields shown today, so
 * that a list showing one more field never serves stale pages.
 */
function linkedDocument(doc: SiteDocument | undefined) {
  return doc && [doc.path, doc.entry.digest ?? digestOf([doc.data, doc.entry.body])];
}

let everyIndicatorDigest: Promise<string> | undefined;

/**
 * Every indicator with its figures, and the title and URL of each source
 * document, as charts' captions link them: an MDX document can quote and
 * chart any indicator, so its page depends on all of them.
 */
async function loadEveryIndicatorDigest(): Promise<string> {
  const indicators = await getIndicators();
  const sourceKeys = [...new Set(indicators.flatMap((indicator) => indicator.values.flatMap((point) => point.source ?? [])))].sort();
  return digestOf([indicators, await documentLinks(sourceKeys)]);
}

function isMdx(doc: SiteDocument): boolean {
  return doc.filePath.endsWith('.mdx');
}

/** The cache key of a document's page: a digest of everything the page shows. */
export async function documentPageCacheKey(doc: SiteDocument): Promise<string> {
  const [related, backlinks, adjacent, indicatorRows] = await Promise.all([
    getRelated(doc),
    getBacklinks(doc),
    getAdjacentIssues(doc),
    documentIndicatorRows(doc),
  ]);
  everyIndicatorDigest ??= loadEveryIndicatorDigest();
  return digestOf({
    // The same file is published differently to the intranet and the public site.
    audience: SITE_AUDIENCE,
    path: doc.path,
    file: linkedDocument(doc),
    publication: doc.publication,
    revisions: getRevisions(doc),
    related: related.map(linkedDocument),
    backlinks: backlinks.map(linkedDocument),
    previousIssue: linkedDocument(adjacent.previous),
    nextIssue: linkedDocument(adjacent.next),
    indicatorRows,
    everyIndicator: isMdx(doc) ? await everyIndicatorDigest : undefined,
  });
}
