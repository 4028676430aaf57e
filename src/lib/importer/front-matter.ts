/**
 * The imported document's front matter: what the text gave, and for every
 * required field it did not give, a TODO placeholder that fails
 * `npm run check` until an editor fills it in.
 */
import { stringify } from 'yaml';
import { fieldChoices, KINDS, type DocumentKind } from '../kinds.ts';
import type { DocumentMetadata } from './metadata.ts';
import { placeholders } from './messages.ts';
import { PLACEHOLDER_PREFIX } from '../content-check/entry-problems.ts';
import { fieldLabels } from '../../translations/zh-CN.ts';

/** The placeholder of one of a kind's required fields: its own words, its choices, or its label. */
function placeholderOf(kind: DocumentKind, field: keyof typeof fieldLabels): string {
  if (Object.hasOwn(placeholders.fields, field)) return placeholders.fields[field as keyof typeof placeholders.fields];
  const choices = fieldChoices(kind, field);
  return choices ? placeholders.oneOf(choices) : placeholders.field(fieldLabels[field]);
}

/** Each kind's own required fields, none of which a document's text states reliably (src/lib/kinds.ts). */
function kindPlaceholders(kind: DocumentKind): Record<string, string> {
  return Object.fromEntries(KINDS[kind].importer.map((field) => [field, placeholderOf(kind, field)]));
}

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
    ...kindPlaceholders(kind),
    // Stated, not left to the default, so editors see the choice they are making.
    access: 'internal',
  };
  const todo = Object.entries(fields)
    .filter(([, value]) => typeof value === 'string' && value.startsWith(PLACEHOLDER_PREFIX))
    .map(([field]) => field);
  return { text: `---\n${stringify(fields, { lineWidth: 0 })}---\n`, todo };
}
