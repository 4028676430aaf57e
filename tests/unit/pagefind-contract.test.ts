/**
 * The pure side of src/search/pagefind-contract.ts: the shard weights that rely
 * on assumption (5), the phrase syntax (2) and the file format (7). That the
 * installed Pagefind behaves as assumed is tested in
 * tests/browser/pagefind-contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  FILE_SIGNATURE,
  fragmentData,
  isShardStart,
  pagefindFileData,
  phraseQuery,
  prefixQuery,
  shardOfSortedResult,
  shardWeights,
} from '../../src/search/pagefind-contract.ts';

describe('phraseQuery', () => {
  it('writes words as a Pagefind exact phrase', () => {
    expect(phraseQuery(['1_', '+', '6_', '+', 'n_'])).toBe('"1_ + 6_ + n_"');
  });
});

describe('prefixQuery', () => {
  it('writes one word unquoted, so that Pagefind extends it to every word it begins', () => {
    expect(prefixQuery('网')).toBe('网');
    expect(prefixQuery('2019_')).toBe('2019_');
  });
});

describe('Pagefind files', () => {
  it('reads a fragment after the signature, and leaves text without one as it is', () => {
    const fragment = { url: '/kb/reports/x/', content: '土 地', meta: { title: '标题' } };
    expect(fragmentData(`${FILE_SIGNATURE}${JSON.stringify(fragment)}`)).toEqual(fragment);
    expect(pagefindFileData('plain')).toBe('plain');
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
          expect(shardOfSortedResult(rank * weights[shard]!, weights), `${documents.length} shards: shard ${shard}, rank ${rank}`).toBe(
            shard,
          );
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
