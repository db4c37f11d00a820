/**
 * A tiny seeded PRNG (mulberry32) for the sorted containers' stress tests and benchmark, so every
 * failure replays from its seed. Not for cryptography; never imported by src/.
 */

/** Returns a function yielding uniform floats in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index of the first element of sorted `a` not below `x` (the model's bisect). */
export function modelBisectLeft<T>(a: readonly T[], x: T, cmp: (p: T, q: T) => number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(a[mid] as T, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of sorted `a` above `x`. */
export function modelBisectRight<T>(a: readonly T[], x: T, cmp: (p: T, q: T) => number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(x, a[mid] as T) < 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
