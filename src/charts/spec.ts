/**
 * What a chart shows, as plain data, and the Chart.js configuration that
 * draws it. A spec is all a chart depends on, so its hash names the rendered
 * SVG: same data and look, same file.
 */
import { createHash } from 'node:crypto';
import type { ChartConfiguration, ScriptableContext, ScriptableLineSegmentContext } from 'chart.js';
import type { Scale } from '../schemas/indicator.ts';
import { formatNumber } from '../indicators/format.ts';

/** The kinds of chart `chartConfiguration` can draw. */
export const CHART_KINDS = ['line', 'bar', 'sparkline'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/**
 * The `default` of every `switch` over a chart's kind. Its `never` parameter
 * makes a switch that forgets a kind fail to compile; at run time it fails on
 * a spec that arrives with a kind this module cannot draw (a spec crosses to
 * the drawing worker as untyped data), instead of drawing it as some other chart.
 */
export function unknownChartKind(kind: never): never {
  const name = String(kind);
  const zh = `图表类型“${name}”无法绘制，可选：${CHART_KINDS.join('、')}`;
  throw new Error(`${zh}（unknown chart kind “${name}”; expected one of ${CHART_KINDS.join(', ')}）`);
}

export interface ChartSeries {
  /** Legend label, e.g. 收文数量（份）. */
  label: string;
  /** One value per x label; null where the series has no figure for it. */
  values: (number | null)[];
  /** Per value, true for an estimate (推算) rather than a printed figure: drawn hollow, the line into it dashed. */
  estimated?: boolean[] | undefined;
}

export interface ChartSpec {
  kind: ChartKind;
  /** Accessible name, written into the SVG's <title>. */
  title: string;
  /** Accessible summary of the data, written into the SVG's <desc>. */
  description: string;
  /** Category labels along the x axis (years, or indicator names for a bar chart). */
  labels: string[];
  series: ChartSeries[];
  /** Upper end of the value axis when it has a natural one (100 for percentages); otherwise fitted to the data. */
  valueMax?: number | undefined;
  /** Value-axis ticks in 万 or 亿 (20万, 40万…) when the figures are printed so. */
  valueScale?: Scale | undefined;
  /** The rendition for phones (see `narrowRendition`): larger text for its width. */
  narrow?: boolean | undefined;
  width: number;
  height: number;
}

/** The red of 红头文件 first, then colours that stay apart in greyscale print. */
export const PALETTE = ['#a4161a', '#0b4f9c', '#2f7d32', '#b35c00', '#5b3a8c', '#555555'] as const;

export const CHART_SIZES = {
  line: { width: 720, height: 320 },
  sparkline: { width: 160, height: 40 },
} as const;

/** Bars run across, one band per category, so that long Chinese names stay level and readable. */
export function barChartSize(bars: number): { width: number; height: number } {
  return { width: 720, height: Math.max(110, 44 + 34 * bars) };
}

/**
 * Phones: the wide chart shown 350 px wide would print its 12 px labels at
 * under 6 CSS px. The narrow rendition is drawn at about the width a 390 px
 * screen gives it, so its text keeps close to its drawn size (at least 12 px
 * shown at 340 px or wider; 11 px down to a 312 px column). The page shows
 * one or the other by the width it has (`ChartFigure.astro`).
 */
export const NARROW_WIDTH = 340;
/** Characters per line of a bar's name in the narrow rendition; longer names wrap. */
const NARROW_LABEL_CHARACTERS = 7;
/** Text sizes, in the chart's own pixels: value-axis ticks, category labels, legend. */
export const CHART_TEXT_SIZES = { wide: { ticks: 12, labels: 13, legend: 13 }, narrow: { ticks: 12, labels: 13, legend: 12 } } as const;
/** Height of one line of a category label at 13 px. */
const LABEL_LINE_HEIGHT = 17;

/** A label broken into lines of at most `characters`, balanced so that no line is a stub. */
function wrapLabel(label: string, characters: number): string[] {
  const chars = [...label];
  if (chars.length <= characters) return [label];
  const lines = Math.ceil(chars.length / characters);
  const perLine = Math.ceil(chars.length / lines);
  return Array.from({ length: lines }, (_, line) => chars.slice(line * perLine, (line + 1) * perLine).join(''));
}

/** The phone rendition of a chart (none for a sparkline, which has no text). */
export function narrowRendition(spec: ChartSpec): ChartSpec | undefined {
  switch (spec.kind) {
    case 'sparkline':
      return undefined;
    case 'line':
      return { ...spec, narrow: true, width: NARROW_WIDTH, height: 260 };
    case 'bar':
      return narrowBars(spec);
    default:
      return unknownChartKind(spec.kind);
  }
}

function narrowBars(spec: ChartSpec): ChartSpec {
  const lines = Math.max(1, ...spec.labels.map((label) => wrapLabel(label, NARROW_LABEL_CHARACTERS).length));
  // One band per label: room for each series' bar, and for the label's lines.
  const band = Math.max(34 * spec.series.length, lines * LABEL_LINE_HEIGHT + 10);
  // Below the bands: the value ticks, and a legend that may take two rows.
  const legend = spec.series.length > 1 ? 44 : 0;
  return { ...spec, narrow: true, width: NARROW_WIDTH, height: Math.max(110, 44 + legend + band * spec.labels.length) };
}

/**
 * Bumped whenever the drawing code changes in a way the spec does not show,
 * so that charts cached on disk by an older build are not reused.
 */
export const RENDERER_VERSION = 3;

/** Stable id of a chart: a hash of everything it is drawn from. */
export function chartHash(spec: ChartSpec): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: RENDERER_VERSION, spec }))
    .digest('hex')
    .slice(0, 16);
}

