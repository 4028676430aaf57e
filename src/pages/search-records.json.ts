/**
 * The search records of every published document, for the search index
 * that `npm run build` writes once Astro is done (src/search/build-index.ts);
 * it takes this file out of the output before anything else reads it.
 * Documents come from `getDocuments()`, so nothing the access gate keeps out
 * can reach the index.
 */
import { getDocuments } from '../data/documents.ts';
import { searchRecord } from '../search/record.ts';
import { href } from '../site-settings.ts';

export async function GET() {
  return Response.json((await getDocuments()).map((doc) => searchRecord(doc, href)));
}
