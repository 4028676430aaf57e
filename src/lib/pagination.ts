/**
 * Listing pages. Page 1 lives at the listing's own URL (`reports/`), later
 * pages at `reports/page/2/`, so they can never collide with document ids.
 *
 * Not Astro's `paginate()`: it takes the page number from the route's own
 * `page` parameter, so later pages would be `reports/2/` (beside the
 * documents, `[kind]/[...page].astro`) or page 1 would move to
 * `reports/page/` (`[kind]/page/[...page].astro`). Named apart from it.
 */

export interface ListingPage<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  totalPages: number;
  /** Path segment after the listing URL: undefined for page 1, `page/N` after. */
  param: string | undefined;
}

export function pageParam(page: number): string | undefined {
  return page === 1 ? undefined : `page/${page}`;
}

/** `items` cut into listing pages of `pageSize`; always at least one page, empty when there are no items. */
export function listingPages<T>(items: readonly T[], pageSize: number): ListingPage<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: totalPages }, (_, index) => ({
    items: items.slice(index * pageSize, (index + 1) * pageSize),
    page: index + 1,
    totalPages,
    param: pageParam(index + 1),
  }));
}
