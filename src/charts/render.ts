/**
 * Charts at build time (drawn by `draw.ts`).
 *
 * A chart is drawn once per build and kept by the hash of its spec, in memory
 * and in the build cache folder, so embedding it again costs nothing. During
 * a build charts are drawn in a worker thread: drawing is CPU work (about
 * 50 ms a chart, 20 of them Chart.js and Skia), and with `build.concurrency` above 1 the
 * main thread renders other pages meanwhile, so a build with hundreds of
 * charts uses both cores.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { chartHash, type ChartSpec } from './spec.ts';
import { CACHE_DIR } from '../site-settings.ts';
import { drawChart } from './draw.ts';

export interface RenderedChart {
  /** Prefix of every id inside the SVG, unique to the chart's content: `chart-3f2a…`. */
  id: string;
  /** The cleaned SVG markup, ready to inline. */
  svg: string;
}

const DISK_CACHE = path.join(CACHE_DIR, 'gazette-charts');

/**
 * The worker's entry, as a source file: Node runs TypeScript itself. Resolved
 * from the project root, since this module runs from a bundled chunk in the
 * output folder (as `font.ts` resolves the font).
 */
const WORKER_ENTRY = path.join(process.cwd(), 'src/charts/draw-worker.ts');

type DrawReply = { id: string; svg: string } | { id: string; error: string };

let worker: Worker | undefined;
const waiting = new Map<string, { resolve: (svg: string) => void; reject: (error: unknown) => void }>();

/** Draws in the worker, started on first use; an idle worker does not keep the build alive. */
function drawInWorker(spec: ChartSpec, id: string): Promise<string> {
  if (!worker) {
    worker = new Worker(WORKER_ENTRY);
    worker.on('message', (reply: DrawReply) => {
      const request = waiting.get(reply.id)!;
      waiting.delete(reply.id);
      if (waiting.size === 0) worker?.unref();
      if ('svg' in reply) request.resolve(reply.svg);
      else request.reject(new Error(reply.error));
    });
    worker.on('error', (error) => {
      for (const request of waiting.values()) request.reject(error);
      waiting.clear();
      worker = undefined;
    });
  }
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.ref();
    worker!.postMessage({ spec, id });
  });
}

async function renderCached(spec: ChartSpec, id: string): Promise<string> {
  const file = path.join(DISK_CACHE, `${id}.svg`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    // Not drawn by an earlier build: draw it now.
  }
  const svg = await drawInWorker(spec, id);
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
  return { id, svg: drawChart(spec, id) };
}
