/**
 * `npm run new`: a new document's file, valid from the start. The editor
 * gives the title, the date and, for a bulletin, the journal; everything
 * else is worked out from the content that exists: the file name, the next
 * issue number of that journal and year, the issuer (the journal's, or the
 * one this kind of document usually has). It starts as a draft, so nothing
 * half-written is published.
 */
import { stringify } from 'yaml';
import type { ContentIndex, IndexedPublication } from '../content-files/content-index.ts';
import { isCalendarDate, yearOf } from '../dates.ts';
import { fieldChoices, isJournalKind, KINDS, type DocumentKind } from '../kinds.ts';
import { slugify } from '../slug.ts';
import { scaffoldMessages } from './messages.ts';

const MAX_TITLE_IN_NAME = 30;

export interface NewDocumentAnswers {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** For bulletins: the journal's name or slug. */
  journal?: string | undefined;
  /** Only needed when no existing document shows who issues this kind. */
  issuer?: string | undefined;
}

export interface NewDocumentPlan {
  /** Path inside the content folder: `bulletins/guangming-xinxi-2021-3.md`. */
  contentPath: string;
  text: string;
}

export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

/** The journal an editor named by name, slug or number in the list. */
export function findJournal(index: ContentIndex, answer: string): IndexedPublication | undefined {
  const journals = [...index.publications.values()];
  const trimmed = answer.trim().replace(/^《|》$/g, '');
  return journals.find((j) => j.name === trimmed || j.slug === trimmed) ?? journals[Number(trimmed) - 1];
}

/** The issuer most documents of this kind name, or of any kind when there are none. */
export function usualIssuer(index: ContentIndex, kind: DocumentKind): string | undefined {
  const documents = [...index.documents.values()];
  const ofKind = documents.filter((doc) => doc.kind === kind);
  const counts = new Map<string, number>();
  for (const doc of ofKind.length > 0 ? ofKind : documents) counts.set(doc.data.issuer, (counts.get(doc.data.issuer) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** One more than the highest issue of that journal in that year, drafts included. */
export function nextIssue(index: ContentIndex, journal: string, year: number): number {
  const issues = [...index.documents.values()]
    .filter((doc) => isJournalKind(doc.kind) && doc.data.publication === journal && yearOf(doc.data.date) === year)
    .map((doc) => doc.data.issue ?? 0);
  return Math.max(0, ...issues) + 1;
}

/** A file name not yet taken in the folder: `name.md`, else `name-2.md`… */
function freeName(index: ContentIndex, folder: string, base: string, taken: (contentPath: string) => boolean): string {
  for (let n = 1; ; n++) {
    const contentPath = `${folder}/${n === 1 ? base : `${base}-${n}`}.md`;
    if (!index.documents.has(contentPath) && !taken(contentPath)) return contentPath;
  }
}

export function planNewDocument(
  kind: DocumentKind,
  answers: NewDocumentAnswers,
  index: ContentIndex,
  taken: (contentPath: string) => boolean,
): NewDocumentPlan {
  const title = answers.title.trim();
  if (!title) throw new ScaffoldError(scaffoldMessages.titleRequired);
  if (!isCalendarDate(answers.date)) throw new ScaffoldError(scaffoldMessages.badDate(answers.date));
  const year = yearOf(answers.date);

  // The kind's own fields, as its registry entry writes them (src/lib/kinds.ts).
  let kindFields: Record<string, unknown> = KINDS[kind].scaffold({ year });
  let issuer = answers.issuer?.trim() || undefined;
  // Long titles make unwieldy URLs; the start of the title is enough to recognise the file.
  let baseName = `${answers.date}-${slugify(title).slice(0, MAX_TITLE_IN_NAME).replace(/-+$/, '')}`;
  if (isJournalKind(kind)) {
    // An issue of a journal: the editor names the journal; the number, the issuer and the file name follow.
    const journal = answers.journal === undefined ? undefined : findJournal(index, answers.journal);
    if (!journal) throw new ScaffoldError(scaffoldMessages.unknownJournal(answers.journal ?? '', [...index.publications.keys()]));
    const issue = nextIssue(index, journal.name, year);
    kindFields = { publication: journal.name, issue, ...kindFields };
    issuer ??= journal.issuer;
    baseName = `${journal.slug}-${year}-${issue}`;
  }
  issuer ??= usualIssuer(index, kind);
  if (!issuer) throw new ScaffoldError(scaffoldMessages.issuerRequired);

  const fields = { title, date: answers.date, issuer, ...kindFields, access: 'internal', draft: true };
  const comments = [
    scaffoldMessages.draftComment,
    // A field with a list of choices gets the list, so the editor sees the alternatives to the one written.
    ...Object.keys(kindFields).flatMap((field) => {
      const choices = fieldChoices(kind, field);
      return choices ? [scaffoldMessages.choicesComment(field, choices)] : [];
    }),
  ];
  const yaml = `${comments.map((line) => `# ${line}`).join('\n')}\n${stringify(fields, { lineWidth: 0 })}`;
  return {
    contentPath: freeName(index, kind, baseName, taken),
    text: `---\n${yaml}---\n\n${scaffoldMessages.bodyPlaceholder}\n`,
  };
}
