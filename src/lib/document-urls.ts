/**
 * Where a document lives on the site, relative to the base: the one rule the
 * pages, the internal-link rewriting and `npm run check` all use, by the
 * kind's URL pattern in the registry (src/lib/kinds.ts).
 */
import { KINDS, unreachable, type DocumentKind } from './kinds.ts';

/** What places an issue of a journal (a bulletin): the journal's slug, the year and the issue number. */
export interface JournalIssuePlace {
  publicationSlug: string;
  year: number;
  issue: number;
}

/**
 * `<kind>/<journal>/<year>/<issue>/` for an issue of a known journal,
 * `<kind>/<id>/` for everything else.
 */
export function documentUrlPath(kind: DocumentKind, id: string, issue?: JournalIssuePlace): string {
  const pattern = KINDS[kind].url;
  switch (pattern) {
    case 'id':
      return `${kind}/${id}/`;
    case 'journal-issue':
      return issue ? `${kind}/${issue.publicationSlug}/${issue.year}/${issue.issue}/` : `${kind}/${id}/`;
    default:
      return unreachable(pattern);
  }
}

/** A journal's page, listing its issues (src/pages/bulletins/[publication]/). */
export function journalUrlPath(slug: string): string {
  return `bulletins/${slug}/`;
}
