/** Every indicator as one CSV table: `/indicators/data.csv`. */
import type { APIRoute } from 'astro';
import { getIndicators, sourceLinks } from '../../data/indicators.ts';
import { indicatorTable, toCsv } from '../../indicators/downloads.ts';

export const GET: APIRoute = async () => new Response(toCsv(indicatorTable(await getIndicators(), await sourceLinks())));
