/**
 * The Content-Security-Policy: the site's own origin and nothing else.
 * Astro writes `script-src` and `style-src` itself, with a sha256 hash for
 * each inline script and style; these are the other directives.
 */

/** Directives every page's CSP `<meta>` carries besides script-src and style-src. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * Script sources of the search page: Pagefind compiles its WebAssembly,
 * which needs 'wasm-unsafe-eval'. Setting any script source replaces Astro's
 * default `'self'`, so it is listed again.
 */
export const SEARCH_PAGE_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** A policy as directive name → sources, in the order written. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Sources that let a page reach beyond its own origin or run unhashed inline code. */
export function foreignSources(policy: string): string[] {
  const allowed = /^('self'|'none'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|'wasm-unsafe-eval'|data:)$/;
  const found: string[] = [];
  for (const [name, sources] of parseCsp(policy)) {
    for (const source of sources) if (!allowed.test(source)) found.push(`${name} ${source}`);
  }
  return found;
}
