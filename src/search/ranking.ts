/**
 * Relevance for exact-phrase search: documents whose title contains the
 * query come first, then those with more occurrences, then the newest.
 * Worked out either from where each query word occurs in a document (word
 * positions, as the index numbers them: a phrase counts only where its words
 * stand next to each other in order) or, equivalently, from its text.
 */
import { partMatches } from './excerpt.ts';
import { indexPhrase, type QueryPart } from './text.ts';

/** Positions in one document of each index word a query looks up (see `phraseStarts`). */
export type WordPositions = ReadonlyMap<string, readonly number[]>;

/**
 * Start positions of every occurrence of `part`: its index words (see
 * `indexPhrase`) at consecutive positions. `positions` holds, for each of
 * those words, the positions of the index words it is a prefix of, as a
 * one-word Pagefind search reports them.
 */
export function phraseStarts(part: QueryPart, positions: WordPositions): number[] {
  const [first, ...rest] = indexPhrase(part).words;
  if (first === undefined) return [];
  const following = rest.map((word) => new Set(positions.get(word) ?? []));
  return (positions.get(first) ?? []).filter((start) => following.every((set, i) => set.has(start + i + 1)));
}

export interface Relevance {
  /** How many query parts occur in the title. */
  titleParts: number;
  /** Occurrences of all query parts in the whole document. */
  occurrences: number;
}

/**
 * The relevance of one document. `titleSpan` is the position where its body
 * starts (its shard's title span, see `toIndexContent`): a phrase ending
 * before it lies in the title.
 */
export function relevance(parts: readonly QueryPart[], positions: WordPositions, titleSpan: number): Relevance {
  let titleParts = 0;
  let occurrences = 0;
  for (const part of parts) {
    const starts = phraseStarts(part, positions);
    occurrences += starts.length;
    if (starts.some((start) => start + part.length - 1 < titleSpan)) titleParts += 1;
  }
  return { titleParts, occurrences };
}

/**
 * The same relevance worked out from a document's text (its title and the
 * other indexed blocks), for when the text is at hand anyway.
 */
export function textRelevance(parts: readonly QueryPart[], title: string, blocks: readonly string[]): Relevance {
  const inTitle = partMatches(title, parts);
  const inBlocks = blocks.map((block) => partMatches(block, parts));
  return {
    titleParts: inTitle.filter((matches) => matches.length > 0).length,
    occurrences: parts.reduce((sum, _part, i) => sum + inTitle[i]!.length + inBlocks.reduce((n, block) => n + block[i]!.length, 0), 0),
  };
}

/**
 * Orders `items`, given newest first, by relevance: title matches first,
 * then more occurrences; items that tie keep their order, so ties go to the
 * newest.
 */
export function byRelevance<T>(newestFirst: readonly T[], relevanceOf: (item: T) => Relevance): T[] {
  const keyed = newestFirst.map((item, order) => ({ item, order, key: relevanceOf(item) }));
  keyed.sort((a, b) => b.key.titleParts - a.key.titleParts || b.key.occurrences - a.key.occurrences || a.order - b.order);
  return keyed.map(({ item }) => item);
}
