/**
 * The id Astro's glob loader gives a content file, which becomes the last
 * part of a document's URL. Scripts that work out URLs without running Astro
 * (link rewriting, `npm run check`, `npm run new`) use this so they agree
 * with the build.
 */
import { slug as githubSlug } from 'github-slugger';

/**
 * Mirrors `generateIdDefault` in astro/dist/content/loaders/glob.js: a `slug`
 * front-matter field wins; otherwise every folder and the file name without
 * its extension are slugged (github-slugger), and a trailing `/index` is dropped.
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
