/**
 * Slugs for URLs built from names (issuers, topics).
 *
 * Chinese characters are kept as they are: intranet browsers and nginx handle
 * UTF-8 paths, and a readable `/topics/改革/` beats a transliteration.
 * Full-width forms are folded (NFKC) so `ＯＡ系统` and `OA系统` share a slug.
 *
 * Not github-slugger (which Astro uses for entry ids, src/lib/entry-id.ts):
 * it makes heading anchors, deleting punctuation instead of separating words
 * with it, so `城市更新（旧改）` would become `城市更新旧改` (here
 * `城市更新-旧改`), `光明·新区` `光明新区`, `A & B` `a--b` and ` 前后 `
 * `-前后-`. Switching would move the pages of issuers and topics already
 * published; tests/unit/lib.test.ts keeps these forms.
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
