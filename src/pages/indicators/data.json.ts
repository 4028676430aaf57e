/** Every indicator as JSON: `/indicators/data.json`. */
import type { APIRoute } from 'astro';
import { citedUrl, getIndicators, indicatorPath, sourceLinks } from '../../data/indicators.ts';
import { indicatorRecord, toJson } from '../../indicators/downloads.ts';

export const GET: APIRoute = async () => {
  const links = await sourceLinks();
  const indicators = (await getIndicators()).map((indicator) => indicatorRecord(indicator, citedUrl(indicatorPath(indicator)), links));
  return new Response(toJson({ indicators }));
};
