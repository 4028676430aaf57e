/**
 * Figures built from indicators: the chart spec and the data table that goes
 * with it. A series over years is a line chart; several indicators of one
 * unit in one year are a bar chart.
 */
import { CHART_SIZES, barChartSize, type ChartSpec } from './spec.ts';
import { indicatorUi } from '../translations/zh-CN.ts';
import type { Scale } from '../schemas/indicator.ts';
import type { Indicator, IndicatorPoint } from '../indicators/model.ts';
import { SCALE_FACTORS, formatValue, pointNotes } from '../indicators/format.ts';
import { pointFor } from '../indicators/series.ts';

export interface TableCell {
  text: string;
  /** Link target, base included, when the cell names something with a page. */
  href?: string | undefined;
}

export interface DataTable {
  caption: string;
  /** Header of the first column, whose cells head the rows. */
  rowHeader: string;
  columns: string[];
  rows: { header: TableCell; cells: TableCell[] }[];
  /** Footnotes printed under the table, e.g. what 推算 means. */
  notes: string[];
}

export interface Figure {
  chart: ChartSpec;
  table: DataTable;
  /** Keys of the documents the drawn figures come from. */
  sources: string[];
}

/** The distinct source documents of some figures, in first-seen order. */
function sourcesOf(points: readonly (IndicatorPoint | undefined)[]): string[] {
  return [...new Set(points.flatMap((point) => (point?.source ? [point.source] : [])))];
}

const yearLabel = indicatorUi.yearLabel;

/** A figure as the table and the chart's description print it, with 推算 marking a derived value. */
function markedValue(point: IndicatorPoint, unit: string): string {
  const text = formatValue(point, unit);
  return point.derivedFrom ? `${text}（${indicatorUi.derivedMark}）` : text;
}

function valueCell(point: IndicatorPoint | undefined, unit: string): TableCell {
  return { text: point ? markedValue(point, unit) : indicatorUi.noValue };
}

/** The table's footnotes: what the 推算 mark means, when a derived value is among its figures. */
function tableNotes(points: readonly (IndicatorPoint | undefined)[]): string[] {
  return points.some((point) => point?.derivedFrom) ? [indicatorUi.derivedFootnote] : [];
}

/** Per value, whether it is an estimate, for the chart to draw it hollow. */
function estimatedFlags(points: readonly (IndicatorPoint | undefined)[]): boolean[] | undefined {
  return points.some((point) => point?.derivedFrom) ? points.map((point) => point?.derivedFrom !== undefined) : undefined;
}

/** The value axis counts in 万 or 亿 when a plotted figure is printed so (the larger one, if both are). */
function valueScaleOf(points: readonly (IndicatorPoint | undefined)[]): Scale | undefined {
  const scales = points.flatMap((point) => (point?.scale ? [point.scale] : []));
  return scales.sort((a, b) => SCALE_FACTORS[b] - SCALE_FACTORS[a])[0];
}

function seriesText(indicator: Indicator): string {
  const points = indicator.values.map((point) => `${yearLabel(point.year)}${markedValue(point, indicator.unit)}`);
  return `${indicatorUi.seriesTitle(indicator.name, indicator.unit)}：${points.join(indicatorUi.itemSeparator)}`;
}

/** Every year any of the indicators has, oldest first. */
function yearsOf(indicators: readonly Indicator[]): number[] {
  return [...new Set(indicators.flatMap((indicator) => indicator.values.map((point) => point.year)))].sort((a, b) => a - b);
}

/** A line chart of one or more indicators over the years, with a year-by-indicator table. */
export function seriesFigure(indicators: readonly Indicator[], title?: string): Figure {
  const years = yearsOf(indicators);
  const chartTitle = title ?? indicators.map((indicator) => indicatorUi.seriesTitle(indicator.name, indicator.unit)).join('、');
  const pointsOf = (indicator: Indicator) => years.map((year) => pointFor(indicator.values, year));
  return {
    chart: {
      kind: 'line',
      title: chartTitle,
      description: indicatorUi.lineDescription(indicators.map(seriesText).join(indicatorUi.listSeparator)),
      labels: years.map(yearLabel),
      series: indicators.map((indicator) => ({
        label: indicatorUi.seriesTitle(indicator.name, indicator.unit),
        values: pointsOf(indicator).map((point) => point?.value ?? null),
        estimated: estimatedFlags(pointsOf(indicator)),
      })),
      valueScale: valueScaleOf(indicators.flatMap(pointsOf)),
      ...CHART_SIZES.line,
    },
    table: {
      caption: indicatorUi.dataTable(chartTitle),
      rowHeader: indicatorUi.year,
      columns: indicators.map((indicator) => indicatorUi.seriesTitle(indicator.name, indicator.unit)),
      rows: years.map((year) => ({
        header: { text: yearLabel(year) },
        cells: indicators.map((indicator) => valueCell(pointFor(indicator.values, year), indicator.unit)),
      })),
      notes: tableNotes(indicators.flatMap(pointsOf)),
    },
    sources: sourcesOf(indicators.flatMap((indicator) => indicator.values)),
  };
}

