/**
 * Access rules: which documents a build may publish.
 *
 * A build has an audience. `restricted` and `draft` documents are never
 * published; a `public` build also leaves out `internal` documents.
 */

export const AUDIENCES = ['internal', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export interface AccessControlled {
  access: AccessLevel;
  draft: boolean;
}

/** Parses the `SITE_AUDIENCE` value; unset means the intranet. */
export function parseAudience(value: string | undefined): Audience {
  if (value === undefined || value === '') return 'internal';
  if ((AUDIENCES as readonly string[]).includes(value)) return value as Audience;
  throw new Error(
    `SITE_AUDIENCE 的值“${value}”无效，应为 ${AUDIENCES.join(' 或 ')}（invalid SITE_AUDIENCE, expected ${AUDIENCES.join(' or ')}）`,
  );
}

/** True when a document may appear anywhere in a build for `audience`. */
export function isPublishable(doc: AccessControlled, audience: Audience): boolean {
  if (doc.draft) return false;
  if (doc.access === 'restricted') return false;
  if (audience === 'public') return doc.access === 'public';
  return true;
}
