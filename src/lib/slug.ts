/**
 * Slugs for URLs built from names (issuers, topics).
 *
 * Chinese characters are kept as they are: intranet browsers and nginx handle
 * UTF-8 paths, and a readable `/topics/改革/` beats a transliteration.
 * Full-width forms are folded (NFKC) so `ＯＡ系统` and `OA系统` share a slug.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new Error(`无法为“${name}”生成网址（cannot make a URL slug from "${name}"）`);
  return slug;
}
