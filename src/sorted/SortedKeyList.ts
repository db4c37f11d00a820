/**
 * SortedKeyList: values ordered by a key function, keys stored beside values so the key function
 * runs once per insert, never during a search. Equal keys keep insertion order. The structure lives
 * in SortedBase; this file is the value-and-key API. No DOM, no framework.
 */
import type { Comparator } from './bisect';
import { type RangeOptions, SortedBase, type SortedOptions } from './SortedBase';
import type { SortedIterator } from './SortedIterator';

/** Values sorted by `key(value)`. Example: `new SortedKeyList((s: string) => s.length, ['ccc', 'a'])`. */
export class SortedKeyList<T, K> extends SortedBase<K, T> {
  private readonly _key: (value: T) => K;

  /** Builds from `values` ordered by `key`; `options` may be a key comparator or `{ compare, load }`. */
  constructor(key: (value: T) => K, values?: Iterable<T>, options?: SortedOptions<K> | Comparator<K>) {
    super('SortedKeyList', true, typeof options === 'function' ? { compare: options } : options);
    if (typeof key !== 'function')
      throw new TypeError('SortedKeyList: key must be a function (value) => key');
    this._key = key;
    if (values !== undefined) this.update(values);
  }

  /** The key function this list orders by. */
  get key(): (value: T) => K {
    return this._key;
  }

  /** Inserts `value` after any values with an equal key. O(log n + load) amortised. */
  add(value: T): this {
    const k = this._key(value);
    this._checkKey(k);
    this._insert(k, value);
    return this;
  }

  /** Inserts many values; a batch of at least a quarter of the size re-sorts and re-chunks. */
  update(values: Iterable<T>): this {
    const batch = Array.isArray(values) ? (values as T[]) : Array.from(values);
    const n = batch.length;
    if (n === 0) return this;
    const bkeys: K[] = new Array(n);
    for (let i = 0; i < n; i++) bkeys[i] = this._key(batch[i] as T);
    this._checkKeys(bkeys);
    if (this._len > 0 && n * 4 < this._len) {
      for (let i = 0; i < n; i++) this._insert(bkeys[i] as K, batch[i] as T);
      return this;
    }
    // Sort positions rather than pairs: one small-integer array, stable ties (old items first).
    const keys = this._len === 0 ? bkeys : this._allKeys().concat(bkeys);
    const vals = this._len === 0 ? batch : this.toArray().concat(batch);
    const order = Array.from({ length: keys.length }, (_, i) => i);
    const cmp = this._cmp;
    if (cmp === undefined) {
      const ks = keys as unknown as (number | string)[];
      order.sort((a, b) => {
        const x = ks[a] as number | string;
        const y = ks[b] as number | string;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
    } else {
      order.sort((a, b) => cmp(keys[a] as K, keys[b] as K) || a - b);
    }
    this._loadSorted(
      order.map((i) => keys[i] as K),
      order.map((i) => vals[i] as T),
    );
    return this;
  }

  /** Whether this very value (===) is present. O(log n + number of equal keys). */
  has(value: T): boolean {
    return this._find(value);
  }

  /** Removes this value (===) if present; returns whether it was. O(log n + load). */
  discard(value: T): boolean {
    if (!this._find(value)) return false;
    this._deleteAt(this._li, this._lj);
    return true;
  }

  /** Removes this value (===); throws a RangeError when absent. O(log n + load). */
  remove(value: T): void {
    if (!this.discard(value)) throw new RangeError('SortedKeyList.remove: the value is not in the list');
  }

  /** Position of this value (===), or -1. O(log n + number of equal keys). */
  indexOf(value: T): number {
    return this._find(value) ? this._pos(this._li, this._lj) : -1;
  }

  /** Number of values identical (===) to `value`. O(log n + number of equal keys). */
  count(value: T): number {
    const k = this._key(value);
    this._checkProbe(k);
    let c = 0;
    for (const v of this._irange(k, k, undefined)) if (v === value) c++;
    return c;
  }

  /** Position where `value` would go before values with an equal key. O(log n). */
  bisectLeft(value: T): number {
    return this.bisectKeyLeft(this._key(value));
  }

  /** Position where `value` would go after values with an equal key. O(log n). */
  bisectRight(value: T): number {
    return this.bisectKeyRight(this._key(value));
  }

  /** Position of the first value whose key is not below `key`. O(log n). */
  bisectKeyLeft(key: K): number {
    this._checkProbe(key);
    this._seekLeft(key);
    return this._pos(this._li, this._lj);
  }

  /** Position of the first value whose key is above `key`. O(log n). */
  bisectKeyRight(key: K): number {
    this._checkProbe(key);
    this._seekRight(key);
    return this._pos(this._li, this._lj);
  }

  /** Values whose keys lie between the keys of min and max (undefined = unbounded). O(log n + k). */
  irange(min?: T, max?: T, options?: RangeOptions): SortedIterator<T> {
    return this.irangeKey(
      min === undefined ? undefined : this._key(min),
      max === undefined ? undefined : this._key(max),
      options,
    );
  }

  /** Values whose keys lie between minKey and maxKey (undefined = unbounded). O(log n + k). */
  irangeKey(minKey?: K, maxKey?: K, options?: RangeOptions): SortedIterator<T> {
    if (minKey !== undefined) this._checkProbe(minKey);
    if (maxKey !== undefined) this._checkProbe(maxKey);
    return this._irange(minKey, maxKey, options);
  }

  protected override _checkItem(i: number, j: number, pos: number, fail: (why: string) => never): void {
    const stored = (this._keys[i] as K[])[j] as K;
    const now = this._key(((this._vals as T[][])[i] as T[])[j] as T);
    const same = this._cmp === undefined ? stored === now : this._cmp(stored, now) === 0;
    if (!same) fail(`the key of the value at ${pos} changed after insertion`);
  }

  /** Seeks (_li, _lj) to this value (===); returns whether found. */
  private _find(value: T): boolean {
    const k = this._key(value);
    this._checkProbe(k);
    this._seekLeft(k);
    const keys = this._keys;
    const vals = this._vals as T[][];
    let i = this._li;
    let j = this._lj;
    while (i < keys.length) {
      const list = keys[i] as K[];
      const cmp = this._cmp;
      const key = list[j] as K;
      if (cmp === undefined ? key !== k : cmp(key, k) !== 0) return false;
      if ((vals[i] as T[])[j] === value) {
        this._li = i;
        this._lj = j;
        return true;
      }
      if (++j === list.length) {
        i++;
        j = 0;
      }
    }
    return false;
  }

  private _allKeys(): K[] {
    const out: K[] = [];
    for (const list of this._keys) for (const k of list) out.push(k);
    return out;
  }
}
