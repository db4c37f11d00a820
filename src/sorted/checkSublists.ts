/**
 * The O(n) structural check behind every container's assertInvariants(): sublist sizes, maxes,
 * order, and the comparator's consistency on each adjacent pair. Read-only; kept apart from
 * SortedBase so the engine file holds only the hot paths.
 */
import type { Comparator, NaturalKey } from './bisect';

/** What the check reads from a SortedBase. */
export interface SublistState<K, V> {
  keys: readonly (readonly K[])[];
  vals: readonly (readonly V[])[] | null;
  maxes: readonly K[];
  len: number;
  load: number;
  cmp: Comparator<K> | undefined;
  kind: string;
}

/** Calls `fail` with the first broken invariant found; `checkItem` checks each stored item. */
export function checkSublists<K, V>(
  s: SublistState<K, V>,
  checkItem: (i: number, j: number, pos: number) => void,
  fail: (why: string) => never,
): void {
  const { keys, vals, maxes, load, cmp, kind } = s;
  const m = keys.length;
  if (maxes.length !== m) fail(`${maxes.length} maxes for ${m} sublists`);
  if (vals !== null && vals.length !== m) fail(`${vals.length} value lists for ${m}`);
  let total = 0;
  let prev: K | undefined;
  for (let i = 0; i < m; i++) {
    const list = keys[i] as K[];
    const n = list.length;
    if (n === 0) fail(`sublist ${i} is empty`);
    if (n > load * 2) fail(`sublist ${i} holds ${n} > 2 * load ${load}`);
    if (m > 1 && i < m - 1 && n < load >> 1) fail(`sublist ${i} holds ${n} < load / 2`);
    if (vals !== null && (vals[i] as V[]).length !== n) fail(`value sublist ${i} length`);
    if (maxes[i] !== list[n - 1]) fail(`maxes[${i}] is not the last key of sublist ${i}`);
    for (let j = 0; j < n; j++) {
      const k = list[j] as K;
      const pos = total + j;
      if (cmp === undefined) {
        const t = typeof k;
        if (t !== kind) fail(`key at ${pos} is a ${t} among ${kind}s`);
        if (Number.isNaN(k)) fail(`NaN key at ${pos}`);
        if (pos > 0 && (k as NaturalKey) < (prev as NaturalKey)) fail(`keys out of order at ${pos}`);
      } else if (pos > 0) {
        const ab = cmp(prev as K, k);
        const ba = cmp(k, prev as K);
        if (!(ab <= 0)) fail(`keys out of order at ${pos}: compare(prev, next) = ${ab}`);
        if (Math.sign(ab) !== -Math.sign(ba) || Number.isNaN(ba)) {
          fail(`comparator is inconsistent at ${pos}: compare(a, b) = ${ab}, compare(b, a) = ${ba}`);
        }
      }
      checkItem(i, j, pos);
      prev = k;
    }
    total += n;
  }
  if (total !== s.len) fail(`length ${s.len} but sublists hold ${total}`);
}
