import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_SIZE, isShardStart, parseShardSize, partitionShards, shardFolder, shardOfSortedResult, shardWeights } from '../../src/lib/search-shards.ts';

/** `count` dates in `year`, in order. */
const datesIn = (year: number, count: number) => Array.from({ length: count }, (_, i) => `${year}-01-${String((i % 28) + 1).padStart(2, '0')}`).sort();

describe('partitionShards', () => {
  it('packs whole years, oldest first, while they fit', () => {
    const dates = [...datesIn(2018, 2), ...datesIn(2019, 3), ...datesIn(2020, 4), ...datesIn(2021, 1)];
    expect(partitionShards(dates, 5)).toEqual([
      { key: '2018', start: 0, end: 5 },
      { key: '2020', start: 5, end: 10 },
    ]);
  });

  it('cuts a year larger than a shard into chunks from its oldest document', () => {
    const dates = [...datesIn(2019, 1), ...datesIn(2020, 7), ...datesIn(2021, 3)];
    expect(partitionShards(dates, 3)).toEqual([
      { key: '2019', start: 0, end: 1 },
      { key: '2020', start: 1, end: 4 },
      { key: '2020-2', start: 4, end: 7 },
      { key: '2020-3', start: 7, end: 8 },
      { key: '2021', start: 8, end: 11 },
    ]);
  });

  it('leaves older shards as they were when a new document is added to the newest year', () => {
    const before = [...datesIn(2019, 4), ...datesIn(2020, 3)];
    const after = [...before, '2020-12-31'];
    const shardsBefore = partitionShards(before, 4);
    const shardsAfter = partitionShards(after, 4);
    expect(shardsAfter.slice(0, -1)).toEqual(shardsBefore.slice(0, -1));
    expect(shardsAfter.at(-1)).toEqual({ key: '2020', start: 4, end: 8 });
  });

  it('covers every record exactly once', () => {
    const dates = [...datesIn(2015, 9), ...datesIn(2016, 1), ...datesIn(2017, 13), ...datesIn(2018, 2)];
    const shards = partitionShards(dates, 4);
    expect(shards[0]!.start).toBe(0);
    for (let i = 1; i < shards.length; i++) expect(shards[i]!.start).toBe(shards[i - 1]!.end);
    expect(shards.at(-1)!.end).toBe(dates.length);
    expect(shards.every((shard) => shard.end - shard.start <= 4)).toBe(true);
    expect(new Set(shards.map((shard) => shard.key)).size).toBe(shards.length);
  });

  it('gives no shard for no records', () => {
    expect(partitionShards([], 10)).toEqual([]);
  });

  it('rejects records out of order and a shard size that is not a positive integer', () => {
    expect(() => partitionShards(['2020-01-02', '2019-05-01'], 10)).toThrow(/oldest first/);
    expect(() => partitionShards(['2020-01-02'], 0)).toThrow(/positive integer/);
    expect(() => partitionShards(['2020-01-02'], 1.5)).toThrow(/positive integer/);
  });
});

describe('shardFolder', () => {
  it('puts the newest shard in the bundle folder and the others in folders named by their key', () => {
    expect(shardFolder('2021', true)).toBe('');
    expect(shardFolder('2019-2', false)).toBe('2019-2/');
  });
});

describe('parseShardSize', () => {
  it('takes the default when unset, a positive whole number as given, and names the variable otherwise', () => {
    expect(parseShardSize(undefined)).toBe(DEFAULT_SHARD_SIZE);
    expect(parseShardSize('')).toBe(DEFAULT_SHARD_SIZE);
    expect(parseShardSize('3')).toBe(3);
    for (const bad of ['0', '-2', '1.5', 'many']) expect(() => parseShardSize(bad), bad).toThrow(/GAZETTE_SEARCH_SHARD_SIZE.*positive whole number/);
  });
});

describe('shardWeights', () => {
  it('puts every score of a newer shard above every score of the older ones', () => {
    const documents = [2, 5, 3];
    const weights = shardWeights(documents);
    expect(weights).toEqual([24, 4, 1]);
    // Documents take ranks 1..n in their shard (the start marker takes 0).
    const scores = documents.map((count, shard) => Array.from({ length: count }, (_, rank) => (rank + 1) * weights[shard]!));
    for (let shard = 0; shard + 1 < scores.length; shard++) {
      expect(Math.min(...scores[shard]!)).toBeGreaterThan(Math.max(...scores[shard + 1]!));
    }
  });

  it('gives one shard weight 1', () => {
    expect(shardWeights([4000])).toEqual([1]);
  });

  it('holds for 20 shards of 4,000 documents (the 50,000-document benchmark has 20)', () => {
    const weights = shardWeights(Array<number>(20).fill(4000));
    for (let shard = 0; shard + 1 < weights.length; shard++) {
      expect(1 * weights[shard]!).toBeGreaterThan(4000 * weights[shard + 1]!);
    }
  });

  it('refuses more shards than a score can tell apart, naming the setting to change', () => {
    expect(() => shardWeights(Array<number>(100).fill(4000))).toThrow(/100 shards are too many.*GAZETTE_SEARCH_SHARD_SIZE/);
  });
});

describe('shardOfSortedResult', () => {
  it('tells every rank of every shard apart by its score', () => {
    for (const documents of [[2, 5, 3], [1, 1, 1, 1], [7], Array<number>(20).fill(4000)]) {
      const weights = shardWeights(documents);
      documents.forEach((count, shard) => {
        for (const rank of new Set([1, 2, Math.ceil(count / 2), count - 1, count].filter((rank) => rank >= 1 && rank <= count))) {
          expect(shardOfSortedResult(rank * weights[shard]!, weights), `${documents.length} shards: shard ${shard}, rank ${rank}`).toBe(shard);
        }
      });
    }
  });

  it('refuses a score that is no document’s: a start marker’s, or none', () => {
    expect(() => shardOfSortedResult(0, shardWeights([2, 3]))).toThrow(RangeError);
    expect(() => shardOfSortedResult(0.5, shardWeights([2, 3]))).toThrow(RangeError);
  });
});

describe('isShardStart', () => {
  it('is true for score 0 only', () => {
    expect(isShardStart({ score: 0 })).toBe(true);
    expect(isShardStart({ score: 1 })).toBe(false);
  });
});
