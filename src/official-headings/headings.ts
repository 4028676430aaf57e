/**
 * Official heading levels of Chinese government documents (GB/T 9704-2012):
 *
 *   一、   first level   → h2
 *   （一） second level  → h3   (half-width brackets are accepted too)
 *   1．    third level   → h4   (also `1.` and `1、`)
 *   （1）  fourth level  → h5
 *
 * Headings are often "run-in": the heading sentence ends at the first 。 and
 * the body continues on the same line. `splitRunIn` separates the two.
 */

export type HeadingDepth = 2 | 3 | 4 | 5;

const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇]+';

/** Marker patterns, most specific first. */
const MARKERS: ReadonlyArray<{ depth: HeadingDepth; pattern: RegExp }> = [
  { depth: 2, pattern: new RegExp(`^${CHINESE_NUMERAL}、`) },
  { depth: 3, pattern: new RegExp(`^[（(]${CHINESE_NUMERAL}[）)]`) },
  // A digit run followed by a full stop, but not a decimal number such as 1.5亿.
  { depth: 4, pattern: /^\d{1,2}[.．、](?!\d)/ },
  { depth: 5, pattern: /^[（(]\d{1,2}[）)]/ },
];

export interface OfficialHeading {
  depth: HeadingDepth;
  /** The numbering as written, e.g. `（一）` or `(一)`. */
  marker: string;
}

/** Recognises the numbering at the start of a paragraph, or returns null. */
export function detectOfficialHeading(text: string): OfficialHeading | null {
  const trimmed = text.trimStart();
  for (const { depth, pattern } of MARKERS) {
    const match = pattern.exec(trimmed);
    // A bare marker with nothing after it is not a heading.
    if (match && trimmed.length > match[0].length) return { depth, marker: match[0] };
  }
  return null;
}

export interface RunInSplit {
  /** The heading sentence, including its closing 。 */
  heading: string;
  /** The body that followed on the same line; empty when there was none. */
  body: string;
}

/**
 * Splits a run-in heading after its first 。 The 。 stays with the heading so
 * that every character of the source is kept.
 */
export function splitRunIn(text: string): RunInSplit {
  const stop = text.indexOf('。');
  if (stop === -1) return { heading: text, body: '' };
  return { heading: text.slice(0, stop + 1), body: text.slice(stop + 1).trimStart() };
}
