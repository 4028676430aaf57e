/**
 * Draws charts at build time: Chart.js on a @napi-rs/canvas SVG canvas, text
 * converted to paths (the SVG text mode garbles Chinese), cleaned by svgo.
 *
 * A chart is drawn once per build and kept by the hash of its spec, in memory
 * and in the build cache folder, so embedding it again costs nothing.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, SvgExportFlag } from '@napi-rs/canvas';
import { Chart, registerables, type Plugin } from 'chart.js';
import { optimize, type CustomPlugin, type XastElement } from 'svgo';
import { chartConfiguration, chartHash, drawnText, type ChartSpec } from '../lib/charts/spec.ts';
import { CACHE_DIR } from '../site-settings.ts';
import { CHART_FONT_FAMILY, chartFont, missingGlyphs } from './font.ts';

export interface RenderedChart {
  /** Prefix of every id inside the SVG, unique to the chart's content: `chart-3f2a…`. */
  id: string;
  /** The cleaned SVG markup, ready to inline. */
  svg: string;
}

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

function draw(spec: ChartSpec): string {
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
          node.attributes.class = `chart chart--${spec.kind}`;
          node.children.unshift(textElement('title', `${id}-title`, spec.title), textElement('desc', `${id}-desc`, spec.description));
        },
      },
    }),
  };
}

function clean(raw: string, spec: ChartSpec, id: string): string {
  return optimize(raw, {
    floatPrecision: 1,
    plugins: [
      'preset-default',
      // The canvas numbers its clip paths with a process-wide counter; prefixing and minifying ids makes them stable and unique.
      { name: 'prefixIds', params: { prefix: id, delim: '-' } },
      accessibleRoot(spec, id),
    ],
  }).data;
}

function renderNow(spec: ChartSpec, id: string): string {
  const missing = missingGlyphs(drawnText(spec));
  if (missing.length > 0) {
    throw new Error(
      `图表“${spec.title}”中的字符 ${missing.map((char) => `“${char}”（U+${char.codePointAt(0)!.toString(16).toUpperCase()}）`).join('、')} 不在图表字体 Noto Sans SC 中（the chart font cannot draw these characters）`,
    );
  }
  return clean(draw(spec), spec, id);
}

const DISK_CACHE = path.join(CACHE_DIR, 'gazette-charts');

async function renderCached(spec: ChartSpec, id: string): Promise<string> {
  const file = path.join(DISK_CACHE, `${id}.svg`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    // Not drawn by an earlier build: draw it now.
  }
  const svg = renderNow(spec, id);
  await mkdir(DISK_CACHE, { recursive: true });
  // Write then rename, so a build that is cut off never leaves half a chart behind for the next one.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, svg);
  await rename(partial, file);
  return svg;
}

const rendered = new Map<string, Promise<RenderedChart>>();

/** The chart for `spec`, drawn at most once per build (and reused from the cache folder across builds). */
export function renderChart(spec: ChartSpec): Promise<RenderedChart> {
  const id = `chart-${chartHash(spec)}`;
  let chart = rendered.get(id);
  if (!chart) {
    chart = renderCached(spec, id).then((svg) => ({ id, svg }));
    rendered.set(id, chart);
  }
  return chart;
}

/** Draws a chart without any cache; for tests that compare two renders byte for byte. */
export function renderChartUncached(spec: ChartSpec): RenderedChart {
  const id = `chart-${chartHash(spec)}`;
  return { id, svg: renderNow(spec, id) };
}
