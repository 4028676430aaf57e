/**
 * `detachedString`: the same text, without the text it was cut from; and the
 * text blocks of a page keep nothing of the page. (The chart worker's element
 * cache, the other user, is measured in bench/README.md only: drawing a chart
 * fills lazy caches of Chart.js and svgo, and the live heap after one chart
 * varied by more than a megabyte between runs.)
 */
import { describe, expect, it } from 'vitest';
import { detachedString } from '../../src/lib/detached-string.ts';
import { extractBodyBlocks } from '../../src/lib/html-text.ts';
import { retainedBytes } from '../helpers/live-heap.ts';

/** A text of about 8 MB (two-byte characters), different every call so that nothing is shared between measurements. */
function largeText(seed: number): string {
  return `${seed}`.padEnd(16, '.') + '改革措施落实情况'.repeat(500_000);
}

const MB = 1_000_000;

describe('detachedString', () => {
  it('returns the same characters, lone surrogates and characters beyond the BMP included', () => {
    for (const text of ['', 'abc', '光明新区综合办公室', '𠀀𪚥 emoji 😀', 'lone \uD800 surrogate \uDFFF']) {
      expect(detachedString(text)).toBe(text);
    }
  });

  it('keeps only the piece, where the piece itself keeps the whole text', () => {
    // The control: a piece cut out by a regular expression keeps its 8 MB text alive.
    expect(retainedBytes(() => largeText(1).match(/(?:改革措施落实情况){2}/)![0])).toBeGreaterThan(7 * MB);
    expect(retainedBytes(() => detachedString(largeText(2).match(/(?:改革措施落实情况){2}/)![0]))).toBeLessThan(1 * MB);
  });

  it('lets the text blocks of a page outlive the page without keeping it', () => {
    const page = (seed: number) =>
      `<html><body><main data-pagefind-body><p>第${seed}期</p><p>${largeText(seed).slice(0, 100)}</p></main>` +
      `<footer>${largeText(seed)}</footer></body></html>`;
    expect(retainedBytes(() => extractBodyBlocks(page(3)))).toBeLessThan(1 * MB);
    expect(extractBodyBlocks(page(4))).toEqual(['第4期', largeText(4).slice(0, 100)]);
  });
});
