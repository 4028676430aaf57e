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
import { isPublishable } from '../lib/access.ts';
import { yearOf } from '../lib/dates.ts';
import { documentUrlPath } from '../lib/document-urls.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../lib/kinds.ts';
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

export interface SiteDocument {
  kind: DocumentKind;
  /** Unique across kinds: `reports/gba-research`. */
  key: string;
  /** Site-relative URL without the base: `reports/gba-research/`. */
  path: string;
  /** Source file, relative to the repository. */
  filePath: string;
  /** Source file inside the content folder, as links between documents name it: `reports/x.md`. */
  contentPath: string;
  year: number;
  entry: DocumentEntry;
  data: DocumentEntry['data'];
  /** Set for bulletins. */
  publication: Publication | undefined;
  // Fields lifted from `data` for generic helpers (related documents, sorting).
  date: string;
  topics: readonly string[];
  keywords: readonly string[];
}

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
    // The id Astro gave the file is the slug, also when a `slug` field chose it.
    byName.set(data.name, { ...data, slug: id });
  }
  return byName;
}

function documentPath(kind: DocumentKind, entry: DocumentEntry, publication: Publication | undefined): string {
  if (kind !== 'bulletins' || !publication) return documentUrlPath(kind, entry.id);
  const data = entry.data as CollectionEntry<'bulletins'>['data'];
  return documentUrlPath(kind, entry.id, { publicationSlug: publication.slug, year: yearOf(data.date), issue: data.issue });
}

// `npm run check` and the content-check integration report these first, with
// every other problem; this is the backstop inside Astro.
function checkUniqueness(all: SiteDocument[]): void {
  const clashes = findUniquenessClashes(all);
  if (clashes.length > 0) throw new ContentError(clashes.map((clash) => clash.message).join('\n'));
}

async function loadEveryDocument(): Promise<SiteDocument[]> {
  const publications = await loadPublications();
  const all: SiteDocument[] = [];
  for (const kind of DOCUMENT_KINDS) {
    for (const entry of await getCollection(kind)) {
      const filePath = entry.filePath ?? `${kind}/${entry.id}`;
      let publication: Publication | undefined;
      if (kind === 'bulletins') {
        const name = (entry.data as CollectionEntry<'bulletins'>['data']).publication;
        publication = publications.get(name);
        if (!publication) {
          throw new ContentError(
            `${filePath}: publication（刊物）“${name}”不在 content/publications/ 中；可选：${[...publications.keys()].join('、') || '（无）'}`,
          );
        }
      }
      all.push({
        kind,
        key: `${kind}/${entry.id}`,
        path: documentPath(kind, entry, publication),
        filePath,
        contentPath: path.relative(path.resolve(CONTENT_DIR), path.resolve(filePath)).split(path.sep).join('/'),
        year: yearOf(entry.data.date),
        entry,
        data: entry.data,
        publication,
        date: entry.data.date,
        topics: entry.data.topics,
        keywords: entry.data.keywords,
      });
    }
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
  return (await everyDocument).filter((doc) => isPublishable(doc.data, SITE_AUDIENCE)).sort(newestFirst);
}

let cached: Promise<SiteDocument[]> | undefined;

/** Every publishable document, newest first. */
export function getDocuments(): Promise<SiteDocument[]> {
  cached ??= loadDocuments();
  return cached;
}

export async function getDocumentsOfKind(kind: DocumentKind): Promise<SiteDocument[]> {
  return (await getDocuments()).filter((doc) => doc.kind === kind);
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
    const linking = docs.map((other) => ({ doc: other, contentPath: other.contentPath, urlPath: other.path, body: other.entry.body ?? '' }));
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

export function issueOf(doc: SiteDocument): number {
  return (doc.data as CollectionEntry<'bulletins'>['data']).issue;
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
