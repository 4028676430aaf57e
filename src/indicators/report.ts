/**
 * The figures report: every recomputed rate and growth, written to
 * `_report/figures.json` at the end of a build, with a summary line.
 *
 * The figures are checked while pages are rendered, in a bundled copy of the
 * data modules, and reported by an integration loaded with the config; the two
 * share no module state, so the entries pass through a global registered
 * under a well-known symbol.
 */
import type { FigureInput } from './checks.ts';

export interface FigureReportEntry {
  /** False when the printed figure disagrees with the recomputed one. */
  ok: boolean;
  kind: 'rate' | 'growth';
  /** The indicator's YAML file. */
  file: string;
  indicator: string;
  name: string;
  year: number;
  /** The document that printed the figure: key and title. */
  document: string;
  /** In percent, as printed. */
  printed: number;
  /** In percent, recomputed and rounded to one decimal more than printed (at least one). */
  computed: number;
  inputs: FigureInput[];
  /** One line for the build output, naming the file, the document and both numbers. */
  message: string;
}

const CHANNEL = Symbol.for('gazette.figureReport');
type Channel = { [CHANNEL]?: FigureReportEntry[] };

/** Hands the checks of this build to the report writer. */
export function publishFigureReport(entries: FigureReportEntry[]): void {
  (globalThis as Channel)[CHANNEL] = entries;
}

/** The checks this build published, or an empty list when no page needed the indicators. */
export function takeFigureReport(): FigureReportEntry[] {
  const entries = (globalThis as Channel)[CHANNEL] ?? [];
  delete (globalThis as Channel)[CHANNEL];
  return entries;
}

/** The report file's content: warnings first, then the checks that passed. */
export function figureReportJson(entries: readonly FigureReportEntry[]) {
  return {
    checked: entries.length,
    warnings: entries.filter((entry) => !entry.ok),
    passed: entries.filter((entry) => entry.ok),
  };
}

/** The line a build prints about its figures. */
export function figureSummary(entries: readonly FigureReportEntry[], reportPath: string): string {
  const warnings = entries.filter((entry) => !entry.ok).length;
  return `figures: ${entries.length} recomputed, ${warnings} warning${warnings === 1 ? '' : 's'} (${reportPath})`;
}
