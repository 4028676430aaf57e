import { describe, expect, it } from 'vitest';
import { RecentlyUsed } from '../../src/lib/recently-used.ts';

describe('RecentlyUsed', () => {
  it('keeps entries while their weights fit, dropping the least recently used first', () => {
    const kept = new RecentlyUsed<string, number>(10);
    kept.set('土', 1, 4);
    kept.set('地', 2, 4);
    expect(kept.get('土')).toBe(1); // 土 is now the most recently used
    kept.set('整', 3, 4);
    expect(kept.keys()).toEqual(['土', '整']);
    expect(kept.get('地')).toBeUndefined();
  });

  it('keeps the entry set last even when it alone is over the budget', () => {
    const kept = new RecentlyUsed<string, number>(10);
    kept.set('土', 1, 4);
    kept.set('的', 2, 50);
    expect(kept.keys()).toEqual(['的']);
    kept.set('地', 3, 4);
    expect(kept.keys()).toEqual(['地']);
  });

  it('counts a replaced entry once', () => {
    const kept = new RecentlyUsed<string, number>(10);
    kept.set('土', 1, 6);
    kept.set('土', 2, 6);
    kept.set('地', 3, 4);
    expect(kept.keys()).toEqual(['土', '地']);
    expect(kept.get('土')).toBe(2);
  });
});
