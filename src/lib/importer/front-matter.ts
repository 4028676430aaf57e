/**
 * The imported document's front matter: what the text gave, and for every
 * required field it did not give, a TODO placeholder that fails
 * `npm run check` until an editor fills it in.
 */
import { stringify } from 'yaml';
import type { DocumentKind } from '../kinds.ts';
import { REFORM_LEVELS, REFORM_STATUSES } from '../../schemas/reform.ts';
import type { DocumentMetadata } from './metadata.ts';
import { placeholders } from './messages.ts';
import { PLACEHOLDER_PREFIX } from '../content-check/entry-problems.ts';

/** Each kind's own required fields, none of which a document's text states reliably. */
const KIND_PLACEHOLDERS: Record<DocumentKind, Record<string, string>> = {
  bulletins: { publication: placeholders.publication, issue: placeholders.issue },
  reports: {},
  summaries: { year: placeholders.year },
  reforms: { level: placeholders.oneOf(REFORM_LEVELS), status: placeholders.oneOf(REFORM_STATUSES) },
};

export interface ImportedFrontMatter {
  /** The YAML block, with its `---` lines. */
  text: string;
  /** Fields left as TODO. */
  todo: string[];
}

export function buildFrontMatter(kind: DocumentKind, metadata: DocumentMetadata): ImportedFrontMatter {
  const fields: Record<string, unknown> = {
    title: metadata.title ?? placeholders.title,
    date: metadata.date ?? placeholders.date,
    issuer: metadata.issuer ?? placeholders.issuer,
    ...(metadata.docNo ? { docNo: metadata.docNo } : {}),
    ...KIND_PLACEHOLDERS[kind],
    // Stated, not left to the default, so editors see the choice they are making.
    access: 'internal',
  };
  const todo = Object.entries(fields)
    .filter(([, value]) => typeof value === 'string' && value.startsWith(PLACEHOLDER_PREFIX))
    .map(([field]) => field);
  return { text: `---\n${stringify(fields, { lineWidth: 0 })}---\n`, todo };
}