/** Every character the chart will draw as text, for the font coverage check. */
export function drawnText(spec: ChartSpec): string {
  switch (spec.kind) {
    case 'sparkline':
      return '';
    case 'line':
    case 'bar':
      break;
    default:
      return unknownChartKind(spec.kind);
  }
  const legend = spec.series.length > 1 ? spec.series.map((series) => series.label) : [];
  // Tick labels: digits, decimal points, minus signs and the scale.
  return [...spec.labels, ...legend, '0123456789.-−', spec.valueScale ?? ''].join('');
}

/** Dashes of a line segment that runs into or out of an estimate. */
export const ESTIMATE_DASH = [6, 4];
/** Inside of an estimated point or bar: the chart's white, so that it reads as hollow. */
const HOLLOW = '#ffffff';

/** How a kind of chart is drawn: bars running across, or a line with or without axes and text. */
function chartShape(kind: ChartKind): { bar: boolean; sparkline: boolean } {
  switch (kind) {
    case 'line':
      return { bar: false, sparkline: false };
    case 'bar':
      return { bar: true, sparkline: false };
    case 'sparkline':
      return { bar: false, sparkline: true };
    default:
      return unknownChartKind(kind);
  }
}

/** The Chart.js configuration for a spec: static (no animation, no resize). The font family is Chart.js's default. */
export function chartConfiguration(spec: ChartSpec): ChartConfiguration<'line' | 'bar'> {
  const { sparkline, bar } = chartShape(spec.kind);
  const showLegend = !sparkline && spec.series.length > 1;
  const fonts = CHART_TEXT_SIZES[spec.narrow ? 'narrow' : 'wide'];
  // Figures as the documents print them: 8555, 100万 (never 1,000,000); the baseline is a plain 0.
  const tickLabel = (value: number | string) => (Number(value) === 0 ? '0' : formatNumber(Number(value), spec.valueScale));
  const valueTicks = { font: { size: fonts.ticks }, callback: tickLabel };
  const labels = spec.narrow && bar ? spec.labels.map((label) => wrapLabel(label, NARROW_LABEL_CHARACTERS)) : spec.labels;
  return {
    type: bar ? 'bar' : 'line',
    data: {
      labels,
      datasets: spec.series.map((series, index) => {
        const colour = PALETTE[index % PALETTE.length]!;
        const estimated = (dataIndex: number) => series.estimated?.[dataIndex] === true;
        const fill = (context: ScriptableContext<'line' | 'bar'>) => (estimated(context.dataIndex) ? HOLLOW : colour);
        return {
          label: series.label,
          data: series.values,
          borderColor: colour,
          backgroundColor: fill,
          pointBackgroundColor: fill,
          borderWidth: sparkline ? 1.5 : 2,
          pointRadius: (context: ScriptableContext<'line'>) => (sparkline ? 1.5 : estimated(context.dataIndex) ? 4 : 3),
          pointBorderWidth: (context: ScriptableContext<'line'>) => (estimated(context.dataIndex) ? 2 : 1),
          // The line into or out of an estimate is dashed.
          segment: {
            borderDash: (context: ScriptableLineSegmentContext) =>
              estimated(context.p0DataIndex) || estimated(context.p1DataIndex) ? ESTIMATE_DASH : undefined,
          },
          spanGaps: false,
        };
      }),
    },
    options: {
      indexAxis: bar ? 'y' : 'x',
      responsive: false,
      animation: false,
      locale: 'zh-CN',
      // Without right padding the last x label is clipped.
      layout: { padding: sparkline ? 3 : { top: 8, right: 18, bottom: 4, left: 4 } },
      plugins: {
        legend: { display: showLegend, labels: { font: { size: fonts.legend } } },
        title: { display: false },
        tooltip: { enabled: false },
      },
      // Category axis (years, or names for bars) and value axis; bars run along x.
      scales: bar
        ? {
            // Bars count things: no 0.5 of a document between ticks.
            x: { beginAtZero: true, max: spec.valueMax, ticks: { ...valueTicks, precision: 0 } },
            y: { ticks: { font: { size: fonts.labels } } },
          }
        : {
            x: { display: !sparkline, ticks: { font: { size: fonts.labels } } },
            // A zero baseline, so that a line's rise reads in proportion (a sparkline only shows the shape).
            y: { display: !sparkline, beginAtZero: !sparkline, max: spec.valueMax, ticks: valueTicks },
          },
    },
  } as ChartConfiguration<'line' | 'bar'>;
}
