/**
 * Both loops of the natural-order searches (src/sorted/bisect.ts: textbook and branchless) against a
 * linear scan, on
 * random sorted arrays with many duplicates, every sub-range [lo, hi) of small arrays, and strings.
 */
import { describe, expect, test } from 'vitest';
import { bisectLeftNatural, bisectRightNatural, type NaturalKey } from '../../src/sorted/bisect';
import { seededRandom } from './seededRandom';

/** First index in a[lo, hi) not below x (or above x when `right`), by a linear scan. */
function scan(a: readonly NaturalKey[], x: NaturalKey, lo: number, hi: number, right: boolean): number {
  for (let i = lo; i < hi; i++) if (right ? x < (a[i] as NaturalKey) : !((a[i] as NaturalKey) < x)) return i;
  return Math.max(lo, hi);
}

describe.each([false, true])('bisectLeftNatural and bisectRightNatural, branchless: %s', (branchless) => {
  test('agree with a linear scan on every sub-range of small arrays with duplicates', () => {
    const random = seededRandom(7);
    for (let size = 0; size <= 12; size++) {
      const a = Array.from({ length: size }, () => Math.floor(random() * 5)).sort((p, q) => p - q);
      for (let lo = 0; lo <= size; lo++)
        for (let hi = lo; hi <= size; hi++)
          for (let x = -1; x <= 5; x += 0.5) {
            expect([size, lo, hi, x, bisectLeftNatural(a, x, lo, hi, branchless)]).toEqual([
              size,
              lo,
              hi,
              x,
              scan(a, x, lo, hi, false),
            ]);
            expect([size, lo, hi, x, bisectRightNatural(a, x, lo, hi, branchless)]).toEqual([
              size,
              lo,
              hi,
              x,
              scan(a, x, lo, hi, true),
            ]);
          }
    }
  });

  test('agree with a linear scan on large arrays of numbers and of strings', () => {
    const random = seededRandom(11);
    const numbers = Array.from({ length: 5000 }, () => Math.floor(random() * 2000)).sort((p, q) => p - q);
    const strings = Array.from({ length: 3000 }, () => Math.floor(random() * 1e6).toString(36)).sort();
    for (let probe = 0; probe < 300; probe++) {
      const x = Math.floor(random() * 2100) - 50;
      expect(bisectLeftNatural(numbers, x, 0, numbers.length, branchless)).toBe(
        scan(numbers, x, 0, numbers.length, false),
      );
      expect(bisectRightNatural(numbers, x, 0, numbers.length, branchless)).toBe(
        scan(numbers, x, 0, numbers.length, true),
      );
      const s = probe % 3 === 0 ? (strings[probe] as string) : Math.floor(random() * 1e6).toString(36);
      expect(bisectLeftNatural(strings, s, 0, strings.length, branchless)).toBe(
        scan(strings, s, 0, strings.length, false),
      );
      expect(bisectRightNatural(strings, s, 0, strings.length, branchless)).toBe(
        scan(strings, s, 0, strings.length, true),
      );
    }
  });
});
