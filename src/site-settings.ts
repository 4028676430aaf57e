/**
 * Build-wide settings that one repository needs to vary between deployments.
 * Read once from the environment here, and nowhere else, so that the intranet
 * build and the public build differ only by environment variables.
 */
import { parseAudience, type Audience } from './lib/access.ts';
import { normalizeBase, withBase } from './lib/urls.ts';
import { parseShardSize } from './search/shards.ts';
import { parseMaxDocumentBytes } from './lib/content-files/size-limit.ts';

/** Who this build is for: `internal` (intranet, default) or `public`. */
export const SITE_AUDIENCE: Audience = parseAudience(process.env.SITE_AUDIENCE);

/** URL prefix the site is served under, always with leading and trailing slash (`/kb/`). */
export const SITE_BASE: string = normalizeBase(process.env.SITE_BASE);

/**
 * The deployed site's origin (`http://intranet.example`), for citations,
 * downloads, feeds and the sitemap; unset in development. Without it
 * citations print paths, and a production build warns (src/integrations/site-url.ts).
 */
export const SITE_URL: string | undefined = process.env.SITE_URL?.trim() || undefined;

/**
 * The origin feeds and the sitemap are written with: they need absolute
 * URLs, so without SITE_URL they get this stand-in, and the build says so.
 */
export const FEED_ORIGIN: string = SITE_URL ?? 'http://localhost';

/**
 * Where the documents live. Tests point this at small fixture sites;
 * everyone else uses the repository's `content/` folder.
 */
export const CONTENT_DIR: string = process.env.GAZETTE_CONTENT_DIR ?? './content';

/** A site-relative path (`reports/x/`) as a link that works under the base. */
export function href(path: string): string {
  return withBase(SITE_BASE, path);
}

/** Astro's cache folder; tests give each build its own so builds never share state. */
export const CACHE_DIR: string = process.env.GAZETTE_CACHE_DIR ?? './node_modules/.astro';

/**
 * Strict figures: a printed rate or growth that disagrees with its
 * recomputation fails the build instead of warning. `GAZETTE_STRICT=1` or
 * `astro build --strict` (`npm run build -- --strict`).
 */
export const STRICT_FIGURES: boolean = process.env.GAZETTE_STRICT === '1' || process.argv.includes('--strict');

/**
 * At most this many documents in one search index shard (see
 * src/search/shards.ts). Tests set it small to exercise merged shards.
 */
export const SEARCH_SHARD_SIZE: number = parseShardSize(process.env.GAZETTE_SEARCH_SHARD_SIZE);

/**
 * The largest content file the check accepts, in bytes: 2 MB by default
 * (src/lib/content-files/size-limit.ts), `GAZETTE_MAX_DOCUMENT_BYTES` otherwise.
 */
export const MAX_DOCUMENT_BYTES: number = parseMaxDocumentBytes(process.env.GAZETTE_MAX_DOCUMENT_BYTES);

/**
 * Set by `npm run build` for its `astro build`: the pipeline writes the web
 * fonts itself once Astro has exited, beside the search index, instead of in
 * Astro's build:done hook (src/integrations/web-fonts.ts), so that their
 * memory does not add to Astro's and their time overlaps Pagefind's.
 */
export const WEB_FONTS_AFTER_ASTRO: boolean = process.env.GAZETTE_WEB_FONTS_AFTER_ASTRO === '1';
