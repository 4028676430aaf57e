/** URL helpers that respect the site's base path. */

/** Normalises a base path to `/x/y/` form; empty or unset means `/`. */
export function normalizeBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Joins a site-relative path (`reports/x/`) to the base (`/kb/`).
 * Keeps a trailing slash on directory paths so links match the built files.
 */
export function withBase(base: string, path: string): string {
  const clean = path.replace(/^\/+/, '');
  return `${normalizeBase(base)}${clean}`;
}

/**
 * The address to print where a reader copies it (a citation, a download's
 * links): absolute under the deployed origin when it is known, otherwise the
 * path under the base. Never an invented host such as `http://localhost`.
 */
export function citableUrl(base: string, path: string, siteUrl: string | undefined): string {
  const local = withBase(base, path);
  return siteUrl ? new URL(local, siteUrl).href : local;
}

/** The site-relative path of a URL path under the base (`/kb/reports/x/` → `reports/x/`); the inverse of `withBase`. */
export function withoutBase(base: string, urlPath: string): string {
  const prefix = normalizeBase(base);
  return urlPath.startsWith(prefix) ? urlPath.slice(prefix.length) : urlPath.replace(/^\/+/, '');
}
