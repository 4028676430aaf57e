/**
 * Each document's revision history (修订记录): the dates of change read from
 * git once per build and shared by every page, with the editors' notes from
 * the document's own front matter (see src/lib/git-history.ts).
 */
import path from 'node:path';
import { readChangeDates, revisionHistory, type ChangeDates, type RevisionEntry } from '../lib/git-history.ts';
import { CONTENT_DIR } from '../site-settings.ts';
import type { SiteDocument } from './documents.ts';

let changeDates: ChangeDates | undefined;

/** The document's 修订记录, newest first; empty without git history and notes. */
export function getRevisions(doc: SiteDocument): RevisionEntry[] {
  changeDates ??= readChangeDates(CONTENT_DIR);
  const contentPath = path.relative(path.resolve(CONTENT_DIR), path.resolve(doc.filePath)).split(path.sep).join('/');
  return revisionHistory(changeDates.get(contentPath) ?? [], doc.data.revisions);
}
