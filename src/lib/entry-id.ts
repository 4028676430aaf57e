/**
 * The id of a content file, which becomes the last part of a document's URL
 * (and a journal's slug). It is ours, not a copy of Astro's: every
 * collection's `glob()` loader is given it as `generateId`
 * (src/lib/content-files/collections.ts), so the build and the tools that
 * work out URLs without running Astro (link rewriting, `npm run check`,
 * `npm run new`) agree by construction.
 */
import { slug as githubSlug } from 'github-slugger';

/**
 * A `slug` front-matter field wins; otherwise every folder and the file name
 * without its extension are slugged (github-slugger), and a trailing `/index`
 * is dropped: the ids Astro's default gave, so no URL changed when we took
 * the id over.
 */
export function entryId(pathInCollection: string, slugField?: unknown): string {
  if (slugField !== undefined && slugField !== null && slugField !== '') return String(slugField);
  const withoutExtension = pathInCollection.replace(/\.[^./]+$/, '');
  return withoutExtension
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/\/index$/, '');
}
