/**
 * The reform dashboard's figures, computed from the reform records and the
 * indicators: records by status and by level, measures and outcomes per
 * year, and the rates of the 改革 category worked out from their parts.
 */
import { barChartSize, type ChartSeries } from '../charts/spec.ts';
import type { DataTable, Figure } from '../charts/figures.ts';
import { formatValue, withUnit } from './format.ts';
import type { Indicator } from './model.ts';
import { latestPoint, percentOf, pointFor } from './series.ts';
import { indicatorUi } from '../translations/zh-CN.ts';

/** The indicator category whose rates the dashboard recomputes. */
export const REFORM_CATEGORY = '改革';

export interface ReformRecord {
  key: string;
  status: string;
  level: string;
  /** The record's year (of its date). */
  year: number;
  measures: number | undefined;
  outcomes: number | undefined;
}

/** How many records have each of `labels` (every label listed, zero included, in the given order). */
export function countBy(records: readonly ReformRecord[], field: 'status' | 'level', labels: readonly string[]) {
  return labels.map((label) => ({ label, count: records.filter((record) => record[field] === label).length }));
}

/** Measures and outcomes summed per year, for the years with at least one of them; oldest first. */
export function measuresPerYear(records: readonly ReformRecord[]) {
  const years = new Map<number, { year: number; measures: number; outcomes: number }>();
  for (const record of records) {
    if (record.measures === undefined && record.outcomes === undefined) continue;
    const row = years.get(record.year) ?? { year: record.year, measures: 0, outcomes: 0 };
    row.measures += record.measures ?? 0;
    row.outcomes += record.outcomes ?? 0;
    years.set(record.year, row);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** A horizontal bar chart with one band per row label and one bar per series, and its table. */
function barFigure(
  title: string,
  rowHeader: string,
  labels: string[],
  series: ChartSeries[],
  unitOf: (seriesIndex: number) => string,
): Figure {
  const rows = labels.map((label, row) => ({
    header: { text: label },
    cells: series.map((one, index) => ({ text: withUnit(one.values[row] ?? 0, unitOf(index)) })),
  }));
  const table: DataTable = { caption: indicatorUi.dataTable(title), rowHeader, columns: series.map((one) => one.label), rows, notes: [] };
  const description = rows
    .map((row) => `${row.header.text}${row.cells.map((cell) => cell.text).join('、')}`)
    .join(indicatorUi.itemSeparator);
  return {
    chart: {
      kind: 'bar',
      title,
      description: indicatorUi.barDescription(description),
      labels,
      series,
      ...barChartSize(labels.length * series.length),
    },
    table,
    sources: [],
  };
}

/** Records counted by `field`, as a bar chart. */
export function countFigure(title: string, rowHeader: string, counts: { label: string; count: number }[]): Figure {
  return barFigure(
    title,
    rowHeader,
    counts.map((row) => row.label),
    [{ label: indicatorUi.reformCount, values: counts.map((row) => row.count) }],
    () => indicatorUi.reformCountUnit,
  );
}

/** Measures and outcomes per year, as a bar chart with two bars a year. */
export function measuresFigure(rows: ReturnType<typeof measuresPerYear>): Figure {
  return barFigure(
    indicatorUi.measuresAndOutcomes,
    indicatorUi.year,
    rows.map((row) => indicatorUi.yearLabel(row.year)),
    [
      { label: indicatorUi.measures, values: rows.map((row) => row.measures) },
      { label: indicatorUi.outcomes, values: rows.map((row) => row.outcomes) },
    ],
    (index) => (index === 0 ? '条' : '项'),
  );
}

export interface ComputedRate {
  indicator: Indicator;
  year: number;
  numerator: { indicator: Indicator; value: number };
  denominator: { indicator: Indicator; value: number };
  /** Recomputed, one decimal: 91.5%. */
  computed: string;
  /** As the document printed it, when it did. */
  printed: string | undefined;
}

/** Each rate of the reform category, worked out for its latest year from its numerator and denominator. */
export function reformRates(indicators: readonly Indicator[]): ComputedRate[] {
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  return indicators.flatMap((indicator) => {
    const numerator = indicator.rate && byId.get(indicator.rate.numerator);
    const denominator = indicator.rate && byId.get(indicator.rate.denominator);
    if (indicator.category !== REFORM_CATEGORY || !numerator || !denominator) return [];
    const years = numerator.values.filter((point) => pointFor(denominator.values, point.year)?.value);
    const latest = latestPoint(years);
    if (!latest) return [];
    const bottom = pointFor(denominator.values, latest.year)!;
    const printed = pointFor(indicator.values, latest.year);
    return [
      {
        indicator,
        year: latest.year,
        numerator: { indicator: numerator, value: latest.value },
        denominator: { indicator: denominator, value: bottom.value },
        computed: withUnit(percentOf(latest.value, bottom.value), '%', 1),
        printed: printed && formatValue(printed, '%'),
      },
    ];
  });
}
