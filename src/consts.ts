/** Fixed choices of the site's presentation. */

/** Documents per listing page. */
export const PAGE_SIZE = 20;

/** Newest documents per kind on the home page. */
export const HOME_NEWEST_PER_KIND = 5;

/** Related documents shown under a document. */
export const RELATED_LIMIT = 5;
