/**
 * Drawing one chart: Chart.js on a @napi-rs/canvas SVG canvas, text converted
 * to paths (the SVG text mode garbles Chinese), cleaned by svgo. Plain Node
 * with no Astro or Vite in it, so that the chart worker (`draw-worker.ts`)
 * runs it beside the page rendering.
 */
import { createCanvas, SvgExportFlag } from '@napi-rs/canvas';
import { Chart, registerables, type Plugin } from 'chart.js';
import { optimize, type CustomPlugin, type XastElement } from 'svgo';
import { chartConfiguration, drawnText, type ChartSpec } from './spec.ts';
import { detachedString } from '../lib/detached-string.ts';
import { CHART_FONT_FAMILY, chartFont, missingGlyphs } from './font.ts';

/** Charts are printed on white paper and shown on white pages; the canvas itself is transparent. */
const whiteBackground: Plugin = {
  id: 'gazetteWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

let chartJsReady = false;
function prepareChartJs(): void {
  if (chartJsReady) return;
  chartFont();
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  chartJsReady = true;
}

/** The canvas's own SVG of `spec`, before svgo. */
export function drawRawSvg(spec: ChartSpec): string {
  prepareChartJs();
  const canvas = createCanvas(spec.width, spec.height, SvgExportFlag.ConvertTextToPaths);
  // Chart.js takes its no-DOM path for a bare 2D context; the napi-rs context has what it draws with.
  const context = canvas.getContext('2d') as unknown as CanvasRenderingContext2D;
  const config = chartConfiguration(spec);
  const chart = new Chart(context, { ...config, plugins: [whiteBackground] } as typeof config);
  chart.draw();
  chart.destroy();
  return canvas.getContent().toString('utf8');
}

function textElement(name: string, id: string, text: string): XastElement {
  return { type: 'element', name, attributes: { id }, children: [{ type: 'text', value: text }] };
}

/** Makes the root an accessible image named by its <title> and summarised by its <desc>; scalable by CSS. */
function accessibleRoot(spec: ChartSpec, id: string): CustomPlugin {
  return {
    name: 'gazetteAccessibleRoot',
    fn: () => ({
      element: {
        enter(node, parent) {
          if (node.name !== 'svg' || parent.type !== 'root') return;
          node.attributes.viewBox ??= `0 0 ${spec.width} ${spec.height}`;
          node.attributes.role = 'img';
          node.attributes['aria-labelledby'] = `${id}-title`;
          node.attributes['aria-describedby'] = `${id}-desc`;
          node.attributes.class = `chart chart--${spec.kind}${spec.narrow ? ' chart--narrow' : ''}`;
          node.children.unshift(textElement('title', `${id}-title`, spec.title), textElement('desc', `${id}-desc`, spec.description));
        },
      },
    }),
  };
}

/**
 * svgo's path optimisation (convertPathData, most of svgo's time) treats each
 * element on its own, and charts repeat elements: every glyph of a tick
 * label, year or legend entry is a path with its own translate, and the same
 * labels stand in the same places from chart to chart (charts of 2,000
 * documents: 20,842 paths, 4,612 distinct). So each distinct element is
 * optimised once per thread, and the chart as a whole then only by the
 * plugins that look across elements. The result is byte for byte that of
 * one svgo pass over the chart (tests/unit/charts.test.ts).
 */
const optimizedElements = new Map<string, string>();
/** A bound on the memory the elements take: about 140 MB (each kept as a copy, see `detachedString`). */
const MAX_OPTIMIZED_ELEMENTS = 50_000;

/** Skia writes one element per line; paths and rects have no children. */
const SINGLE_ELEMENT_LINE = /^[\t ]*<(?:path|rect) [^\n]*\/>$/gm;

/** The preset without the plugins that move, merge or drop elements by their neighbours. */
const ONE_ELEMENT_PRESET = {
  name: 'preset-default',
  params: {
    overrides: {
      collapseGroups: false,
      moveElemsAttrsToGroup: false,
      moveGroupAttrsToElems: false,
      removeEmptyContainers: false,
      mergePaths: false,
    },
  },
} as const;

function optimizeElements(raw: string): string {
  if (optimizedElements.size > MAX_OPTIMIZED_ELEMENTS) optimizedElements.clear();
  const fresh = [...new Set(raw.match(SINGLE_ELEMENT_LINE) ?? [])].filter((line) => !optimizedElements.has(line));
  if (fresh.length > 0) {
    // Each element in a group of its own, so that one svgo run does them all without merging any.
    const grouped = `<svg xmlns="http://www.w3.org/2000/svg">${fresh.map((line) => `<g>${line.trim()}</g>`).join('')}</svg>`;
    const optimized = [...optimize(grouped, { floatPrecision: 1, plugins: [ONE_ELEMENT_PRESET] }).data.matchAll(/<g>(.*?)<\/g>|<g\/>/g)];
    if (optimized.length !== fresh.length) throw new Error(`chart SVG: ${fresh.length} elements optimised into ${optimized.length}`);
    fresh.forEach((line, index) => optimizedElements.set(detachedString(line), detachedString(optimized[index]![1] ?? '')));
  }
  return raw.replace(SINGLE_ELEMENT_LINE, (line) => optimizedElements.get(line)!);
}

/**
 * The SVG svgo makes of the canvas's, ids prefixed with `id`. `oneElementAtATime: false`
 * runs the plain single svgo pass instead, the reference the tests hold the fast way to.
 */
export function cleanSvg(raw: string, spec: ChartSpec, id: string, { oneElementAtATime = true } = {}): string {
  return optimize(oneElementAtATime ? optimizeElements(raw) : raw, {
    floatPrecision: 1,
    plugins: [
      // Path data is already optimised, element by element.
      oneElementAtATime ? { name: 'preset-default', params: { overrides: { convertPathData: false } } } : 'preset-default',
      // The canvas numbers its clip paths with a process-wide counter; prefixing and minifying ids makes them stable and unique.
      { name: 'prefixIds', params: { prefix: id, delim: '-' } },
      accessibleRoot(spec, id),
    ],
  }).data;
}

/** The cleaned SVG of `spec`, its ids prefixed with `id`; throws if the font lacks a character. */
export function drawChart(spec: ChartSpec, id: string): string {
  const missing = missingGlyphs(drawnText(spec));
  if (missing.length > 0) {
    throw new Error(
      `图表“${spec.title}”中的字符 ${missing.map((char) => `“${char}”（U+${char.codePointAt(0)!.toString(16).toUpperCase()}）`).join('、')} 不在图表字体 Noto Sans SC 中（the chart font cannot draw these characters）`,
    );
  }
  return cleanSvg(drawRawSvg(spec), spec, id);
}
