/**
 * Checks the whole content folder without building pages and reports every
 * problem at once: `npm run check` prints the result, and the content-check
 * integration runs it before `astro build` and `astro dev` start.
 */
import { existsSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type { Audience } from '../access.ts';
import { COLLECTIONS } from '../content-files/collections.ts';
import { buildContentIndex, type ContentIndex } from '../content-files/content-index.ts';
import { isCollectionEntry, listContentFiles, loadEntry, type ContentFile, type LoadedEntry } from '../content-files/load.ts';
import { createLinkResolver } from '../content-links/link-resolver.ts';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../content-files/size-limit.ts';
import { bodyTree } from './body-tree.ts';
import { crossFileProblems } from './cross-file-problems.ts';
import { entryProblems } from './entry-problems.ts';
import { indicatorProblems } from './indicator-problems.ts';
import { indicatorReferenceChecker } from './indicator-reference-problems.ts';
import { linkProblems } from './link-problems.ts';
import { markdownProblems, mdxProblems } from './mdx-problems.ts';
import { checkLabels, checkMessages } from './messages.ts';
import { byFileAndLine, type ContentProblem } from './problem.ts';
import { sameUrlProblems } from './same-url-problems.ts';
import { COMPONENT_ATTRIBUTES } from '../../user-components/attributes.ts';

export interface CheckOptions {
  contentDir: string;
  /** Which documents this build publishes; links to the others are warned about. */
  audience: Audience;
  /** The site base, for the link check. */
  base: string;
  /** The largest content file accepted, in bytes (MAX_DOCUMENT_BYTES in src/site-settings.ts). */
  maxDocumentBytes?: number;
}

export interface CheckResult {
  problems: ContentProblem[];
  errorCount: number;
  warningCount: number;
  /** Files read as content. */
  fileCount: number;
  index: ContentIndex;
  /** Every link between documents with what it resolves to (`from`, URL, resolution), one line each. */
  linkResolutions: string[];
}

/**
 * Content is read only from real files inside the content folder. Astro would
 * follow a link to a file or a folder anywhere on the machine, unscanned, so
 * a link is refused before anything reads through it.
 */
function notRealFileProblem(file: ContentFile): ContentProblem {
  if (file.type === 'symlink') {
    let target: string | undefined;
    try {
      target = readlinkSync(file.absolutePath);
    } catch {
      target = undefined;
    }
    return {
      severity: 'error',
      file: file.displayPath,
      field: checkLabels.file,
      found: target && `→ ${target}`,
      expected: checkMessages.symlink,
    };
  }
  return { severity: 'error', file: file.displayPath, field: checkLabels.file, expected: checkMessages.notRegularFile };
}

/** Files the loaders will not read: misplaced ones are errors, leftovers in a collection folder warnings. */
function strayFileProblem(file: ContentFile): ContentProblem {
  if (!file.collection) {
    return {
      severity: 'error',
      file: file.displayPath,
      field: checkLabels.folder,
      found: file.contentPath,
      expected: checkMessages.outsideCollections(COLLECTIONS.map((collection) => collection.name)),
    };
  }
  const isReview = file.absolutePath.endsWith('.review.yaml');
  return {
    severity: 'warning',
    file: file.displayPath,
    expected: isReview ? checkMessages.importReviewFile : checkMessages.notCollectionFile(file.collection.extensions),
  };
}

export function checkContent(options: CheckOptions): CheckResult {
  const contentDir = path.resolve(options.contentDir);
  if (!existsSync(contentDir)) throw new Error(`内容目录不存在（content folder not found）：${options.contentDir}`);
  // The components every MDX document may use: those with an attribute list (a unit test keeps it equal to src/user-components/).
  const provided = Object.keys(COMPONENT_ATTRIBUTES).sort();

  const maxBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;

  const files = listContentFiles(contentDir);
  const problems: ContentProblem[] = [];
  const entries: LoadedEntry[] = [];
  /** Content files with errors of their own, by content path: links to them are not called broken as well. */
  const refused = new Set<string>();
  for (const file of files) {
    if (file.type !== 'file') {
      problems.push(notRealFileProblem(file));
      refused.add(file.contentPath);
    } else if (!isCollectionEntry(file)) problems.push(strayFileProblem(file));
    else if (file.size > maxBytes) {
      // Not read at all: a file this size is a mistake, and reading it is slow.
      problems.push({
        severity: 'error',
        file: file.displayPath,
        field: checkLabels.size,
        expected: checkMessages.tooLarge(file.size, maxBytes),
      });
      refused.add(file.contentPath);
    } else entries.push(loadEntry(file));
  }
  for (const entry of entries) if (!entry.validation?.success) refused.add(entry.file.contentPath);
  const index = buildContentIndex(entries, options.audience);
  const indicatorReferenceProblems = indicatorReferenceChecker(entries, index);
  const linkResolutions: string[] = [];
  const resolveLink = createLinkResolver(index, options.base);
  const resolve: typeof resolveLink = (from, url) => {
    const resolution = resolveLink(from, url);
    linkResolutions.push(JSON.stringify([from, url, resolution]));
    // The target exists but has errors of its own, reported with it: fixing those fixes the link.
    if (resolution.type === 'missing-document' && refused.has(resolution.target)) return { type: 'other' };
    return resolution;
  };

  // Each body is parsed once for the three checks that read it (at most), and let go before the next: at 10,000
  // documents the trees would not fit in memory together. Problems are gathered in the order the checks were
  // once run in, so that a file's problems on one line keep their order.
  const ofEntries: ContentProblem[] = [];
  const references: ContentProblem[] = [];
  const links: ContentProblem[] = [];
  for (const entry of entries) {
    const body = bodyTree(entry);
    ofEntries.push(...entryProblems(entry));
    if (entry.notUtf8Line === undefined) {
      if (entry.file.extension === '.mdx') ofEntries.push(...mdxProblems(entry, provided, body));
      else if (entry.file.collection?.format === 'markdown') ofEntries.push(...markdownProblems(entry, body));
    }
    references.push(...indicatorReferenceProblems(entry, body));
    if (entry.file.collection?.format === 'markdown') links.push(...linkProblems(entry, resolve, body));
  }
  problems.push(
    ...ofEntries,
    ...sameUrlProblems(entries, options.base),
    ...crossFileProblems(entries, index),
    ...indicatorProblems(entries, index),
    ...references,
    ...links,
  );

  problems.sort(byFileAndLine);
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;
  return { problems, errorCount, warningCount: problems.length - errorCount, fileCount: entries.length, index, linkResolutions };
}
