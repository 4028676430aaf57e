/** One indicator's series as CSV: `/indicators/<id>.csv`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { indicatorStaticPaths, sourceLinks, type Indicator } from '../../data/indicators.ts';
import { indicatorTable, toCsv } from '../../indicators/downloads.ts';

export const getStaticPaths = indicatorStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { indicator } = props as { indicator: Indicator };
  return new Response(toCsv(indicatorTable([indicator], await sourceLinks())));
};
