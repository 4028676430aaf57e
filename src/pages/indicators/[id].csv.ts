/** One indicator's series as CSV: `/indicators/<id>.csv`. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { indicatorStaticPaths, sourceLinks } from '../../data/indicators.ts';
import { indicatorTable, toCsv } from '../../indicators/downloads.ts';

export const getStaticPaths = indicatorStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props: { indicator } }) => {
  return new Response(toCsv(indicatorTable([indicator], await sourceLinks())));
};
