/**
 * Every valid document with its site URL and whether this build publishes
 * it, worked out from the files alone. Link rewriting, `npm run check`, the
 * leak gate and `npm run new` read it; the document model
 * (src/lib/document-model.ts) is the one rule it shares with the pages.
 */
import type { Audience, AccessControlled } from '../access.ts';
import { placeDocument, type DocumentPlace } from '../document-model.ts';
import { entryId } from '../entry-id.ts';
import { isDocumentKind } from '../kinds.ts';
import type { LoadedEntry } from './load.ts';

/** The fields every document has after validation. */
export interface DocumentFields extends AccessControlled {
  title: string;
  date: string;
  issuer: string;
  indexNo?: string;
  publication?: string;
  issue?: number;
  [field: string]: unknown;
}

export interface IndexedDocument extends DocumentPlace {
  contentPath: string;
  displayPath: string;
  absolutePath: string;
  data: DocumentFields;
}

export interface IndexedPublication {
  slug: string;
  name: string;
  issuer: string;
  displayPath: string;
}

export interface ContentIndex {
  /** Keyed by content path, `reports/x.md`. */
  documents: Map<string, IndexedDocument>;
  /** Keyed by journal name as bulletins write it. */
  publications: Map<string, IndexedPublication>;
}

/** The entry's `slug` field as written, before validation; undefined when it has none. */
export function rawSlug(entry: LoadedEntry): unknown {
  const data = entry.yaml?.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>).slug : undefined;
}

/** The entry's id, as the collections' loader gives it to Astro: from its `slug` field, or its path in the collection folder. */
export function entryIdOf(entry: LoadedEntry): string {
  return entryId(entry.file.pathInCollection, rawSlug(entry));
}

/** Builds the index from the entries that passed their schema. */
export function buildContentIndex(entries: readonly LoadedEntry[], audience: Audience): ContentIndex {
  const valid = entries.filter((entry) => entry.validation?.success);
  const publications = new Map<string, IndexedPublication>();
  for (const entry of valid.filter((e) => e.file.collection?.name === 'publications')) {
    const data = entry.validation!.data as { name: string; issuer: string };
    publications.set(data.name, {
      slug: entryIdOf(entry),
      name: data.name,
      issuer: data.issuer,
      displayPath: entry.file.displayPath,
    });
  }
  const journalSlug = (name: string) => publications.get(name)?.slug;

  const documents = new Map<string, IndexedDocument>();
  for (const entry of valid) {
    const kind = entry.file.collection!.name;
    if (!isDocumentKind(kind)) continue;
    const data = entry.validation!.data as DocumentFields;
    documents.set(entry.file.contentPath, {
      ...placeDocument(kind, entryIdOf(entry), data, journalSlug, audience),
      contentPath: entry.file.contentPath,
      displayPath: entry.file.displayPath,
      absolutePath: entry.file.absolutePath,
      data,
    });
  }
  return { documents, publications };
}
