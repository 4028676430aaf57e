/**
 * The text transforms behind Chinese search: what the index stores for a
 * document, what a query is turned into, and how stored text is shown again.
 *
 * Pagefind matches whole words, and its own Chinese segmentation splits text
 * differently at index time (ICU4X) and in the browser (Intl.Segmenter). So
 * the index is given text that is already cut into words, separated by thin
 * spaces (`WORD_BREAK`), from the smallest units that a reader can type:
 *
 * - a token is a Han character, a run of letters or digits (`OA`, `2020`,
 *   `G11`, ended by `_` so that Pagefind's prefix matching cannot stretch `6`
 *   to `60`), or any other visible character (`〔`, `+`, `。`, made
 *   searchable through Pagefind's `includeCharacters`);
 * - the index word at each token is that token and the next one, within a
 *   run of tokens (`网格 格化 化`): a token pair. A common character is in
 *   most documents, but each of its pairs is far rarer, so a query loads and
 *   intersects much shorter lists than with a word per character
 *   (bench/README.md). There is still one word per token, so positions
 *   count tokens; a query of n tokens is the exact phrase of its n − 1 pairs
 *   (`"网格 格化"`, the last pair covers the last token), and a query of one
 *   token a prefix search (`网` finds `网格`, `网络`, `网`): see `indexPhrase`.
 *
 * Both sides first fold each character on its own: full-width letters and
 * digits to ASCII, compatibility ideographs to their unified form, and
 * traditional to simplified with OpenCC's character table. Folding character
 * by character keeps every substring of a text a substring of its folded
 * form, so a query can never miss because a phrase table converted its
 * context differently. Punctuation is not folded: excerpts keep the text's
 * own Chinese punctuation, and a query matches it as typed.
 */
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Separates the words of index text. A thin space: whitespace, so that
 * Pagefind splits words on it without a segmenter. Pagefind stores every run
 * of whitespace as one space, so the text's own spaces become `SPACE_WORD`.
 */
export const WORD_BREAK = '\u2009';
/** Index word that stands for a run of whitespace in the text, shown again as one space. */
export const SPACE_WORD = 'ǀ';
/** Ends a run of letters or digits in index text (`oa_`). */
export const WORD_END = '_';
/**
 * Index word that fills the title's block up to the shard's title span
 * (see `toIndexContent`), so that a position tells a title match from a body
 * match without a search for where each title ends.
 */
export const TITLE_END = 'ǂ';
/** Index word between blocks (paragraphs, cells, fields) so no match runs from one block into the next. */
export const BLOCK_BREAK = 'ǁ';
/** The only word of a shard's start marker (`src/search/shards.ts`), which no query can match. */
export const SHARD_START_WORD = 'ǃ';

/** Characters the transforms use themselves; found in a document, they are replaced. */
const RESERVED = new Set([TITLE_END, BLOCK_BREAK, SPACE_WORD, SHARD_START_WORD]);
const REPLACEMENT = '\uFFFD';

/** Quote marks that readers type around a phrase; they separate query parts like spaces do. */
const QUERY_QUOTES = /["“”「」『』]/gu;

const HAN = /^\p{Script=Han}$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const SPACE = /^\s$/u;

// OpenCC's traditional-to-simplified character table (it also covers the
// Taiwan and Hong Kong variants, 裡 and 為). Only the character table: its
// phrase table would fold a character differently in different contexts.
const toSimplified = ConverterFactory([TSCharacters]);
const foldedChars = new Map<string, string>();

/**
 * Characters whose NFKC form is what a reader would type: full-width letters
 * and digits (`Ｇ１１` → `G11`), CJK compatibility ideographs and radicals.
 */
const WIDTH_AND_COMPATIBILITY =
  /^(?:[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}])$/u;

/** One character (code point) as search compares it: width and compatibility folded, then simplified. */
export function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    const unified = WIDTH_AND_COMPATIBILITY.test(char) ? char.normalize('NFKC') : char;
    folded = RESERVED.has(char) ? REPLACEMENT : toSimplified(unified);
    foldedChars.set(char, folded);
  }
  return folded;
}

/** A whole text folded character by character (see `foldChar`). */
export function foldText(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

export function isHan(char: string): boolean {
  return HAN.test(char);
}

function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char) && !HAN.test(char);
}

