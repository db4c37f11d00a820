/**
 * Seeded inputs for the sorted-containers benchmark: every library gets exactly the same keys,
 * probes and prefixes for a size, so their checksums must agree. Keys are the even numbers below 2n
 * (shuffled), so hits are evens and misses are odds and a key range of width 2k holds exactly k items.
 */
import { seededRandom } from '../../test/sorted/seededRandom';

export interface NumberData {
  keys: number[];
  /** Half hits (evens below 2n), half misses (odds). */
  probes: number[];
  /** Distinct odd numbers: never present before an add. */
  fresh: number[];
  /** Positions in [0, n). */
  positions: number[];
  /** Lower ends of 1,000-item ranges. */
  rangeStarts: number[];
  /** Mixed workload: 0 = contains, 1 = add fresh, 2 = remove probe. */
  mixedKinds: Uint8Array;
}

export interface StringData {
  keys: string[];
  prefixes: string[];
}

/** Operations per timed sample; fixed per size so every library does the same work. */
export function opCount(n: number): number {
  return Math.min(5000, n);
}

export function numberData(n: number, seed = 20261127): NumberData {
  const rnd = seededRandom(seed ^ n);
  const keys = Array.from({ length: n }, (_, i) => 2 * i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = keys[i] as number;
    keys[i] = keys[j] as number;
    keys[j] = t;
  }
  const k = opCount(n);
  const lookups = 4 * k;
  const probes = Array.from({ length: lookups }, (_, i) => 2 * Math.floor(rnd() * n) + (i & 1));
  const seen = new Set<number>();
  const fresh: number[] = [];
  while (fresh.length < k) {
    const x = 2 * Math.floor(rnd() * n) + 1;
    if (!seen.has(x)) {
      seen.add(x);
      fresh.push(x);
    }
  }
  const positions = Array.from({ length: lookups }, () => Math.floor(rnd() * n));
  const span = Math.max(0, n - 1000);
  const rangeStarts = Array.from({ length: 100 }, () => 2 * Math.floor(rnd() * (span + 1)));
  const mixedKinds = new Uint8Array(k);
  for (let i = 0; i < k; i++) {
    const r = rnd();
    mixedKinds[i] = r < 0.5 ? 0 : r < 0.8 ? 1 : 2;
  }
  return { keys, probes, fresh, positions, rangeStarts, mixedKinds };
}

export function stringData(n: number, seed = 977): StringData {
  const rnd = seededRandom(seed ^ n);
  const letter = () => String.fromCharCode(97 + Math.floor(rnd() * 26));
  const seen = new Set<string>();
  while (seen.size < n) {
    let s = '';
    for (let i = 0; i < 10; i++) s += letter();
    seen.add(s);
  }
  const prefixes = Array.from({ length: 200 }, () => letter() + letter());
  return { keys: [...seen], prefixes };
}
