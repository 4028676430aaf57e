/**
 * A copy of a string that keeps nothing else alive.
 *
 * V8 lets a substring (a regex match, a slice, a trimmed string) point into
 * the string it was cut from, so keeping a short piece of a large text keeps
 * the whole text in memory. Measured at 10,000 documents (bench/README.md):
 * the search index's body blocks held on to every page's HTML (241 MB live
 * instead of 25 MB), and the chart worker's cache of optimised SVG elements
 * to every chart's SVG (134 MB live after 400 charts instead of 47 MB).
 * Whatever is kept for long from a large text goes through here.
 */
export function detachedString(text: string): string {
  // The structured clone of a string is built anew from its characters (lone surrogates included).
  return structuredClone(text);
}