/** A unit of folded text: a Han character, a run of letters/digits, one other character, or whitespace. */
export interface TextToken {
  text: string;
  kind: 'han' | 'word' | 'symbol' | 'space';
  /** Offset of the token in the text it was cut from (in UTF-16 units). */
  start: number;
  end: number;
}

/**
 * Cuts already folded text into tokens. Runs of whitespace become one
 * `space` token; everything else is searchable.
 */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let offset = 0;
  for (const char of text) {
    const start = offset;
    offset += char.length;
    const kind: TextToken['kind'] = isHan(char) ? 'han' : isWordChar(char) ? 'word' : SPACE.test(char) ? 'space' : 'symbol';
    const last = tokens.at(-1);
    if (last && last.kind === kind && (kind === 'word' || kind === 'space')) {
      last.text += char;
      last.end = offset;
    } else {
      tokens.push({ text: char, kind, start, end: offset });
    }
  }
  return tokens;
}

/** The word the index stores for a token (`OA` → `OA_`). */
export function indexWord(token: TextToken): string {
  return token.kind === 'word' ? token.text + WORD_END : token.text;
}

/**
 * The words of one block of document text as the index stores them (see
 * `toIndexText`): at each token, the token paired with the next one, unless
 * whitespace or the block's end comes first. Whitespace is a `SPACE_WORD`.
 */
function indexWords(text: string): string[] {
  const tokens = tokenize(foldText(text).trim());
  return tokens.map((token, i) => {
    if (token.kind === 'space') return SPACE_WORD;
    const next = tokens[i + 1];
    return next && next.kind !== 'space' ? indexWord(token) + indexWord(next) : indexWord(token);
  });
}

/**
 * One block of document text (a paragraph, a heading, a field value) as the
 * index stores it: folded, cut into words separated by word breaks, with
 * each run of whitespace inside it kept as a `SPACE_WORD`.
 */
export function toIndexText(text: string): string {
  return indexWords(text).join(WORD_BREAK);
}

/**
 * The title span of a shard whose documents have these titles: one more
 * than the longest title's count of index words, so that every title is
 * followed by at least one `TITLE_END`.
 */
export function titleSpan(titles: Iterable<string>): number {
  let longest = 0;
  for (const title of titles) longest = Math.max(longest, indexWords(title).length);
  return longest + 1;
}

/**
 * The whole indexed content of a document: the title, filled with
 * `TITLE_END` words up to `span` words (the shard's `titleSpan`), then the
 * other blocks (body paragraphs, metadata values), each kept apart by a
 * block break so that no phrase can match across two of them. Every
 * document of a shard thus starts its body at the same position: a match
 * ending before `span` is in the title.
 */
export function toIndexContent(title: string, blocks: readonly string[], span: number): string {
  const titleWords = indexWords(title);
  if (titleWords.length >= span) throw new RangeError(`title span ${span} is too short for a title of ${titleWords.length} words`);
  const titleBlock = [...titleWords, ...Array<string>(span - titleWords.length).fill(TITLE_END)].join(WORD_BREAK);
  const parts = [titleBlock, ...blocks.map(toIndexText).filter((block) => block !== '')];
  return parts.join(` ${BLOCK_BREAK} `);
}

/**
 * Index text back to readable (folded) text, from the words as written or as
 * Pagefind stores them (every word break a plain space). In index text a `_`
 * directly after a letter or digit is always a word end (real underscores
 * are words of their own), so removing those, joining the words and turning
 * each `SPACE_WORD` back into a space restores the folded text exactly.
 */
export function fromIndexText(indexText: string): string {
  return indexText
    .split(/\s+/u)
    .map((word) => (word === SPACE_WORD ? ' ' : firstToken(word)))
    .join('')
    .replace(/(?<=[\p{L}\p{N}\p{M}])_/gu, '');
}

/**
 * The first token of an index word (a token pair, or one token): a run of
 * letters or digits up to its word end (it holds no other `_`), or else one
 * character.
 */
export function firstToken(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  if (word === '') return '';
  if (isWordChar(first)) {
    const end = word.indexOf(WORD_END);
    return end < 0 ? word : word.slice(0, end + 1);
  }
  return first;
}

