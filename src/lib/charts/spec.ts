/**
 * What a chart shows, as plain data, and the Chart.js configuration that
 * draws it. A spec is all a chart depends on, so its hash names the rendered
 * SVG: same data and look, same file.
 */
import { createHash } from 'node:crypto';
import type { ChartConfiguration } from 'chart.js';

export type ChartKind = 'line' | 'bar' | 'sparkline';

export interface ChartSeries {
  /** Legend label, e.g. 收文数量（份）. */
  label: string;
  /** One value per x label; null where the series has no figure for it. */
  values: (number | null)[];
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
 * Bumped whenever the drawing code changes in a way the spec does not show,
 * so that charts cached on disk by an older build are not reused.
 */
export const RENDERER_VERSION = 2;

/** Stable id of a chart: a hash of everything it is drawn from. */
export function chartHash(spec: ChartSpec): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: RENDERER_VERSION, spec }))
    .digest('hex')
    .slice(0, 16);
}

/** Every character the chart will draw as text, for the font coverage check. */
export function drawnText(spec: ChartSpec): string {
  if (spec.kind === 'sparkline') return '';
  const legend = spec.series.length > 1 ? spec.series.map((series) => series.label) : [];
  // Tick labels: digits with grouping commas, decimal points and minus signs.
  return [...spec.labels, ...legend, '0123456789,.-−'].join('');
}

/** The Chart.js configuration for a spec: static (no animation, no resize). The font family is Chart.js's default. */
export function chartConfiguration(spec: ChartSpec): ChartConfiguration<'line' | 'bar'> {
  const sparkline = spec.kind === 'sparkline';
  const bar = spec.kind === 'bar';
  const showLegend = !sparkline && spec.series.length > 1;
  return {
    type: bar ? 'bar' : 'line',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, index) => {
        const colour = PALETTE[index % PALETTE.length]!;
        return {
          label: series.label,
          data: series.values,
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: sparkline ? 1.5 : 2,
          pointRadius: sparkline ? 1.5 : 3,
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
        legend: { display: showLegend, labels: { font: { size: 13 } } },
        title: { display: false },
        tooltip: { enabled: false },
      },
      // Category axis (years, or names for bars) and value axis; bars run along x.
      scales: bar
        ? {
            // Bars count things: no 0.5 of a document between ticks.
            x: { beginAtZero: true, max: spec.valueMax, ticks: { precision: 0, font: { size: 12 } } },
            y: { ticks: { font: { size: 13 } } },
          }
        : {
            x: { display: !sparkline, ticks: { font: { size: 13 } } },
            // A zero baseline, so that a line's rise reads in proportion (a sparkline only shows the shape).
            y: { display: !sparkline, beginAtZero: !sparkline, max: spec.valueMax, ticks: { font: { size: 12 } } },
          },
    },
  };
}
