/**
 * The site's document model: every publishable document of every kind, with
 * its URL, year and journal, read once per build and shared by all pages.
 *
 * This is the access gate's single entry point: pages, listings, feeds and the
 * search index all read documents from here, never from `getCollection`.
 */
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { RELATED_LIMIT } from '../consts.ts';
import { placeDocument } from '../lib/document-model.ts';
import { DOCUMENT_KINDS, isJournalKind, type DocumentKind } from '../lib/kinds.ts';
import { buildBacklinks } from '../lib/content-links/backlinks.ts';
import { buildRelatedIndex } from '../lib/related.ts';
import { slugify } from '../lib/slug.ts';
import { findUniquenessClashes } from '../lib/unique-keys.ts';
import { CONTENT_DIR, SITE_AUDIENCE, SITE_BASE } from '../site-settings.ts';
import type { PublicationData } from '../schemas/publication.ts';

export type DocumentEntry = CollectionEntry<DocumentKind>;

export interface Publication extends PublicationData {
  /** URL slug, from the file name in `content/publications/`. */
  slug: string;
}

/** A document of one kind; `SiteDocument` is the union of these, told apart by `kind`. */
export interface SiteDocumentOf<K extends DocumentKind> {
  kind: K;
  /** Unique across kinds: `reports/gba-research`. */
  key: string;
  /** Site-relative URL without the base: `reports/gba-research/`. */
  path: string;
  /** Source file, relative to the repository. */
  filePath: string;
  /** Source file inside the content folder, as links between documents name it: `reports/x.md`. */
  contentPath: string;
  year: number;
  /** Whether this build publishes it: true for every document `getDocuments()` gives. */
  publishable: boolean;
  entry: CollectionEntry<K>;
  data: CollectionEntry<K>['data'];
  /** The journal, for an issue of one (bulletins); undefined for every other kind. */
  publication: Publication | undefined;
  // Fields lifted from `data` for generic helpers (related documents, sorting).
  date: string;
  topics: readonly string[];
  keywords: readonly string[];
}

/** Every publishable document: `doc.kind === 'reforms'` narrows `doc.data` to a reform's fields. */
export type SiteDocument = { [K in DocumentKind]: SiteDocumentOf<K> }[DocumentKind];

/** A content error that names the files involved; fails the build. */
export class ContentError extends Error {
  override name = 'ContentError';
}

function newestFirst(a: SiteDocument, b: SiteDocument): number {
  return b.date.localeCompare(a.date) || a.key.localeCompare(b.key);
}

async function loadPublications(): Promise<Map<string, Publication>> {
  const entries = await getCollection('publications');
  const byName = new Map<string, Publication>();
  for (const { id, data } of entries) {
    // The id the loader gave the file is the slug, also when a `slug` field chose it.
    byName.set(data.name, { ...data, slug: id });
  }
  return byName;
}

// `npm run check` and the content-check integration report these first, with
// every other problem; this is the backstop inside Astro.
function checkUniqueness(all: SiteDocument[]): void {
  const clashes = findUniquenessClashes(all);
  if (clashes.length > 0) throw new ContentError(clashes.map((clash) => clash.message).join('\n'));
}

/** The site document of one collection entry, by the document model (src/lib/document-model.ts). */
function siteDocument<K extends DocumentKind>(
  kind: K,
  entry: CollectionEntry<K>,
  publications: Map<string, Publication>,
): SiteDocumentOf<K> {
  const filePath = entry.filePath ?? `${kind}/${entry.id}`;
  const data: CollectionEntry<K>['data'] = entry.data;
  let publication: Publication | undefined;
  if (isJournalKind(kind)) {
    const name = 'publication' in data ? data.publication : undefined;
    publication = name === undefined ? undefined : publications.get(name);
    if (!publication) {
      throw new ContentError(
        `${filePath}: publication（刊物）“${name}”不在 content/publications/ 中；可选：${[...publications.keys()].join('、') || '（无）'}`,
      );
    }
  }
  const place = placeDocument(kind, entry.id, data, (name) => publications.get(name)?.slug, SITE_AUDIENCE);
  // Only an issue of an unknown journal has no URL, and that was refused above.
  if (place.urlPath === undefined) throw new ContentError(`${filePath}: no URL for this document`);
  return {
    kind,
    key: place.key,
    path: place.urlPath,
    filePath,
    contentPath: path.relative(path.resolve(CONTENT_DIR), path.resolve(filePath)).split(path.sep).join('/'),
    year: place.year,
    publishable: place.publishable,
    entry,
    data,
    publication,
    date: data.date,
    topics: data.topics,
    keywords: data.keywords,
  };
}

async function loadEveryDocument(): Promise<SiteDocument[]> {
  const publications = await loadPublications();
  const all: SiteDocument[] = [];
  for (const kind of DOCUMENT_KINDS) {
    // TypeScript cannot tell that a document of the loop's `kind` is one member of the union.
    for (const entry of await getCollection(kind)) all.push(siteDocument(kind, entry, publications) as SiteDocument);
  }
  // Uniqueness is checked over every file, published or not: two files may
  // not claim one issue number even if one of them is still a draft.
  checkUniqueness(all);
  return all;
}