/** Stored content (see `toIndexContent`) split back into its title and other blocks, readable. */
export function splitIndexContent(content: string): { title: string; blocks: string[] } {
  const [titleBlock = '', ...blocks] = content.split(` ${BLOCK_BREAK} `);
  const titleWords = titleBlock.split(/\s+/u);
  const titleEnd = titleWords.indexOf(TITLE_END);
  if (titleEnd < 0) throw new Error('search index content has no title marker');
  return { title: fromIndexText(titleWords.slice(0, titleEnd).join(' ')), blocks: blocks.map(fromIndexText) };
}

/** A query part: the words of one phrase, as the index stores them. */
export type QueryPart = readonly string[];

/**
 * A typed query as phrases to look up. Spaces (and quote marks) separate
 * parts; every part must appear in a document, as an exact phrase.
 * `土地整备 2020年` → `[["土","地","整","备"], ["2020_","年"]]`.
 */
export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const seen = new Set<string>();
  for (const piece of foldText(query.replace(QUERY_QUOTES, ' ')).split(/\s+/u)) {
    const words = tokenize(piece)
      .filter((token) => token.kind !== 'space')
      .map((token) => indexWord(token).toLowerCase());
    const key = words.join(' ');
    if (words.length > 0 && !seen.has(key)) {
      seen.add(key);
      parts.push(words);
    }
  }
  return parts;
}

/**
 * How the index finds a query part: the index words at its consecutive
 * positions, looked up as prefixes. A part of n ≥ 2 tokens is its n − 1
 * token pairs (`网格化` → `网格 格化`), found exactly by a phrase search or
 * each by prefix, since no index word is longer than a pair and a pair's
 * first token is whole (a Han character, a run ended by `_`, or one
 * symbol). A part of one token is that token, standing for every index word
 * it begins: the token itself at a run's end, or paired with any next one.
 */
export interface IndexPhrase {
  words: string[];
  /** True for one token: a prefix search, not a phrase. */
  prefix: boolean;
}

export function indexPhrase(part: QueryPart): IndexPhrase {
  if (part.length <= 1) return { words: [...part], prefix: true };
  return { words: part.slice(0, -1).map((word, i) => word + part[i + 1]!), prefix: false };
}

/** The characters, other than letters, digits, Han and whitespace, that occur in index text: Pagefind must keep them in words. */
export function symbolCharacters(indexText: string): Set<string> {
  const symbols = new Set<string>();
  for (const char of indexText) {
    if (char === TITLE_END || char === BLOCK_BREAK || char === SPACE_WORD) continue;
    if (!isHan(char) && !WORD_CHAR.test(char) && !SPACE.test(char)) symbols.add(char);
  }
  return symbols;
}

/** Per source character: the symbols its folded form holds, and whether it holds a letter or digit. */
const charClasses = new Map<string, { symbols: string[]; word: boolean }>();

function classifyChar(char: string): { symbols: string[]; word: boolean } {
  let found = charClasses.get(char);
  if (found === undefined) {
    const folded = [...foldChar(char)];
    found = {
      symbols: folded.filter((c) => !isHan(c) && !WORD_CHAR.test(c) && !SPACE.test(c)),
      word: folded.some(isWordChar),
    };
    charClasses.set(char, found);
  }
  return found;
}

/**
 * The symbols that the index text of `texts` would contain (what
 * `symbolCharacters(toIndexContent(…))` gives), found without building it:
 * one cheap pass over every document, so that the whole index's symbols are
 * known before its first shard is written.
 */
export function indexSymbols(texts: Iterable<string>): Set<string> {
  const symbols = new Set<string>();
  let hasWords = false;
  for (const text of texts) {
    for (const char of text) {
      const { symbols: found, word } = classifyChar(char);
      for (const symbol of found) symbols.add(symbol);
      hasWords ||= word;
    }
  }
  // Runs of letters and digits end with a word-end mark in index text.
  if (hasWords) symbols.add(WORD_END);
  return symbols;
}

/**
 * Symbols Pagefind must not treat as word characters: the quote mark, which
 * delimits its exact-phrase syntax. A query part containing one can match
 * nothing, and `parseQuery` never produces one.
 */
export const UNSEARCHABLE_SYMBOLS: ReadonlySet<string> = new Set(['"']);

/** True when every word of `part` is something the index can contain. */
export function isSearchablePart(part: QueryPart, searchableSymbols: ReadonlySet<string>): boolean {
  return part.every((word) => {
    const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
    if (isHan(first) || (word.length > 1 && word.endsWith(WORD_END))) return true;
    return searchableSymbols.has(word);
  });
}
