/**
 * Where a page sits in the site's navigation, for the header's
 * `aria-current`: the section's own page is the current page (`page`), any
 * page inside the section is in the current section (`true`).
 */

/** `aria-current` for the header link to `sectionPath` on the page at `pagePath` (both site-relative: `reports/`, `reports/x/`; the home page is `''`). */
export function sectionCurrent(pagePath: string, sectionPath: string): 'page' | 'true' | undefined {
  if (pagePath === sectionPath) return 'page';
  // Every page is "inside" the home page; only the home page itself is marked.
  if (sectionPath !== '' && pagePath.startsWith(sectionPath)) return 'true';
  return undefined;
}
