/**
 * The chart worker: draws the charts `render.ts` sends it, one at a time, on
 * the second core. A drawing error (a character the font lacks) goes back as
 * its message, for the page that asked.
 */
import { parentPort } from 'node:worker_threads';
import type { ChartSpec } from './spec.ts';
import { drawChart } from './draw.ts';

parentPort!.on('message', ({ spec, id }: { spec: ChartSpec; id: string }) => {
  try {
    parentPort!.postMessage({ id, svg: drawChart(spec, id) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
