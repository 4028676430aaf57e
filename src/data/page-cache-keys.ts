/**
 * Cache keys of the document pages, for Astro's incremental build
 * (`experimental.incrementalBuild`): a page whose key and whose code are both
 * unchanged since the previous build is copied from Astro's cache folder
 * instead of being rendered again.
 *
 * Astro already tracks the code (the page's module graph, the config, the
 * lockfile) and the compiled MDX of the entry. The key covers the data: it is
 * a digest of the page's data (src/data/page-data.ts), the one object the
 * page renders from, so it covers whatever the page shows without a list of
 * its own to keep up to date. Pure, so that tests/unit/page-data.test.ts can
 * call it without Astro.
 */
import { createHash } from 'node:crypto';
import { SITE_AUDIENCE } from '../site-settings.ts';
import type { SiteDocument } from './documents.ts';
import type { DocumentPageData } from './page-data.ts';

function digestOf(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return createHash('sha256').update(JSON.stringify(value, replacer)).digest('base64url');
}

function isSiteDocument(value: unknown): value is SiteDocument {
  return typeof value === 'object' && value !== null && 'entry' in value && 'contentPath' in value && 'path' in value;
}

/**
 * A document wherever the page data holds one (the page's own, related
 * documents, backlinks, issue navigation): its URL, its journal, and the
 * whole file's digest rather than the fields some list shows today, so that a
 * list showing one more field never serves stale pages. (The entry itself is
 * no key material: it holds the body and Astro's bookkeeping.)
 */
function documentFingerprint(doc: SiteDocument) {
  return [doc.path, doc.entry.digest ?? digestOf([doc.data, doc.entry.body]), doc.publication];
}

/**
 * Fields every page of a kind shares as one object (every indicator, on each
 * MDX page): digested once per build rather than once per page.
 */
const SHARED_FIELDS: ReadonlySet<string> = new Set(['everyIndicator'] satisfies (keyof DocumentPageData)[]);
const sharedDigests = new WeakMap<object, string>();

function keyMaterial(key: string, value: unknown): unknown {
  if (isSiteDocument(value)) return documentFingerprint(value);
  if (SHARED_FIELDS.has(key) && typeof value === 'object' && value !== null) {
    let digest = sharedDigests.get(value);
    if (!digest) {
      digest = digestOf(value, keyMaterial);
      sharedDigests.set(value, digest);
    }
    return digest;
  }
  return value;
}

/** The cache key of a document's page: a digest of everything the page shows. */
export function documentPageCacheKey(page: DocumentPageData): string {
  // The same file is published differently to the intranet and the public site.
  return digestOf({ audience: SITE_AUDIENCE, page }, keyMaterial);
}
