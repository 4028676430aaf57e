/**
 * Inlining a rendered chart into a page. Ids inside a chart's SVG come from
 * its content hash, so two different charts never collide; the same chart
 * shown twice on one page gets a numbered copy of its ids the second time.
 */
import type { RenderedChart } from './render.ts';

const shownOnPage = new WeakMap<object, Map<string, number>>();

/** The SVG markup for one appearance of `chart` on the page rendered with `page` (Astro.locals). */
export function chartMarkupForPage(chart: RenderedChart, page: object): string {
  let shown = shownOnPage.get(page);
  if (!shown) shownOnPage.set(page, (shown = new Map()));
  const count = (shown.get(chart.id) ?? 0) + 1;
  shown.set(chart.id, count);
  return count === 1 ? chart.svg : chart.svg.replaceAll(chart.id, `${chart.id}-${count}`);
}
