/**
 * Keys two documents may not share: a journal's issue (its URL) and the
 * 索引号. Checked over every file, published or not: two files may not claim
 * one issue number even if one of them is still a draft.
 */
import { findDuplicates } from './duplicates.ts';
import { isJournalKind, type DocumentKind } from './kinds.ts';

export interface KeyedDocument {
  kind: DocumentKind;
  /** Source file as editors see it. */
  filePath: string;
  /** Site path; a bulletin's encodes journal, year and issue. */
  path: string;
  year: number;
  data: { indexNo?: string | undefined; publication?: string; issue?: number };
}

export interface UniquenessClash {
  field: 'issue' | 'indexNo';
  value: string;
  files: string[];
  message: string;
}

export function findUniquenessClashes(documents: readonly KeyedDocument[]): UniquenessClash[] {
  const issueClashes = findDuplicates(
    documents.filter((doc) => isJournalKind(doc.kind)),
    (doc) => doc.path,
  ).map((group): UniquenessClash => {
    const { publication, issue } = group[0]!.data;
    const files = group.map((doc) => doc.filePath);
    return {
      field: 'issue',
      value: String(issue),
      files,
      message: `期号重复（duplicate bulletin issue）：《${publication}》${group[0]!.year}年第${issue}期 同时出现在 ${files.join(' 和 ')}`,
    };
  });
  const indexNoClashes = findDuplicates(documents, (doc) => doc.data.indexNo).map((group): UniquenessClash => {
    const files = group.map((doc) => doc.filePath);
    const value = group[0]!.data.indexNo!;
    return {
      field: 'indexNo',
      value,
      files,
      message: `索引号重复（duplicate indexNo）：${value} 同时出现在 ${files.join(' 和 ')}`,
    };
  });
  return [...issueClashes, ...indexNoClashes];
}
