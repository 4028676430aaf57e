/**
 * Checks the whole content folder without building pages and reports every
 * problem at once: `npm run check` prints the result, and the content-check
 * integration runs it before `astro build` and `astro dev` start.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Audience } from '../access.ts';
import { COLLECTIONS } from '../content-files/collections.ts';
import { buildContentIndex, type ContentIndex } from '../content-files/content-index.ts';
import { isCollectionEntry, listContentFiles, loadEntry, type ContentFile, type LoadedEntry } from '../content-files/load.ts';
import { createLinkResolver } from '../content-links/link-resolver.ts';
import { crossFileProblems } from './cross-file-problems.ts';
import { entryProblems } from './entry-problems.ts';
import { indicatorProblems } from './indicator-problems.ts';
import { linkProblems } from './link-problems.ts';
import { markdownProblems, mdxProblems, providedComponents } from './mdx-problems.ts';
import { checkLabels, checkMessages } from './messages.ts';
import { byFileAndLine, type ContentProblem } from './problem.ts';

export interface CheckOptions {
  contentDir: string;
  /** Which documents this build publishes; links to the others are warned about. */
  audience: Audience;
  /** The site base, for the link check. */
  base: string;
  /** Where the components every MDX document may use live. */
  userComponentsDir?: string;
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
  const provided = providedComponents(options.userComponentsDir ?? path.resolve('src/user-components'));

  const files = listContentFiles(contentDir);
  const problems: ContentProblem[] = files.filter((file) => !isCollectionEntry(file)).map(strayFileProblem);
  const entries: LoadedEntry[] = files.filter(isCollectionEntry).map(loadEntry);
  for (const entry of entries) {
    problems.push(...entryProblems(entry));
    if (entry.file.extension === '.mdx') problems.push(...mdxProblems(entry, provided));
    else if (entry.file.collection?.format === 'markdown') problems.push(...markdownProblems(entry));
  }

  const index = buildContentIndex(entries, options.audience);
  problems.push(...crossFileProblems(entries, index), ...indicatorProblems(entries, index));
  const linkResolutions: string[] = [];
  const resolveLink = createLinkResolver(index, options.base);
  const resolve: typeof resolveLink = (from, url) => {
    const resolution = resolveLink(from, url);
    linkResolutions.push(JSON.stringify([from, url, resolution]));
    return resolution;
  };
  for (const entry of entries) {
    if (entry.file.collection?.format === 'markdown') problems.push(...linkProblems(entry, resolve));
  }

  problems.sort(byFileAndLine);
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;
  return { problems, errorCount, warningCount: problems.length - errorCount, fileCount: entries.length, index, linkResolutions };
}