let everyDocument: Promise<SiteDocument[]> | undefined;

/**
 * Keys of every document, published in this build or not: references (an
 * indicator's `source`) are checked against these, but link only to what
 * `getDocuments()` publishes.
 */
export async function getEveryDocumentKey(): Promise<Set<string>> {
  everyDocument ??= loadEveryDocument();
  return new Set((await everyDocument).map((doc) => doc.key));
}

async function loadDocuments(): Promise<SiteDocument[]> {
  everyDocument ??= loadEveryDocument();
  return (await everyDocument).filter((doc) => doc.publishable).sort(newestFirst);
}

let cached: Promise<SiteDocument[]> | undefined;

/** Every publishable document, newest first. */
export function getDocuments(): Promise<SiteDocument[]> {
  cached ??= loadDocuments();
  return cached;
}

/** The publishable documents of one kind, newest first, typed as that kind's. */
export async function getDocumentsOfKind<K extends DocumentKind>(kind: K): Promise<Extract<SiteDocument, { kind: K }>[]> {
  return (await getDocuments()).filter((doc): doc is Extract<SiteDocument, { kind: K }> => doc.kind === kind);
}

/** Journals with at least one published issue, keyed by slug. */
export async function getPublications(): Promise<Publication[]> {
  const seen = new Map<string, Publication>();
  for (const doc of await getDocuments()) {
    if (doc.publication) seen.set(doc.publication.slug, doc.publication);
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

let relatedIndex: Promise<(doc: SiteDocument, limit?: number) => SiteDocument[]> | undefined;
const relatedByDocument = new WeakMap<SiteDocument, SiteDocument[]>();

/**
 * The documents shown as related to `doc` (相关文档): those that share topics
 * or keywords with it, at most `RELATED_LIMIT`. Worked out once per document:
 * its page's cache key and its page both ask.
 */
export async function getRelated(doc: SiteDocument): Promise<SiteDocument[]> {
  relatedIndex ??= getDocuments().then((docs) => buildRelatedIndex(docs));
  const relatedTo = await relatedIndex;
  let related = relatedByDocument.get(doc);
  if (!related) {
    related = relatedTo(doc, RELATED_LIMIT);
    relatedByDocument.set(doc, related);
  }
  return related;
}

let backlinks: Promise<Map<string, SiteDocument[]>> | undefined;

/**
 * The documents that link to `doc` (引用本文的文档), newest first. Built from
 * the published documents only, so a draft or restricted document that
 * links here is never among them.
 */
export async function getBacklinks(doc: SiteDocument): Promise<SiteDocument[]> {
  backlinks ??= getDocuments().then((docs) => {
    const linking = docs.map((other) => ({
      doc: other,
      contentPath: other.contentPath,
      urlPath: other.path,
      body: other.entry.body ?? '',
    }));
    const byTarget = buildBacklinks(linking, SITE_BASE);
    return new Map([...byTarget].map(([target, sources]) => [target, sources.map((source) => source.doc)]));
  });
  return (await backlinks).get(doc.contentPath) ?? [];
}

let issuesByJournal: Promise<Map<string, SiteDocument[]>> | undefined;

/** Each journal's issues in order, worked out once: every bulletin page asks. */
async function loadIssuesByJournal(): Promise<Map<string, SiteDocument[]>> {
  const byJournal = new Map<string, SiteDocument[]>();
  for (const doc of await getDocumentsOfKind('bulletins')) {
    const issues = byJournal.get(doc.publication!.slug);
    if (issues) issues.push(doc);
    else byJournal.set(doc.publication!.slug, [doc]);
  }
  for (const issues of byJournal.values()) issues.sort((a, b) => a.date.localeCompare(b.date) || issueOf(a) - issueOf(b));
  return byJournal;
}

/** The previous and next issue of the same journal, by date and issue number. */
export async function getAdjacentIssues(doc: SiteDocument) {
  if (!doc.publication) return { previous: undefined, next: undefined };
  issuesByJournal ??= loadIssuesByJournal();
  const issues = (await issuesByJournal).get(doc.publication.slug) ?? [];
  const index = issues.indexOf(doc);
  return { previous: issues[index - 1], next: issues[index + 1] };
}

/** The issue number of an issue of a journal (a bulletin). */
export function issueOf(doc: SiteDocument): number {
  if (!('issue' in doc.data)) throw new Error(`${doc.key} is not an issue of a journal`);
  return doc.data.issue;
}

/** Distinct values with their documents, for the issuer and topic pages. */
export async function groupDocuments(labelsOf: (doc: SiteDocument) => readonly string[]) {
  const groups = new Map<string, { name: string; slug: string; docs: SiteDocument[] }>();
  for (const doc of await getDocuments()) {
    for (const name of new Set(labelsOf(doc))) {
      const slug = slugify(name);
      const group = groups.get(slug) ?? { name, slug, docs: [] };
      group.docs.push(doc);
      groups.set(slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.docs.length - a.docs.length || a.name.localeCompare(b.name, 'zh-CN'));
}
