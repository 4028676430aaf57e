/**
 * Which file ("slice") of a web font each character goes into.
 *
 * The slices follow Google Fonts' partition of Chinese, the ~100 numbered
 * subsets (`[0]` … `[119]`) of Noto Sans SC that fontsource publishes in its
 * `unicode.json`. That partition was made from character frequencies, for
 * exactly this purpose: `[119]` holds ASCII and common punctuation, `[118]`
 * the most common hanzi, and each lower number rarer ones. Using a fixed,
 * published partition rather than one computed from this site's own text
 * keeps the files stable:
 *
 * - a new document changes only the slices that gain a character the site
 *   did not use before; every other file keeps its name (a content hash), so
 *   readers' caches and the build cache stay warm;
 * - a page's common characters sit in the few slices every page shares, and
 *   a rare character costs a reader only its own, small, slice;
 * - two builds of the same content always slice it the same way, whatever
 *   was built before (the output must not depend on the cache).
 *
 * Each slice is then subset to the characters the site really uses, so a
 * file holds only glyphs some page needs. A character outside the partition
 * goes to a slice of its fixed 256-code-point block (`u4e`: U+4E00–U+4EFF).
 *
 * Subset to one site, the rarer slices hold a character or two each, and a
 * file costs some 1.1 KB besides its glyphs (header, tables, a name table):
 * a document page of a small site paid more for those than for its rare
 * characters. So neighbouring slices (neighbours in frequency) that hold few
 * of the site's characters share a file (`mergeSparseSlices`), by fixed
 * aligned blocks of 2, 4, 8 or 16 slice numbers, so that a change stays
 * inside its block.
 */

/** Slice name → unicode-range text, as in fontsource's `unicode.json`. */
export type UnicodeRanges = Readonly<Record<string, string>>;

/** A code point's slice, by name. */
export interface SlicePartition {
  sliceOf(codePoint: number): string;
}

/** `U+4E00-4E0B,U+4E0D` → [[0x4e00, 0x4e0b], [0x4e0d, 0x4e0d]]. */
export function parseUnicodeRange(text: string): Array<[number, number]> {
  return text.split(',').map((part) => {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`not a unicode-range: ${JSON.stringify(part)}`);
    const first = parseInt(match[1]!, 16);
    return [first, match[2] ? parseInt(match[2], 16) : first];
  });
}

/** Code points (any order, duplicates allowed) as a CSS unicode-range: `U+20-22,U+4E00`. */
export function formatUnicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    const last = sorted[i]!;
    const hex = (codePoint: number) => codePoint.toString(16).toUpperCase();
    parts.push(first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`);
  }
  return parts.join(',');
}

/** The slice name of a code point outside the partition: its 256-code-point block. */
export function blockSliceName(codePoint: number): string {
  return `u${(codePoint >> 8).toString(16)}`;
}

/**
 * The partition from fontsource's `unicode.json`: only its numbered slices
 * (`[118]` → `118`); the named ones (`latin`, `cyrillic`…) overlap them.
 */
export function slicePartition(ranges: UnicodeRanges): SlicePartition {
  const slices = new Map<number, string>();
  for (const [name, range] of Object.entries(ranges)) {
    const numbered = /^\[(\d+)\]$/.exec(name);
    if (!numbered) continue;
    for (const [first, last] of parseUnicodeRange(range)) {
      for (let codePoint = first; codePoint <= last; codePoint++) if (!slices.has(codePoint)) slices.set(codePoint, numbered[1]!);
    }
  }
  if (slices.size === 0) throw new Error('the slice partition has no numbered slices');
  return { sliceOf: (codePoint) => slices.get(codePoint) ?? blockSliceName(codePoint) };
}

/** The code points grouped by slice, each group sorted; slices in name order. */
export function sliceCodePoints(codePoints: Iterable<number>, partition: SlicePartition): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const codePoint of codePoints) {
    const name = partition.sliceOf(codePoint);
    const group = groups.get(name);
    if (group) group.push(codePoint);
    else groups.set(name, [codePoint]);
  }
  const names = [...groups.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return new Map(names.map((name) => [name, groups.get(name)!.sort((a, b) => a - b)]));
}

/** At most this many slice numbers share a file: 16, an aligned block. */
const MAX_MERGED_LEVEL = 4;

/**
 * Merges numbered slices that hold few characters into shared files: each
 * aligned block of 2^level slice numbers (level 4 down to 1) whose slices
 * hold at most `fewest` characters together becomes one slice named by its
 * block (`96-111`); a fuller block is split in two and each half tried the
 * same way. A block's files depend only on the characters in it, so a new
 * character changes the files of its own block of 16 at most. Slices of
 * 256-code-point blocks (`u4e`) are kept as they are.
 */
export function mergeSparseSlices(groups: ReadonlyMap<string, number[]>, fewest: number): Map<string, number[]> {
  const numbered = new Map<number, number[]>();
  const merged = new Map<string, number[]>();
  for (const [name, codePoints] of groups) {
    if (/^\d+$/.test(name)) numbered.set(Number(name), codePoints);
    else merged.set(name, codePoints);
  }
  const count = (first: number, last: number) => {
    let total = 0;
    for (const [number, codePoints] of numbered) if (number >= first && number <= last) total += codePoints.length;
    return total;
  };
  const place = (level: number, block: number) => {
    const first = block << level;
    const last = first + (1 << level) - 1;
    const total = count(first, last);
    if (total === 0) return;
    if (level > 0 && total > fewest) {
      place(level - 1, block * 2);
      place(level - 1, block * 2 + 1);
      return;
    }
    const codePoints = [...numbered].filter(([number]) => number >= first && number <= last).flatMap(([, points]) => points);
    merged.set(
      level === 0 ? String(first) : `${first}-${last}`,
      codePoints.sort((a, b) => a - b),
    );
  };
  const highest = Math.max(0, ...numbered.keys());
  for (let block = 0; block <= highest >> MAX_MERGED_LEVEL; block++) place(MAX_MERGED_LEVEL, block);
  const names = [...merged.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return new Map(names.map((name) => [name, merged.get(name)!]));
}
