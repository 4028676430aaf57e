/**
 * The content folders and the schema each one is validated with, for the
 * tools that read content without running Astro (`npm run check`, link
 * rewriting, `npm run new`). The schemas are the ones `src/content.config.ts`
 * gives Astro, imported, never copied; a unit test keeps the two lists equal.
 */
import type { z } from 'astro/zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../kinds.ts';
import { bulletinSchema } from '../../schemas/bulletin.ts';
import { reportSchema } from '../../schemas/report.ts';
import { summarySchema } from '../../schemas/summary.ts';
import { reformSchema } from '../../schemas/reform.ts';
import { publicationSchema } from '../../schemas/publication.ts';
import { indicatorGroupSchema } from '../../schemas/indicator.ts';

export interface CollectionSpec {
  /** Collection name in `src/content.config.ts`, and its folder under `content/`. */
  name: string;
  /** File extensions the collection's loader reads, lower case with the dot. */
  extensions: readonly string[];
  /** Markdown documents have front matter and a body; data files are all YAML. */
  format: 'markdown' | 'yaml';
  schema: z.ZodType;
}

const DOCUMENT_SCHEMAS: Record<DocumentKind, z.ZodType> = {
  bulletins: bulletinSchema,
  reports: reportSchema,
  summaries: summarySchema,
  reforms: reformSchema,
};

const MARKDOWN_EXTENSIONS = ['.md', '.mdx'] as const;
const YAML_EXTENSIONS = ['.yaml', '.yml'] as const;

export const COLLECTIONS: readonly CollectionSpec[] = [
  ...DOCUMENT_KINDS.map((kind) => ({
    name: kind,
    extensions: MARKDOWN_EXTENSIONS,
    format: 'markdown' as const,
    schema: DOCUMENT_SCHEMAS[kind],
  })),
  { name: 'publications', extensions: YAML_EXTENSIONS, format: 'yaml', schema: publicationSchema },
  { name: 'indicators', extensions: YAML_EXTENSIONS, format: 'yaml', schema: indicatorGroupSchema },
];
