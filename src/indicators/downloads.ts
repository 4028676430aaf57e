/**
 * The downloadable forms of the data: CSV that Excel opens with Chinese
 * intact (UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends)
 * and JSON for programs.
 */
import { indicatorUi } from '../translations/zh-CN.ts';
import type { Indicator } from './model.ts';
import { pointNotes } from './format.ts';

export type CsvCell = string | number | undefined;

/** Excel reads a CSV as the local code page unless it starts with this. */
export const UTF8_BOM = '\uFEFF';

/**
 * A text cell that a spreadsheet would run as a formula: it starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV Injection"), also
 * after leading spaces, which some spreadsheets trim on import.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

/**
 * One field, quoted when it holds a comma, a quote, a line break or edge
 * spaces. A number is written as the number, negative ones too: it is data,
 * never a formula. A text cell that could start a formula (a note or a
 * document title such as `=HYPERLINK(…)`) is prefixed with `'` and quoted, as
 * OWASP recommends, so a spreadsheet shows it as text instead of running it.
 */
export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const text = cell ?? '';
  if (FORMULA_START.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: BOM, one line per row, CRLF after every line. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** A source document as downloads cite it. */
export interface SourceLink {
  key: string;
  title: string;
  url: string;
}

/** The data as a table: a header, then one row per indicator and year. */
export function indicatorTable(indicators: readonly Indicator[], sourceOf: (key: string) => SourceLink | undefined): CsvCell[][] {
  const rows: CsvCell[][] = [[...indicatorUi.csvHeaders]];
  for (const indicator of indicators) {
    for (const point of indicator.values) {
      const source = point.source === undefined ? undefined : sourceOf(point.source);
      rows.push([
        indicator.id,
        indicator.name,
        indicator.category,
        indicator.unit,
        point.year,
        point.value,
        point.qualifier,
        point.derivedFrom ? indicatorUi.derivedYes : undefined,
        source?.title,
        source?.url,
        pointNotes(point, indicator.unit).join('；') || undefined,
      ]);
    }
  }
  return rows;
}

/** One indicator for the JSON downloads; absent optional fields are left out. */
export function indicatorRecord(indicator: Indicator, url: string, sourceOf: (key: string) => SourceLink | undefined) {
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    category: indicator.category,
    issuer: indicator.issuer,
    description: indicator.description,
    rate: indicator.rate,
    url,
    values: indicator.values.map((point) => ({
      year: point.year,
      value: point.value,
      qualifier: point.qualifier,
      // How the document prints it (100万件); `value` stays the whole number.
      scale: point.scale,
      derived: point.derivedFrom ? true : undefined,
      source: point.source === undefined ? undefined : sourceOf(point.source),
      notes: pointNotes(point, indicator.unit),
    })),
  };
}

/** JSON as written to disk: two-space indent, final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
