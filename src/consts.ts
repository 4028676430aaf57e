/** Fixed choices of the site's presentation. */

// Page sizes, one per kind of list. Here rather than in site-settings.ts,
// which reads the environment: the search page's browser script imports this file.

/** Documents per page of a kind's listing (`reports/`, `reports/page/2/`). */
export const LISTING_PAGE_SIZE = 20;

/** Search results shown at first, and added by each press of "more" (src/search/client/page.ts). */
export const SEARCH_RESULTS_PAGE_SIZE = 10;

/** Newest documents per kind on the home page. */
export const HOME_NEWEST_PER_KIND = 5;

/** Related documents shown under a document. */
export const RELATED_LIMIT = 5;
