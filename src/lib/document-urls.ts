/**
 * Where a document lives on the site, relative to the base. The pages, the
 * internal-link rewriting and `npm run check` all use this one rule.
 */
import type { DocumentKind } from './kinds.ts';

/** What places a bulletin: its journal's slug, the year and the issue number. */
export interface BulletinPlace {
  publicationSlug: string;
  year: number;
  issue: number;
}

/**
 * `bulletins/<journal>/<year>/<issue>/` for a bulletin of a known journal,
 * `<kind>/<id>/` for everything else.
 */
export function documentUrlPath(kind: DocumentKind, id: string, bulletin?: BulletinPlace): string {
  if (kind === 'bulletins' && bulletin) return `bulletins/${bulletin.publicationSlug}/${bulletin.year}/${bulletin.issue}/`;
  return `${kind}/${id}/`;
}
