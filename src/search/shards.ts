import type { IndexChunk } from './pagefind-contract.ts';
import { firstToken } from './text.ts';

/**
 * The search index is written in shards, each a Pagefind index of its own
 * that the search page merges (Pagefind's `mergeIndex`). One index of the
 * whole archive grows faster than the archive in Pagefind's time and memory
 * (3 GB for 10,000 Chinese documents); shards of a bounded size keep both in
 * step with the archive, one shard at a time.
 *
 * Shards hold consecutive whole years, oldest first, so that the usual
 * change, a new document in the current year, touches only the newest shard
 * and every other shard is taken unchanged from the build cache. A year
 * larger than a shard is cut into chunks, again from its oldest document.
 */

/**
 * At most this many documents in one shard, unless `GAZETTE_SEARCH_SHARD_SIZE`
 * says otherwise. A balance measured at 10,000 documents (bench/README.md):
 * smaller shards index faster in less memory (2,000: 45 s of CPU, 1.0 GB;
 * 4,000: about 60 s, 1.4 GB; one index: 89 s, 3.0 GB), but every query loads
 * each shard's index chunk for each of its words (about 23 KB each), so more
 * shards cost readers bytes and time on every search: 5,000 puts the
 * 10,000-document benchmark's ten years in two shards, not three.
 */
export const DEFAULT_SHARD_SIZE = 5000;

/** The shard size from `GAZETTE_SEARCH_SHARD_SIZE`: unset or empty is the default, anything else a positive whole number. */
export function parseShardSize(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SHARD_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(
      `GAZETTE_SEARCH_SHARD_SIZE 的值“${value}”无效，应为正整数（invalid GAZETTE_SEARCH_SHARD_SIZE, expected a positive whole number）`,
    );
  }
  return size;
}

export interface ShardRange {
  /** Stable name: the first year it holds (`2019`), or `2019-2` for the second chunk of a large year. */
  key: string;
  /** First record, inclusive, in the oldest-first record list. */
  start: number;
  /** Last record, exclusive. */
  end: number;
}

/**
 * Cuts records sorted oldest first (`YYYY-MM-DD` dates) into shards of at
 * most `maxSize`, oldest first. Whole years are packed together while they
 * fit; a year that does not fit starts a new shard.
 */
export function partitionShards(dates: readonly string[], maxSize: number): ShardRange[] {
  if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError(`shard size must be a positive integer, got ${maxSize}`);
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]! < dates[i - 1]!) throw new RangeError(`records must be sorted oldest first (${dates[i - 1]} before ${dates[i]})`);
  }
  const shards: ShardRange[] = [];
  let yearStart = 0;
  while (yearStart < dates.length) {
    const year = dates[yearStart]!.slice(0, 4);
    let yearEnd = yearStart + 1;
    while (yearEnd < dates.length && dates[yearEnd]!.startsWith(year)) yearEnd++;
    const last = shards.at(-1);
    if (last && last.end - last.start + (yearEnd - yearStart) <= maxSize) {
      last.end = yearEnd;
    } else {
      for (let start = yearStart, chunk = 1; start < yearEnd; start += maxSize, chunk++) {
        shards.push({ key: chunk === 1 ? year : `${year}-${chunk}`, start, end: Math.min(yearEnd, start + maxSize) });
      }
    }
    yearStart = yearEnd;
  }
  return shards;
}

/**
 * Written beside Pagefind's bundle (`pagefind/gazette-search.json`): what the
 * search page needs before its first query.
 */
export interface SearchManifest {
  /**
   * Shards, newest first: the first is the bundle folder itself, the others
   * its subfolders, merged into it. `folder` is relative to the bundle
   * (`''`, `2015/`), `key` the shard's name, `weight` its Pagefind
   * `indexWeight` (see `shardWeights`), `titleSpan` the words before the
   * body in each of its documents (see `toIndexContent`), `documents` how
   * many it holds (the `doc` values of the oldest shard come first).
   */
  shards: Array<{ key: string; folder: string; weight: number; titleSpan: number; documents: number }>;
  /** Symbols the index made searchable (see `includeCharacters`); a query part with any other symbol matches nothing. */
  symbols: string;
  /**
   * Token → the first words of the index chunks, after the first, that hold
   * words it begins, in any shard (see `laterChunkStarts`): loaded before a
   * prefix search for the token, so that it finds them all.
   */
  chunkStarts: Record<string, string[]>;
}

/**
 * For each token whose words run from one chunk of the word index into the
 * next, the first words of those next chunks. A prefix search loads only the
 * chunk that holds its own word (pagefind-contract.ts (9)); the common
 * token `区` begins hundreds of pairs, and at 2,000 documents a prefix
 * search for it without the later chunks missed 32 of 1,995 documents.
 */
export function laterChunkStarts(chunks: readonly IndexChunk[], starts: Record<string, string[]> = {}): Record<string, string[]> {
  for (let i = 1; i < chunks.length; i++) {
    const token = firstToken(chunks[i]!.from);
    if (token !== firstToken(chunks[i - 1]!.to)) continue;
    const list = (starts[token] ??= []);
    if (!list.includes(chunks[i]!.from)) list.push(chunks[i]!.from);
  }
  return starts;
}

/** Pagefind's folder in the output; the search page loads `pagefind/pagefind.js`. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

export const SEARCH_MANIFEST_FILE = 'gazette-search.json';

/** Where a shard is written, relative to the bundle folder: the newest is the bundle itself. */
export function shardFolder(key: string, newest: boolean): string {
  return newest ? '' : `${key}/`;
}

// How shards are listed in date order from one search: src/search/pagefind-contract.ts (5).

/** The URL stored for a shard's start marker; never shown or fetched. */
export function shardStartUrl(shardKey: string): string {
  return `#shard-start-${shardKey}`;
}
