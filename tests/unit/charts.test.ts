/**
 * The chart renderer on its own: identical bytes for the same spec, ids
 * that follow the data, text drawn as paths, and a build error for a label
 * the chart font cannot draw.
 */
import { describe, expect, it } from 'vitest';
import { renderChartUncached } from '../../src/charts/render.ts';
import { cleanSvg, drawRawSvg } from '../../src/charts/draw.ts';
import { missingGlyphs } from '../../src/charts/font.ts';
import { barChartSize, CHART_SIZES, chartHash, type ChartSpec } from '../../src/lib/charts/spec.ts';
import { parseSvg } from '../helpers/svg.ts';

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
    expect(svg.elements.some((element) => element.name === 'path' && element.attributes.fill === '#fff' && element.attributes.d === 'M0 0h720v320H0z')).toBe(true);
    // The line is drawn in the first palette colour.
    expect(svg.elements.some((element) => element.attributes.stroke === '#a4161a')).toBe(true);
  });

  it('optimises each distinct element once, and writes what one svgo pass over the chart writes', () => {
    const twoSeries: ChartSpec = { ...spec, series: [...spec.series, { label: '办结涉密文件（份）', values: [600, 790] }] };
    const bars: ChartSpec = { ...spec, kind: 'bar', labels: ['收文', '发文', '会议'], series: [{ label: '2020年', values: [807, 312, 45] }], ...barChartSize(3) };
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
});
