/** One indicator's series as JSON: `/indicators/<id>.json`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citedUrl, indicatorStaticPaths, indicatorPath, sourceLinks, type Indicator } from '../../data/indicators.ts';
import { indicatorRecord, toJson } from '../../indicators/downloads.ts';

export const getStaticPaths = indicatorStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { indicator } = props as { indicator: Indicator };
  return new Response(toJson(indicatorRecord(indicator, citedUrl(indicatorPath(indicator)), await sourceLinks())));
};
