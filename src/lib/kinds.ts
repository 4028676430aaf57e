/**
 * The registry of document kinds: everything the code knows about a kind
 * that is not its schema (src/schemas/) or its words (src/translations/).
 * Adding a kind is those three files (README.md, 新增文档类别); every list of
 * kinds in the code (the content collections, `npm run check`, `npm run new`,
 * `npm run import`, the metadata block, the URLs, the pages) reads this one.
 *
 * A kind's key is at once its content collection, its folder under
 * `content/` and the first segment of its URLs.
 */
import { z } from 'astro/zod';
import { bulletinSchema } from '../schemas/bulletin.ts';
import { reformSchema } from '../schemas/reform.ts';
import { reportSchema } from '../schemas/report.ts';
import { summarySchema } from '../schemas/summary.ts';
import type { fieldLabels } from '../translations/zh-CN.ts';

/**
 * How a kind's documents are addressed, without the base:
 * - `id`: `<kind>/<entry id>/`, the id from the file name or its `slug` field (src/lib/entry-id.ts);
 * - `journal-issue`: `<kind>/<journal slug>/<year>/<issue>/`, for numbered issues of a journal
 *   (`publication` names a file in `content/publications/`, `issue` the number within the year).
 *   Its pages are the bulletins' routes (src/pages/bulletins/): a second journal kind needs routes of its own.
 */
export type UrlPattern = 'id' | 'journal-issue';

/** What `npm run new` needs to know to write the kind's own fields. */
interface ScaffoldContext {
  /** The year of the new document's date. */
  year: number;
}

/** One kind of document. `Schema` is its zod schema, so field names are checked against it. */
export interface KindSpec<Schema extends z.ZodObject = z.ZodObject> {
  /** The schema of its front matter: the shared base plus its own fields (src/schemas/). */
  schema: Schema;
  /** How its pages are addressed (see `UrlPattern`). */
  url: UrlPattern;
  /**
   * Its own fields in the order the metadata block (文档信息) shows them, after the
   * shared ones. Each needs a label in `fieldLabels` (src/translations/zh-CN.ts).
   */
  fields: readonly (keyof z.output<Schema> & keyof typeof fieldLabels)[];
  /**
   * The own fields `npm run new` writes, for the new document's year. A field
   * whose schema is a list of choices gets a comment listing them.
   */
  scaffold: (context: ScaffoldContext) => Partial<z.input<Schema>>;
  /**
   * Its required fields that `npm run import` cannot read from a document's
   * text: each gets a TODO placeholder that `npm run check` rejects until an
   * editor fills it in.
   */
  importer: readonly (keyof z.output<Schema> & keyof typeof fieldLabels)[];
}

/** Keeps each entry's schema type, so `KindData<'reforms'>` knows `status`. */
function kind<Schema extends z.ZodObject>(spec: KindSpec<Schema>): KindSpec<Schema> {
  return spec;
}

/** Every kind, in the order the site lists them (navigation, home page, search facet). */
export const KINDS = {
  /** 简报内刊: numbered issues of internal journals. */
  bulletins: kind({
    schema: bulletinSchema,
    url: 'journal-issue',
    fields: ['publication', 'issue', 'totalIssue'],
    // The journal, the next issue number and the issuer come from the editor's choice of journal (src/lib/scaffold/).
    scaffold: () => ({}),
    importer: ['publication', 'issue'],
  }),
  /** 调研报告. */
  reports: kind({
    schema: reportSchema,
    url: 'id',
    fields: ['department', 'authors'],
    scaffold: () => ({}),
    importer: [],
  }),
  /** 年度工作总结/计划. */
  summaries: kind({
    schema: summarySchema,
    url: 'id',
    fields: ['year', 'department'],
    scaffold: ({ year }) => ({ year }),
    importer: ['year'],
  }),
  /** 改革事项. */
  reforms: kind({
    schema: reformSchema,
    url: 'id',
    fields: ['level', 'status', 'lead', 'startYear', 'measures', 'outcomes'],
    // A new reform is usually a district one still being planned; the comment lists the other choices.
    scaffold: () => ({ level: '区级', status: '谋划中' }) as const,
    importer: ['level', 'status'],
  }),
};

export type DocumentKind = keyof typeof KINDS;

/** The kinds in registry order. */
export const DOCUMENT_KINDS = Object.keys(KINDS) as DocumentKind[];

/** A document's front matter after validation, by kind. */
export type KindData<K extends DocumentKind> = z.output<(typeof KINDS)[K]['schema']>;

export function isDocumentKind(value: string): value is DocumentKind {
  return Object.hasOwn(KINDS, value);
}

/** The kinds whose documents are issues of a journal (`journal-issue` URLs), such as bulletins. */
export function isJournalKind(kind: DocumentKind): boolean {
  return KINDS[kind].url === 'journal-issue';
}

/** For the `default` of an exhaustive `switch`: TypeScript fails the build when a case is missing. */
export function unreachable(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}

/** The values a kind's field may take, when its schema is a list of choices (`z.enum`): reforms' `level`. */
export function fieldChoices(kind: DocumentKind, field: string): readonly string[] | undefined {
  const shape: Record<string, unknown> = KINDS[kind].schema.shape;
  const fieldSchema = shape[field];
  return fieldSchema instanceof z.ZodEnum ? (fieldSchema.options as readonly string[]) : undefined;
}
