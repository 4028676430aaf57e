/** One indicator's series as JSON: `/indicators/<id>.json`. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { citedUrl, indicatorStaticPaths, indicatorPath, sourceLinks } from '../../data/indicators.ts';
import { indicatorRecord, toJson } from '../../indicators/downloads.ts';

export const getStaticPaths = indicatorStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props: { indicator } }) => {
  return new Response(toJson(indicatorRecord(indicator, citedUrl(indicatorPath(indicator)), await sourceLinks())));
};
