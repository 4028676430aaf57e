/**
 * Content collections, built from the registry of kinds (src/lib/kinds.ts)
 * and the collection list the content check reads
 * (src/lib/content-files/collections.ts): one per kind of document, each a
 * folder of `.md`/`.mdx` files under `content/`, plus the journals and the
 * indicators as data. Nothing here names a kind.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { CONTENT_DIR } from './site-settings.ts';
import { collectionGlobOptions, collectionSpec } from './lib/content-files/collections.ts';
import { DOCUMENT_KINDS, KINDS, type DocumentKind } from './lib/kinds.ts';
import { publicationSchema } from './schemas/publication.ts';
import { indicatorGroupSchema } from './schemas/indicator.ts';

function collection<Schema extends z.ZodType>(name: string, schema: Schema) {
  return defineCollection({ loader: glob(collectionGlobOptions(collectionSpec(name), CONTENT_DIR)), schema });
}

/** One collection per kind; the type keeps each kind's schema, which `CollectionEntry<kind>` is inferred from. */
type DocumentCollections = {
  [K in DocumentKind]: Omit<ReturnType<typeof defineCollection>, 'schema'> & { schema: (typeof KINDS)[K]['schema'] };
};

export const collections = {
  ...(Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, collection(kind, KINDS[kind].schema)])) as DocumentCollections),
  publications: collection('publications', publicationSchema),
  // One YAML file per group of indicators; each file holds several, keyed by id.
  indicators: collection('indicators', indicatorGroupSchema),
};
