/**
 * The rows of a document's metadata block (索引号, 发文字号, 发布机构…) in the
 * order official information-disclosure pages print them. Empty fields are left out.
 */
import { formatChineseDate } from './dates.ts';
import { KINDS, type DocumentKind } from './kinds.ts';
import { accessLabels, fieldLabels, kindLabels, ui } from '../translations/zh-CN.ts';

export interface MetadataRow {
  /** Field name, for tests and styling. */
  field: string;
  label: string;
  value: string;
}

/** The fields every document may carry, in display order; each kind's own follow (src/lib/kinds.ts). */
const BASE_ORDER = ['indexNo', 'docNo', 'issuer', 'date', 'published', 'topics', 'keywords', 'validity', 'access'] as const;

function display(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value.join('；') : undefined;
  switch (field) {
    case 'date':
    case 'published':
      return formatChineseDate(String(value));
    case 'access':
      return accessLabels[value as keyof typeof accessLabels];
    case 'publication':
      return `《${value}》`;
    case 'issue':
      return ui.issueLabel(Number(value));
    case 'totalIssue':
      return ui.totalIssueLabel(Number(value));
    case 'year':
    case 'startYear':
      return ui.yearHeading(Number(value));
    case 'measures':
      return `${value}条`;
    case 'outcomes':
      return `${value}项`;
    default:
      return String(value);
  }
}

export function metadataRows(kind: DocumentKind, data: Record<string, unknown>): MetadataRow[] {
  const rows: MetadataRow[] = [{ field: 'kind', label: fieldLabels.kind, value: kindLabels[kind] }];
  for (const field of [...BASE_ORDER, ...KINDS[kind].fields]) {
    const value = display(field, data[field]);
    if (value !== undefined) rows.push({ field, label: fieldLabels[field as keyof typeof fieldLabels], value });
  }
  return rows;
}
