import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_SIZE, laterChunkStarts, parseShardSize, partitionShards, shardFolder } from '../../src/search/shards.ts';

/** `count` dates in `year`, in order. */
const datesIn = (year: number, count: number) =>
  Array.from({ length: count }, (_, i) => `${year}-01-${String((i % 28) + 1).padStart(2, '0')}`).sort();

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
    for (const bad of ['0', '-2', '1.5', 'many'])
      expect(() => parseShardSize(bad), bad).toThrow(/GAZETTE_SEARCH_SHARD_SIZE.*positive whole number/);
  });
});

describe('laterChunkStarts', () => {
  const chunk = (from: string, to: string) => ({ from, to, hash: `${from}-${to}` });
  it('lists, for a token whose words run on into later chunks, the first words of those chunks', () => {
    const chunks = [chunk('a_', '区丙'), chunk('区丁', '区龙'), chunk('区𠀀', '土地'), chunk('地整', '整备'), chunk('oa_系', 'oa_统')];
    expect(laterChunkStarts(chunks)).toEqual({ 区: ['区丁', '区𠀀'] });
  });
  it('adds to what other shards listed, once each', () => {
    const starts = laterChunkStarts([chunk('2019_', '2019_年'), chunk('2019_月', '2020_')]);
    expect(laterChunkStarts([chunk('2019_', '2019_年'), chunk('2019_月', '2019_日'), chunk('2019_期', '区')], starts)).toEqual({
      '2019_': ['2019_月', '2019_期'],
    });
  });
});
