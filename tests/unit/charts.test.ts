/**
 * The chart renderer on its own: identical bytes for the same spec, ids
 * that follow the data, text drawn as paths, and a build error for a label
 * the chart font cannot draw.
 */
import { describe, expect, it } from 'vitest';
import { renderChartUncached } from '../../src/charts/render.ts';
import { cleanSvg, drawRawSvg } from '../../src/charts/draw.ts';
import { missingGlyphs } from '../../src/charts/font.ts';
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import {
  barChartSize,
  CHART_SIZES,
  chartConfiguration,
  chartHash,
  narrowRendition,
  PALETTE,
  type ChartSpec,
} from '../../src/charts/spec.ts';
import { parseSvg, seriesMarks } from '../helpers/svg.ts';

const spec: ChartSpec = {
  kind: 'line',
  title: '接收办理涉密文件（份）',
  description: '折线图。2019年640份，2020年807份',
  labels: ['2019年', '2020年'],
  series: [{ label: '接收办理涉密文件（份）', values: [640, 807] }],
  ...CHART_SIZES.line,
};

describe('chart renderer', () => {
  it('draws the same bytes for the same spec, and other ids for other data', () => {
    const first = renderChartUncached(spec);
    const second = renderChartUncached(spec);
    expect(second.svg).toBe(first.svg);
    expect(first.id).toBe(`chart-${chartHash(spec)}`);
    const other = renderChartUncached({ ...spec, series: [{ label: spec.series[0]!.label, values: [640, 808] }] });
    expect(other.id).not.toBe(first.id);
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
    expect(ids(first.svg).every((id) => id.startsWith(`${first.id}-`))).toBe(true);
    expect(ids(other.svg).some((id) => ids(first.svg).includes(id))).toBe(false);
  });

  it('writes an accessible SVG whose text is paths, on a white background', () => {
    const svg = parseSvg(renderChartUncached(spec).svg);
    expect(svg.root.attributes).toMatchObject({ role: 'img', viewBox: '0 0 720 320', class: 'chart chart--line' });
    expect(svg.texts).toEqual([
      { parent: 'title', text: spec.title },
      { parent: 'desc', text: spec.description },
    ]);
    expect(svg.elements.some((element) => element.name === 'text')).toBe(false);
    // The first shapes fill the whole canvas white.
    expect(
      svg.elements.some(
        (element) => element.name === 'path' && element.attributes.fill === '#fff' && element.attributes.d === 'M0 0h720v320H0z',
      ),
    ).toBe(true);
    // The line is drawn in the first palette colour.
    expect(svg.elements.some((element) => element.attributes.stroke === '#a4161a')).toBe(true);
  });

  it('optimises each distinct element once, and writes what one svgo pass over the chart writes', () => {
    const twoSeries: ChartSpec = { ...spec, series: [...spec.series, { label: '办结涉密文件（份）', values: [600, 790] }] };
    const bars: ChartSpec = {
      ...spec,
      kind: 'bar',
      labels: ['收文', '发文', '会议'],
      series: [{ label: '2020年', values: [807, 312, 45] }],
      ...barChartSize(3),
    };
    const sparkline: ChartSpec = { ...spec, kind: 'sparkline', ...CHART_SIZES.sparkline };
    // Twice over: the second time every element comes from the first time's work.
    for (const chart of [spec, twoSeries, bars, sparkline, spec, twoSeries, bars, sparkline]) {
      const raw = drawRawSvg(chart);
      expect(cleanSvg(raw, chart, 'chart-test')).toBe(cleanSvg(raw, chart, 'chart-test', { oneElementAtATime: false }));
    }
  });

  it('fails on a label the chart font cannot draw, naming the character', () => {
    expect(missingGlyphs('收文数量（份）2020年 0123456789,.-%')).toEqual([]);
    expect(missingGlyphs('收文😀数量')).toEqual(['😀']);
    expect(() => renderChartUncached({ ...spec, labels: ['2019年', '2020年😀'] })).toThrow(/“😀”（U\+1F600）/);
  });

  it('draws an estimate hollow, and the line into and out of it dashed', () => {
    const years = ['2018年', '2019年', '2020年'];
    const printed = seriesMarks(
      parseSvg(renderChartUncached({ ...spec, labels: years, series: [{ label: 'x', values: [500, 640, 807] }] }).svg),
      PALETTE[0],
    );
    expect(printed.filledPoints).toHaveLength(3);
    expect(printed.hollowPoints).toEqual([]);
    expect(printed.solidLines).toHaveLength(1);
    expect(printed.dashedLines).toEqual([]);

    const estimated: ChartSpec = {
      ...spec,
      labels: years,
      series: [{ label: 'x', values: [500, 640, 807], estimated: [false, true, false] }],
    };
    for (const rendition of [estimated, narrowRendition(estimated)!]) {
      const marks = seriesMarks(parseSvg(renderChartUncached(rendition).svg), PALETTE[0]);
      expect(marks.filledPoints).toHaveLength(2);
      expect(marks.hollowPoints).toHaveLength(1);
      // Both segments touch the estimate: one dashed line, no solid one.
      expect(marks.dashedLines).toHaveLength(1);
      expect(marks.solidLines).toEqual([]);
    }

    // An estimate at the end dashes only the last segment.
    const lastEstimated = seriesMarks(
      parseSvg(
        renderChartUncached({ ...spec, labels: years, series: [{ label: 'x', values: [500, 640, 807], estimated: [false, false, true] }] })
          .svg,
      ),
      PALETTE[0],
    );
    expect(lastEstimated).toMatchObject({
      hollowPoints: [expect.any(String)],
      solidLines: [expect.any(String)],
      dashedLines: [expect.any(String)],
    });
  });

  it('labels value ticks as the documents print figures: no grouping commas, 万 where the figures use it', () => {
    /** The tick labels Chart.js makes of the renderer's configuration, value axis first. */
    const tickLabels = (chart: ChartSpec) => {
      drawRawSvg(chart); // registers Chart.js and the font as the renderer does
      const canvas = createCanvas(chart.width, chart.height);
      const drawn = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, chartConfiguration(chart));
      const axis = chart.kind === 'bar' ? 'x' : 'y';
      const labels = drawn.scales[axis]!.ticks.map((tick) => tick.label);
      drawn.destroy();
      return labels;
    };
    const big: ChartSpec = { ...spec, series: [{ label: 'x', values: [800_000, 1_000_000] }] };
    expect(tickLabels(big)).toContain('1000000');
    expect(tickLabels(big).join(' ')).not.toContain(',');
    expect(tickLabels({ ...big, valueScale: '万' })).toEqual([
      '0',
      '10万',
      '20万',
      '30万',
      '40万',
      '50万',
      '60万',
      '70万',
      '80万',
      '90万',
      '100万',
    ]);
    const bars: ChartSpec = {
      ...spec,
      kind: 'bar',
      labels: ['收文', '办文'],
      series: [{ label: '2020年', values: [12_000, 8555] }],
      ...barChartSize(2),
    };
    expect(tickLabels(bars).join(' ')).not.toContain(',');
  });

  it('draws a narrow rendition for phones, with the same text sizes on a canvas under half as wide', () => {
    const narrow = narrowRendition(spec)!;
    const svg = parseSvg(renderChartUncached(narrow).svg);
    expect(svg.root.attributes).toMatchObject({
      viewBox: `0 0 ${narrow.width} ${narrow.height}`,
      class: 'chart chart--line chart--narrow',
    });
    expect(narrow.width).toBeLessThanOrEqual(350);
    expect(narrowRendition({ ...spec, kind: 'sparkline', ...CHART_SIZES.sparkline })).toBeUndefined();
    // Long bar names wrap, and the bands grow to hold them.
    const bars: ChartSpec = {
      ...spec,
      kind: 'bar',
      labels: ['改革领导小组会议及改革工作会议', '国家试点'],
      series: [{ label: '2020年', values: [13, 8] }],
      ...barChartSize(2),
    };
    expect(narrowRendition(bars)!.height).toBeGreaterThan(barChartSize(2).height);
  });

  it('refuses a spec of a kind it cannot draw, naming the kind, instead of drawing a line chart', () => {
    // A spec reaches the drawing worker as untyped data: a kind no switch knows must fail there, not fall through.
    const pie = { ...spec, kind: 'pie' } as unknown as ChartSpec;
    const unknownKind = /图表类型“pie”无法绘制，可选：line、bar、sparkline.*unknown chart kind “pie”/;
    expect(() => renderChartUncached(pie)).toThrow(unknownKind);
    expect(() => chartConfiguration(pie)).toThrow(unknownKind);
    expect(() => narrowRendition(pie)).toThrow(unknownKind);
  });
});
