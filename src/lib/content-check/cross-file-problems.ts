/** Problems no single file shows: an unknown journal, a clash of issue numbers or 索引号. */
import { yearOf } from '../dates.ts';
import type { ContentIndex } from '../content-files/content-index.ts';
import type { LoadedEntry } from '../content-files/load.ts';
import { findUniquenessClashes, type KeyedDocument } from '../unique-keys.ts';
import { PLACEHOLDER_PREFIX } from './entry-problems.ts';
import { checkMessages } from './messages.ts';
import type { ContentProblem } from './problem.ts';

export function crossFileProblems(entries: readonly LoadedEntry[], index: ContentIndex): ContentProblem[] {
  const entryAt = new Map(entries.map((entry) => [entry.file.displayPath, entry]));
  const lineOf = (file: string, field: string) => entryAt.get(file)?.yaml?.lineOf([field]);
  const problems: ContentProblem[] = [];

  const keyed: KeyedDocument[] = [];
  for (const doc of index.documents.values()) {
    const publication = doc.data.publication;
    if (doc.kind === 'bulletins' && publication !== undefined && !index.publications.has(publication)) {
      if (!publication.startsWith(PLACEHOLDER_PREFIX)) {
        problems.push({
          severity: 'error',
          file: doc.displayPath,
          line: lineOf(doc.displayPath, 'publication'),
          field: 'publication',
          found: publication,
          expected: checkMessages.unknownPublication([...index.publications.keys()]),
        });
      }
    }
    if (doc.urlPath !== undefined) {
      keyed.push({ kind: doc.kind, filePath: doc.displayPath, path: doc.urlPath, year: yearOf(doc.data.date), data: doc.data });
    }
  }

  for (const clash of findUniquenessClashes(keyed)) {
    for (const file of clash.files) {
      const others = clash.files.filter((other) => other !== file);
      problems.push({
        severity: 'error',
        file,
        line: lineOf(file, clash.field),
        field: clash.field,
        found: clash.value,
        expected: clash.field === 'issue' ? checkMessages.duplicateIssue(others) : checkMessages.duplicateIndexNo(others),
      });
    }
  }
  return problems;
}
