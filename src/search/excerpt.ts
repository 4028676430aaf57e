/**
 * Where a query matches in a piece of text, for highlighting: the title of a
 * result and a short excerpt of its text. Matching follows the index exactly
 * (folded characters, the same words), and each match is marked whole, from
 * its first character to its last.
 */
import { SPACE_WORD, foldChar, indexWord, tokenize, type QueryPart } from './text.ts';

/** A run of text, marked when it is (part of) a match. */
export interface Segment {
  text: string;
  match: boolean;
}

interface Range {
  start: number;
  end: number;
}

/** Folds `text` and remembers, for every folded UTF-16 unit, where its character was in the original. */
function foldWithOffsets(text: string) {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const foldedChar = foldChar(char);
    for (let i = 0; i < foldedChar.length; i += 1) {
      starts.push(offset);
      ends.push(offset + char.length);
    }
    folded += foldedChar;
    offset += char.length;
  }
  return { folded, starts, ends };
}

/** Every occurrence of each part in `text`, as ranges of the original text (one list per part, overlaps kept). */
export function partMatches(text: string, parts: readonly QueryPart[]): Range[][] {
  const { folded, starts, ends } = foldWithOffsets(text);
  const tokens = tokenize(folded);
  // Whitespace is a word of its own, as in the index: no match runs across it.
  const words = tokens.map((token) => (token.kind === 'space' ? SPACE_WORD : indexWord(token).toLowerCase()));
  return parts.map((part) => {
    const found: Range[] = [];
    for (let i = 0; i + part.length <= words.length; i += 1) {
      if (part.every((word, j) => words[i + j] === word)) {
        found.push({ start: starts[tokens[i]!.start]!, end: ends[tokens[i + part.length - 1]!.end - 1]! });
      }
    }
    return found;
  });
}

/** Every match of every part in `text`, as ranges of the original text, sorted and merged. */
export function findMatches(text: string, parts: readonly QueryPart[]): Range[] {
  const found = partMatches(text, parts).flat();
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function segments(text: string, matches: readonly Range[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let cursor = from;
  for (const { start, end } of matches) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e <= s) continue;
    if (s > cursor) out.push({ text: text.slice(cursor, s), match: false });
    out.push({ text: text.slice(s, e), match: true });
    cursor = e;
  }
  if (cursor < to) out.push({ text: text.slice(cursor, to), match: false });
  return out;
}

/** The whole text with every match marked (for titles). */
export function highlight(text: string, parts: readonly QueryPart[]): Segment[] {
  return segments(text, findMatches(text, parts), 0, text.length);
}

/** Characters shown before the first match in an excerpt. */
const LEAD = 30;

/** Moves an offset off the second half of a surrogate pair. */
function atCodePoint(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  return unit >= 0xdc00 && unit <= 0xdfff ? offset - 1 : offset;
}

/**
 * A short excerpt: from the first block that contains a match (blocks come
 * body first, metadata last), about `length` characters around its first
 * match, every match in it marked. With no match, the start of the first block.
 */
export function excerpt(blocks: readonly string[], parts: readonly QueryPart[], length = 110): Segment[] {
  let text = blocks[0] ?? '';
  let matches: Range[] = [];
  for (const block of blocks) {
    const found = parts.length > 0 ? findMatches(block, parts) : [];
    if (found.length > 0) {
      text = block;
      matches = found;
      break;
    }
  }
  const first = matches[0];
  let start = first ? atCodePoint(text, Math.max(0, first.start - LEAD)) : 0;
  let end = Math.min(text.length, Math.max(start + length, first?.end ?? 0));
  if (end - start < length) start = atCodePoint(text, Math.max(0, end - length));
  end = atCodePoint(text, end);
  const out = segments(text, matches, start, end);
  if (start > 0) out.unshift({ text: '…', match: false });
  if (end < text.length) out.push({ text: '…', match: false });
  return out;
}
