/**
 * One adapter per library for the sorted-containers benchmark: each op written in that library's
 * fastest idiomatic way (its own bulk load, forEach, range walk), all peers given the same comparator.
 * Formulary runs in natural order (its fast path); `formulary-cmp` shows it with the peers' comparator.
 * Adapters measure nothing themselves; worker.ts times them.
 */
import bintrees from 'bintrees';
import createTree from 'functional-red-black-tree';
import { OrderedSet } from 'js-sdsl';
import type * as btreeModule from 'sorted-btree';
import { bulkLoad } from 'sorted-btree/extended/bulkLoad';
import { SortedArray } from 'sorted-containers';
import { SortedList } from '../../src/sorted/index';

type Cmp<K> = (a: K, b: K) => number;
type AnyTree = btreeModule.default<unknown, unknown>;
type Frbt = ReturnType<typeof createTree>;

/** What every library must provide; optional ops are skipped (marked n/a) where a library lacks them. */
export interface Adapter<K> {
  build(keys: K[], op: string): unknown;
  size(s: unknown): number;
  add(s: unknown, x: K): unknown;
  remove(s: unknown, x: K): unknown;
  has(s: unknown, x: K): boolean;
  rank?: (s: unknown, x: K) => number;
  at?: (s: unknown, i: number) => K;
  /** at() walks the tree in order (O(n)): timed at 1e3 only, marked O(n) above. */
  atLinear?: boolean;
  /** Sum of numeric keys in [lo, hi]. */
  rangeSum(s: unknown, lo: K, hi: K): number;
  /** Visits every string key in [lo, hi): sum of each key's last char code (so every key is read). */
  rangeVisit(s: unknown, lo: K, hiExclusive: K): number;
  /** Sum of all numeric keys, walked in order. */
  iterateSum(s: unknown): number;
}

/** The last char code of a string key: reading it proves the walk visited the key. */
function last(k: unknown): number {
  return (k as string).charCodeAt(9);
}

