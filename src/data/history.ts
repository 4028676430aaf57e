/**
 * Each document's revision history, read from git once per build and shared
 * by every page (see src/lib/git-history.ts).
 */
import path from 'node:path';
import { readRevisionLog, type Revision, type RevisionLog } from '../lib/git-history.ts';
import { CONTENT_DIR } from '../site-settings.ts';
import type { SiteDocument } from './documents.ts';

let log: RevisionLog | undefined;

/** Commits that changed the document's file, newest first; empty without git history. */
export function getRevisions(doc: SiteDocument): readonly Revision[] {
  log ??= readRevisionLog(CONTENT_DIR);
  const contentPath = path.relative(path.resolve(CONTENT_DIR), path.resolve(doc.filePath)).split(path.sep).join('/');
  return log.get(contentPath) ?? [];
}
