/**
 * The site's document model: from a content file's kind, entry id and
 * validated front matter to what the site makes of it (its key, URL, year
 * and whether this build publishes it). One pure function, used inside
 * Astro by the pages, feeds and search records (src/data/documents.ts) and
 * outside it by `npm run check`, link rewriting, the leak gate and
 * `npm run new` (src/lib/content-files/content-index.ts), so that they
 * cannot disagree about a URL.
 */
import { isPublishable, type AccessControlled, type Audience } from './access.ts';
import { yearOf } from './dates.ts';
import { documentUrlPath } from './document-urls.ts';
import { KINDS, unreachable, type DocumentKind } from './kinds.ts';

/** The front-matter fields the model reads; every kind's data has them after validation. */
export interface PlacedFields extends AccessControlled {
  date: string;
  /** For kinds with `journal-issue` URLs: the journal's name. */
  publication?: string | undefined;
  /** For kinds with `journal-issue` URLs: the issue number within the year. */
  issue?: number | undefined;
}

export interface DocumentPlace<K extends DocumentKind = DocumentKind> {
  kind: K;
  /** The entry id (src/lib/entry-id.ts): the file name slugged, or its `slug` field. */
  id: string;
  /** Unique across kinds: `reports/gba-research`; how indicators' `source` names a document. */
  key: string;
  /** Site path without the base: `reports/gba-research/`; undefined for an issue of an unknown journal. */
  urlPath: string | undefined;
  /** The year of its date (成文日期). */
  year: number;
  /** Whether a build for `audience` publishes it (never a draft or a restricted document). */
  publishable: boolean;
}

/**
 * What the site makes of one document. `journalSlug` gives the URL slug of a
 * journal by the name bulletins write, or undefined for an unknown one.
 */
export function placeDocument<K extends DocumentKind>(
  kind: K,
  id: string,
  data: PlacedFields,
  journalSlug: (name: string) => string | undefined,
  audience: Audience,
): DocumentPlace<K> {
  const year = yearOf(data.date);
  return {
    kind,
    id,
    key: `${kind}/${id}`,
    urlPath: urlPathOf(kind, id, data, year, journalSlug),
    year,
    publishable: isPublishable(data, audience),
  };
}

function urlPathOf(kind: DocumentKind, id: string, data: PlacedFields, year: number, journalSlug: (name: string) => string | undefined) {
  const pattern = KINDS[kind].url;
  switch (pattern) {
    case 'id':
      return documentUrlPath(kind, id);
    case 'journal-issue': {
      const publicationSlug = data.publication === undefined ? undefined : journalSlug(data.publication);
      if (publicationSlug === undefined || data.issue === undefined) return undefined;
      return documentUrlPath(kind, id, { publicationSlug, year, issue: data.issue });
    }
    default:
      return unreachable(pattern);
  }
}