/** A bar chart comparing indicators of one category and unit in one year, each bar linked in the table by `linkOf`. */
export function comparisonFigure(
  category: string,
  year: number,
  indicators: readonly Indicator[],
  linkOf?: (indicator: Indicator) => string,
): Figure {
  const unit = indicators[0]?.unit ?? '';
  const title = indicatorUi.comparisonTitle(category, year, unit);
  const present = indicators.filter((indicator) => pointFor(indicator.values, year));
  const points = present.map((indicator) => pointFor(indicator.values, year)!);
  const values = points.map((point) => point.value);
  const bars = present.map((indicator, index) => `${indicator.name}${markedValue(points[index]!, unit)}`);
  return {
    chart: {
      kind: 'bar',
      title,
      description: indicatorUi.barDescription(`${yearLabel(year)}：${bars.join(indicatorUi.itemSeparator)}`),
      labels: present.map((indicator) => indicator.name),
      series: [{ label: yearLabel(year), values, estimated: estimatedFlags(points) }],
      valueMax: unit === '%' && values.every((value) => value <= 100) ? 100 : undefined,
      valueScale: valueScaleOf(points),
      ...barChartSize(present.length),
    },
    table: {
      caption: indicatorUi.dataTable(title),
      rowHeader: indicatorUi.indicator,
      columns: [yearLabel(year)],
      rows: present.map((indicator) => ({
        header: { text: indicator.name, href: linkOf?.(indicator) },
        cells: [valueCell(pointFor(indicator.values, year), unit)],
      })),
      notes: tableNotes(points),
    },
    sources: sourcesOf(present.map((indicator) => pointFor(indicator.values, year))),
  };
}

/** A small line without axes or text, for lists; only meaningful with two years or more. */
export function sparklineSpec(indicator: Indicator): ChartSpec {
  return {
    kind: 'sparkline',
    title: indicatorUi.seriesTitle(indicator.name, indicator.unit),
    description: indicatorUi.sparklineDescription(seriesText(indicator)),
    labels: indicator.values.map((point) => yearLabel(point.year)),
    series: [{ label: indicator.name, values: indicator.values.map((point) => point.value), estimated: estimatedFlags(indicator.values) }],
    ...CHART_SIZES.sparkline,
  };
}

/**
 * The full table of one indicator: each year's figure with its source
 * document and notes, including the note on a figure the build recomputed
 * differently.
 */
export function detailTable(
  indicator: Indicator,
  sourceOf: (key: string) => { title: string; href: string } | undefined,
  disputeOf: (year: number) => string | undefined,
): DataTable {
  return {
    caption: indicatorUi.dataTable(indicatorUi.seriesTitle(indicator.name, indicator.unit)),
    rowHeader: indicatorUi.year,
    columns: [indicatorUi.value, indicatorUi.source, indicatorUi.note],
    rows: indicator.values.map((point) => {
      const source = point.source === undefined ? undefined : sourceOf(point.source);
      const dispute = disputeOf(point.year);
      const notes = [...pointNotes(point, indicator.unit), ...(dispute ? [dispute] : [])];
      return {
        header: { text: yearLabel(point.year) },
        cells: [
          valueCell(point, indicator.unit),
          source ? { text: `《${source.title}》`, href: source.href } : { text: indicatorUi.noValue },
          { text: notes.length > 0 ? notes.join('；') : indicatorUi.noValue },
        ],
      };
    }),
    notes: tableNotes(indicator.values),
  };
}

/** Indicators grouped by unit, for bar charts that only compare like with like. */
export function groupByUnit(indicators: readonly Indicator[]): Indicator[][] {
  const groups = new Map<string, Indicator[]>();
  for (const indicator of indicators) groups.set(indicator.unit, [...(groups.get(indicator.unit) ?? []), indicator]);
  return [...groups.values()];
}

/** Indicators by category, in the order given. */
export function groupByCategory(indicators: readonly Indicator[]): { category: string; indicators: Indicator[] }[] {
  const groups = new Map<string, Indicator[]>();
  for (const indicator of indicators) groups.set(indicator.category, [...(groups.get(indicator.category) ?? []), indicator]);
  return [...groups].map(([category, members]) => ({ category, indicators: members }));
}

/**
 * The bar charts of a category: for its latest year, one chart per unit that
 * two or more of its indicators share (a single bar compares nothing).
 */
export function categoryComparisons(
  category: string,
  indicators: readonly Indicator[],
  linkOf: (indicator: Indicator) => string,
): Figure[] {
  const year = Math.max(...indicators.flatMap((indicator) => indicator.values.map((point) => point.year)));
  const inYear = indicators.filter((indicator) => pointFor(indicator.values, year));
  return groupByUnit(inYear)
    .filter((group) => group.length > 1)
    .map((group) => comparisonFigure(category, year, group, linkOf));
}
