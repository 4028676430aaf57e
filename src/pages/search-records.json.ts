/**
 * The search records of every published document, for the search-index
 * integration, which reads this file after the build and removes it.
 * Documents come from `getDocuments()`, so nothing the access gate keeps out
 * can reach the index.
 */
import { getDocuments } from '../data/documents.ts';
import { searchRecord } from '../lib/search-record.ts';
import { href } from '../site-settings.ts';

export async function GET() {
  return Response.json((await getDocuments()).map((doc) => searchRecord(doc, href)));
}