function lowerIndex<K>(a: K[], x: K, cmp: Cmp<K>): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(a[mid] as K, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function formulary<K>(cmp: Cmp<K> | undefined): Adapter<K> {
  const asList = (s: unknown) => s as SortedList<K>;
  return {
    build: (keys) => new SortedList<K>(keys, cmp === undefined ? undefined : { compare: cmp }),
    size: (s) => asList(s).length,
    add: (s, x) => asList(s).add(x),
    remove: (s, x) => {
      asList(s).discard(x);
      return s;
    },
    has: (s, x) => asList(s).has(x),
    rank: (s, x) => asList(s).bisectLeft(x),
    at: (s, i) => asList(s).at(i),
    // A fold is formulary's fastest walk: reduce passes the sum as an argument, where a forEach
    // callback writes a captured variable that V8 boxes on every double store (docs/sorted.md).
    rangeSum: (s, lo, hi) =>
      asList(s)
        .irange(lo, hi)
        .reduce((sum, x) => sum + (x as number), 0),
    rangeVisit: (s, lo, hi) =>
      asList(s)
        .irange(lo, hi, { inclusive: [true, false] })
        .reduce((c, k) => c + last(k), 0),
    iterateSum: (s) => asList(s).reduce((sum, x) => sum + (x as number), 0),
  };
}

export function makeAdapters<K>(cmp: Cmp<K>): Record<string, Adapter<K>> {
  const asArray = (s: unknown) => s as K[];
  const asBtree = (s: unknown) => s as AnyTree;
  const asSdsl = (s: unknown) => s as OrderedSet<K>;
  const asFrbt = (s: unknown) => s as Frbt;
  const asRb = (s: unknown) => s as bintrees.RBTree<K>;
  const asSc = (s: unknown) => s as SortedArray<K>;
  return {
    formulary: formulary<K>(undefined),
    'formulary-cmp': formulary<K>(cmp),
    'sorted-containers': {
      build: (keys) => new SortedArray<K>(keys, { comparator: cmp }),
      size: (s) => asSc(s).length,
      add: (s, x) => {
        asSc(s).add(x);
        return s;
      },
      remove: (s, x) => {
        asSc(s).delete(x);
        return s;
      },
      has: (s, x) => asSc(s).includes(x),
      rank: (s, x) => asSc(s).bisectLeft(x),
      at: (s, i) => asSc(s).at(i) as K,
      rangeSum: (s, lo, hi) => {
        let sum = 0;
        for (const x of asSc(s).irange(lo, hi)) sum += x as number;
        return sum;
      },
      rangeVisit: (s, lo, hi) => {
        let c = 0;
        for (const k of asSc(s).irange(lo, hi, true, false)) c += last(k);
        return c;
      },
      iterateSum: (s) => {
        let sum = 0;
        asSc(s).forEach((x) => {
          sum += x as number;
        });
        return sum;
      },
    },
    'sorted-btree': {
      // Its best build: sort, then bulkLoad (O(n)); insert-by-insert is several times slower.
      build: (keys) => {
        const sorted = keys.slice().sort(cmp);
        return bulkLoad<K, unknown>(sorted, sorted, 64, cmp as Cmp<unknown> as Cmp<K>);
      },
      size: (s) => asBtree(s).size,
      add: (s, x) => {
        asBtree(s).set(x, undefined);
        return s;
      },
      remove: (s, x) => {
        asBtree(s).delete(x);
        return s;
      },
      has: (s, x) => asBtree(s).has(x),
      rangeSum: (s, lo, hi) => {
        let sum = 0;
        asBtree(s).forRange(lo, hi, true, (k) => {
          sum += k as number;
        });
        return sum;
      },
      rangeVisit: (s, lo, hi) => {
        let c = 0;
        asBtree(s).forRange(lo, hi, false, (k) => {
          c += last(k);
        });
        return c;
      },
      // Its reduce hands the callback a [key, value] pair per key: measured 2x slower than this.
      iterateSum: (s) => {
        let sum = 0;
        asBtree(s).forEachPair((k) => {
          sum += k as number;
        });
        return sum;
      },
    },
    'js-sdsl': {
      // Positional ops need its optional index (enableIndex), which slows every insert; only they get it.
      build: (keys, op) => new OrderedSet<K>(keys, cmp, op === 'at' || op === 'bisect'),
      size: (s) => asSdsl(s).size(),
      add: (s, x) => {
        asSdsl(s).insert(x);
        return s;
      },
      remove: (s, x) => {
        asSdsl(s).eraseElementByKey(x);
        return s;
      },
      has: (s, x) => asSdsl(s).find(x).isAccessible(),
      // Its end() iterator reports index size - 1, so a probe past the last key is mapped to size.
      rank: (s, x) => {
        const it = asSdsl(s).lowerBound(x);
        return it.isAccessible() ? it.index : asSdsl(s).size();
      },
      // getElementByPos is an in-order walk even with the index enabled.
      at: (s, i) => asSdsl(s).getElementByPos(i),
      atLinear: true,
      rangeSum: (s, lo, hi) => {
        let sum = 0;
        const set = asSdsl(s);
        for (const it = set.lowerBound(lo); it.isAccessible() && cmp(it.pointer, hi) <= 0; it.next()) {
          sum += it.pointer as number;
        }
        return sum;
      },
      rangeVisit: (s, lo, hi) => {
        let c = 0;
        const set = asSdsl(s);
        for (const it = set.lowerBound(lo); it.isAccessible() && cmp(it.pointer, hi) < 0; it.next()) {
          c += last(it.pointer);
        }
        return c;
      },
      iterateSum: (s) => {
        let sum = 0;
        asSdsl(s).forEach((x) => {
          sum += x as number;
        });
        return sum;
      },
    },
    'functional-red-black-tree': {
      build: (keys) => {
        let t = createTree<K, boolean>(cmp);
        for (const k of keys) t = t.insert(k, true);
        return t;
      },
      size: (s) => asFrbt(s).length,
      add: (s, x) => asFrbt(s).insert(x, true),
      remove: (s, x) => asFrbt(s).remove(x),
      has: (s, x) => asFrbt(s).get(x) !== undefined,
      rank: (s, x) => asFrbt(s).ge(x).index,
      at: (s, i) => asFrbt(s).at(i).key as K,
      // forEach(visit, lo, hi) walks [lo, hi); integer keys make hi + 1 the inclusive bound.
      rangeSum: (s, lo, hi) => {
        let sum = 0;
        asFrbt(s).forEach(
          (k) => {
            sum += k as number;
          },
          lo,
          ((hi as number) + 1) as K,
        );
        return sum;
      },
      rangeVisit: (s, lo, hi) => {
        let c = 0;
        asFrbt(s).forEach(
          (k) => {
            c += last(k);
          },
          lo,
          hi,
        );
        return c;
      },
      iterateSum: (s) => {
        let sum = 0;
        asFrbt(s).forEach((k) => {
          sum += k as number;
        });
        return sum;
      },
    },
    bintrees: {
      build: (keys) => {
        const t = new bintrees.RBTree<K>(cmp);
        for (const k of keys) t.insert(k);
        return t;
      },
      size: (s) => asRb(s).size,
      add: (s, x) => {
        asRb(s).insert(x);
        return s;
      },
      remove: (s, x) => {
        asRb(s).remove(x);
        return s;
      },
      has: (s, x) => asRb(s).find(x) !== null,
      rangeSum: (s, lo, hi) => {
        let sum = 0;
        const it = asRb(s).lowerBound(lo);
        for (let k = it.data(); k !== null && cmp(k, hi) <= 0; k = it.next()) sum += k as number;
        return sum;
      },
      rangeVisit: (s, lo, hi) => {
        let c = 0;
        const it = asRb(s).lowerBound(lo);
        for (let k = it.data(); k !== null && cmp(k, hi) < 0; k = it.next()) c += last(k);
        return c;
      },
      iterateSum: (s) => {
        let sum = 0;
        asRb(s).each((k) => {
          sum += k as number;
        });
        return sum;
      },
    },
    'sorted array': {
      build: (keys) => keys.slice().sort(cmp),
      size: (s) => asArray(s).length,
      add: (s, x) => {
        const a = asArray(s);
        a.splice(lowerIndex(a, x, cmp), 0, x);
        return s;
      },
      remove: (s, x) => {
        const a = asArray(s);
        const i = lowerIndex(a, x, cmp);
        if (i < a.length && cmp(a[i] as K, x) === 0) a.splice(i, 1);
        return s;
      },
      has: (s, x) => {
        const a = asArray(s);
        const i = lowerIndex(a, x, cmp);
        return i < a.length && cmp(a[i] as K, x) === 0;
      },
      rank: (s, x) => lowerIndex(asArray(s), x, cmp),
      at: (s, i) => asArray(s)[i] as K,
      rangeSum: (s, lo, hi) => {
        const a = asArray(s);
        let sum = 0;
        for (let i = lowerIndex(a, lo, cmp); i < a.length && cmp(a[i] as K, hi) <= 0; i++)
          sum += a[i] as number;
        return sum;
      },
      rangeVisit: (s, lo, hi) => {
        const a = asArray(s);
        let c = 0;
        for (let i = lowerIndex(a, lo, cmp); i < a.length && cmp(a[i] as K, hi) < 0; i++) c += last(a[i]);
        return c;
      },
      iterateSum: (s) => {
        const a = asArray(s);
        let sum = 0;
        for (let i = 0; i < a.length; i++) sum += a[i] as number;
        return sum;
      },
    },
  };
}
