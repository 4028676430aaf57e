/**
 * The content collections: one per kind of document (src/lib/kinds.ts), plus
 * the journals and the indicators as data. `src/content.config.ts` gives
 * Astro these, and the tools that read content without running Astro
 * (`npm run check`, link rewriting, `npm run new`) read the same list, so
 * the two cannot differ.
 */
import type { z } from 'astro/zod';
import { entryId } from '../entry-id.ts';
import { DOCUMENT_KINDS, KINDS } from '../kinds.ts';
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

const MARKDOWN_EXTENSIONS = ['.md', '.mdx'] as const;
const YAML_EXTENSIONS = ['.yaml', '.yml'] as const;

export const COLLECTIONS: readonly CollectionSpec[] = [
  ...DOCUMENT_KINDS.map((kind) => ({
    name: kind,
    extensions: MARKDOWN_EXTENSIONS,
    format: 'markdown' as const,
    schema: KINDS[kind].schema,
  })),
  { name: 'publications', extensions: YAML_EXTENSIONS, format: 'yaml', schema: publicationSchema },
  // One YAML file per group of indicators; each file holds several, keyed by id.
  { name: 'indicators', extensions: YAML_EXTENSIONS, format: 'yaml', schema: indicatorGroupSchema },
];

/** The options of Astro's `glob()` loader, in its public shape (astro/loaders `GlobOptions`). */
export interface CollectionGlobOptions {
  pattern: string;
  base: string;
  generateId: (options: { entry: string; data: Record<string, unknown> }) => string;
}

/**
 * What Astro's `glob()` loader is given for a collection: its folder, its
 * extensions and our own id function, so that the id Astro stores (and the
 * URL made from it) is the one `npm run check` works out, by construction.
 */
export function collectionGlobOptions(spec: CollectionSpec, contentDir: string): CollectionGlobOptions {
  const extensions = spec.extensions.map((extension) => extension.slice(1));
  return {
    pattern: `**/*.{${extensions.join(',')}}`,
    base: `${contentDir}/${spec.name}`,
    generateId: ({ entry, data }) => entryId(entry, data.slug),
  };
}

export function collectionSpec(name: string): CollectionSpec {
  const spec = COLLECTIONS.find((collection) => collection.name === name);
  if (!spec) throw new Error(`no collection ${name}`);
  return spec;
}
