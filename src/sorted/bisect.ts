/**
 * Binary searches over one sorted array: a natural-order pair (plain `<` on numbers or strings, no
 * function call per probe: the fast path) and a comparator pair. Pure functions, no allocation, so
 * V8 inlines them into the containers' hot loops.
 */

/** How two items are ordered: negative, zero or positive, as for `Array.prototype.sort`. */
export type Comparator<T> = (a: T, b: T) => number;

/** A value the natural order accepts without a comparator. */
export type NaturalKey = number | string;

/** First index in `a[lo, hi)` whose item is not below `x`. O(log(hi - lo)). */
export function bisectLeftNatural(a: readonly NaturalKey[], x: NaturalKey, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as NaturalKey) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `a[lo, hi)` whose item is above `x`. O(log(hi - lo)). */
export function bisectRightNatural(a: readonly NaturalKey[], x: NaturalKey, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < (a[mid] as NaturalKey)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index in `a[lo, hi)` whose item does not compare below `x`. O(log(hi - lo)) comparator calls. */
export function bisectLeftBy<K>(a: readonly K[], x: K, cmp: Comparator<K>, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(a[mid] as K, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `a[lo, hi)` whose item compares above `x`. O(log(hi - lo)) comparator calls. */
export function bisectRightBy<K>(a: readonly K[], x: K, cmp: Comparator<K>, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(x, a[mid] as K) < 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
