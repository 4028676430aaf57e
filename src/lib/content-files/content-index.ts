/**
 * Every valid document with its site URL and whether this build publishes
 * it, worked out from the files alone. Link rewriting and `npm run check`
 * read it; `src/data/documents.ts` applies the same rules inside Astro.
 */
import { isPublishable, type Audience, type AccessControlled } from '../access.ts';
import { yearOf } from '../dates.ts';
import { documentUrlPath } from '../document-urls.ts';
import { entryId } from '../entry-id.ts';
import { isDocumentKind, type DocumentKind } from '../kinds.ts';
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

export interface IndexedDocument {
  kind: DocumentKind;
  contentPath: string;
  displayPath: string;
  absolutePath: string;
  /** Astro's entry id. */
  id: string;
  data: DocumentFields;
  /** Site path without the base; undefined for a bulletin of an unknown journal. */
  urlPath: string | undefined;
  publishable: boolean;
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

function rawSlug(entry: LoadedEntry): unknown {
  const data = entry.yaml?.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>).slug : undefined;
}

/** The id Astro's glob loader gives the entry: from its `slug` field, or its path in the collection folder. */
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

  const documents = new Map<string, IndexedDocument>();
  for (const entry of valid) {
    const kind = entry.file.collection!.name;
    if (!isDocumentKind(kind)) continue;
    const data = entry.validation!.data as DocumentFields;
    const id = entryIdOf(entry);
    const publication = data.publication === undefined ? undefined : publications.get(data.publication);
    const urlPath =
      kind !== 'bulletins'
        ? documentUrlPath(kind, id)
        : publication && data.issue !== undefined
          ? documentUrlPath(kind, id, { publicationSlug: publication.slug, year: yearOf(data.date), issue: data.issue })
          : undefined;
    documents.set(entry.file.contentPath, {
      kind,
      contentPath: entry.file.contentPath,
      displayPath: entry.file.displayPath,
      absolutePath: entry.file.absolutePath,
      id,
      data,
      urlPath,
      publishable: isPublishable(data, audience),
    });
  }
  return { documents, publications };
}
