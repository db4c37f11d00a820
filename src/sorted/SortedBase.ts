/**
 * The public sequence API shared by SortedList and SortedKeyList: positions, slices, ranges,
 * iteration and the invariant check, on top of the SortedCore engine. Internal to src/sorted (users
 * see the classes in index.ts); no DOM, no framework.
 */
import { checkSublists } from './checkSublists';
import { SortedCore } from './SortedCore';
import { type SortedIterator, sortedIterator } from './SortedIterator';

export { DEFAULT_LOAD, type SortedOptions } from './SortedCore';

/** Bounds of irange: which ends are included (default both) and the walking direction. */
export interface RangeOptions {
  inclusive?: readonly [boolean, boolean];
  reverse?: boolean;
}

/** irange's default bounds, shared so a range without options allocates only its iterator. */
const BOTH_ENDS: readonly [boolean, boolean] = [true, true];

export class SortedBase<K, V> extends SortedCore<K, V> {
  /** Number of items. O(1). */
  get length(): number {
    return this._len;
  }

  /** Removes every item. O(1). */
  clear(): void {
    this._keys = [];
    this._maxes = [];
    if (this._vals !== null) this._vals = [];
    this._walk = (this._vals ?? this._keys) as unknown as V[][];
    this._len = 0;
    this._fen = null;
    this._kind = '';
    this.version++;
    this._dropStarts();
  }

  /**
   * Item at `index` (negative counts from the end). O(1) from a bulk load to the next write (a shift
   * and a mask); O(1) again once reads have paid for the starts table; else O(log(n / load)).
   * Measured against a flat array in `npm run bench:sorted-at-floor` (docs/sorted.md).
   */
  at(index: number): V {
    // Fast paths for a non-negative integer position (`index < len` keeps `| 0` exact).
    if (index >= 0 && (index | 0) === index) {
      // Uniform layout (after a bulk load, until a mutation): a shift and a mask, no table.
      if (index < this._ulen) return (this._walk[index >> this._shift] as V[])[index & this._mask] as V;
      // Read-heavy after mutations: a proportional guess into the starts table, exact or one off
      // (sublists hold load / 2 .. 2 * load), corrected without branches: a guess that misses 15-40%
      // of the time (measured after 1% random inserts) would mispredict that often.
      const st = this._starts;
      if (st !== null && index < this._len) {
        let i = (index * this._perItem) | 0;
        i -= +((st[i] as number) > index);
        i += +((st[i + 1] as number) <= index);
        const list = this._walk[i] as V[];
        const j = index - (st[i] as number);
        if (j >= 0 && j < list.length) return list[j] as V;
      }
    }
    return this._atSlow(index);
  }

  /** at() past the fast paths: negative positions, the Fenwick descent, errors. */
  private _atSlow(index: number): V {
    const len = this._len;
    const idx = index < 0 ? index + len : index;
    // Valid integer positions pass two compares and a floor; anything else gets _index's error.
    if (!(idx >= 0 && idx < len && Math.floor(idx) === idx)) this._index(index, 'at');
    this._locate(idx);
    return (this._walk[this._li] as V[])[this._lj] as V;
  }

  /** Removes the item at `index` (negative counts from the end). O(load + log n). */
  deleteAt(index: number): void {
    this._locate(this._index(index, 'deleteAt'));
    this._deleteAt(this._li, this._lj);
  }

  /** Removes and returns the item at `index`, by default the last. O(load + log n). */
  pop(index = -1): V {
    if (this._len === 0) throw new RangeError(`${this._name}.pop: the container is empty`);
    this._locate(this._index(index, 'pop'));
    return this._deleteAt(this._li, this._lj);
  }

  /** Items at positions [start, stop), clamped like Array.prototype.slice. O(log n + k). */
  islice(start = 0, stop = this._len, reverse = false): SortedIterator<V> {
    const len = this._len;
    const a = this._clampSlice(start, len, 'start');
    const b = this._clampSlice(stop, len, 'stop');
    if (a >= b) return sortedIterator(this._items(), 0, 0, 0, 0, false, this);
    this._locate(a);
    const si = this._li;
    const sj = this._lj;
    let ei = this._keys.length;
    let ej = 0;
    if (b < len) {
      this._locate(b);
      ei = this._li;
      ej = this._lj;
    }
    return sortedIterator(this._items(), si, sj, ei, ej, reverse, this);
  }

  /** Items whose keys lie between min and max (undefined = unbounded). O(log n + k). */
  protected _irange(
    min: K | undefined,
    max: K | undefined,
    options: RangeOptions | undefined,
  ): SortedIterator<V> {
    const inclusive = options?.inclusive ?? BOTH_ENDS;
    let si = 0;
    let sj = 0;
    if (min !== undefined) {
      if (inclusive[0]) this._seekLeft(min);
      else this._seekRight(min);
      si = this._li;
      sj = this._lj;
    }
    let ei = this._keys.length;
    let ej = 0;
    if (max !== undefined) {
      // The end never lies before the start (a reversed range is empty), so it is searched from there.
      this._seekEnd(max, inclusive[1], si, sj);
      ei = this._li;
      ej = this._lj;
    }
    return sortedIterator(this._items(), si, sj, ei, ej, options?.reverse === true, this);
  }

  /** Ascending iteration. O(1) per item. */
  [Symbol.iterator](): SortedIterator<V> {
    return sortedIterator(this._items(), 0, 0, this._keys.length, 0, false, this);
  }

  /** Descending iteration. O(1) per item. */
  reversed(): SortedIterator<V> {
    return sortedIterator(this._items(), 0, 0, this._keys.length, 0, true, this);
  }

  /** Calls `fn` with each item and its position, ascending; the fastest full walk. O(n). */
  forEach(fn: (value: V, index: number) => void): void {
    const items = this._items();
    let k = 0;
    for (let i = 0; i < items.length; i++) {
      const list = items[i] as V[];
      for (let j = 0; j < list.length; j++) fn(list[j] as V, k++);
    }
  }

  /**
   * Folds all items, ascending: `list.reduce((sum, x) => sum + x, 0)`. The fastest full walk for a
   * numeric fold (the accumulator is an argument, so V8 keeps it unboxed). O(n).
   */
  reduce<A>(fn: (acc: A, value: V) => A, initial: A): A {
    const items = this._items();
    let acc = initial;
    for (let i = 0; i < items.length; i++) {
      const list = items[i] as V[];
      for (let j = 0; j < list.length; j++) acc = fn(acc, list[j] as V);
    }
    return acc;
  }

  /** A new array of all items, ascending. O(n). */
  toArray(): V[] {
    const items = this._items();
    const out: V[] = new Array(this._len);
    let k = 0;
    for (let i = 0; i < items.length; i++) {
      const list = items[i] as V[];
      for (let j = 0; j < list.length; j++) out[k++] = list[j] as V;
    }
    return out;
  }

  /** Throws a descriptive Error if any structural invariant or the comparator is broken. O(n). */
  assertInvariants(): void {
    const fail = (why: string): never => {
      throw new Error(`${this._name} invariant broken: ${why}`);
    };
    checkSublists<K, V>(
      {
        keys: this._keys,
        vals: this._vals,
        maxes: this._maxes,
        len: this._len,
        load: this._load,
        cmp: this._cmp,
        kind: this._kind,
      },
      (i, j, pos) => this._checkItem(i, j, pos, fail),
      fail,
    );
    if (this._fen !== null) {
      const f = this._fen;
      this._fen = null;
      const fresh = this._fenwick();
      if (f.length !== fresh.length || f.some((x, i) => x !== fresh[i])) fail('stale positional index');
    }
    if (this._walk !== (this._vals ?? this._keys)) fail('iteration reads stale sublists');
    if (this._ulen !== 0) {
      // The uniform layout: every sublist but the last holds exactly 2^shift items.
      if (this._ulen !== this._len) fail(`uniform length ${this._ulen} but length ${this._len}`);
      const chunk = this._mask + 1;
      const m = this._keys.length;
      for (let i = 0; i < m; i++) {
        const n = (this._keys[i] as K[]).length;
        if (i < m - 1 ? n !== chunk : n > chunk)
          fail(`sublist ${i} holds ${n}, not ${chunk}, in the uniform layout`);
      }
    }
    const st = this._starts;
    if (st !== null) {
      if (st.length !== this._keys.length + 1) fail('starts table has the wrong length');
      let s = 0;
      for (let i = 0; i < this._keys.length; i++) {
        if (st[i] !== s) fail(`stale starts table at sublist ${i}`);
        s += (this._keys[i] as K[]).length;
      }
      if (st[this._keys.length] !== s) fail('stale starts table at the end');
    }
  }

  /** Checks and normalises an item index (negative counts from the end). */
  protected _index(index: number, method: string): number {
    if (!Number.isInteger(index)) {
      throw new TypeError(`${this._name}.${method}: index must be an integer, got ${String(index)}`);
    }
    const idx = index < 0 ? index + this._len : index;
    if (idx < 0 || idx >= this._len) {
      throw new RangeError(`${this._name}.${method}: index ${index} out of range for length ${this._len}`);
    }
    return idx;
  }

  private _clampSlice(x: number, len: number, what: string): number {
    if (!Number.isInteger(x)) {
      throw new TypeError(`${this._name}.islice: ${what} must be an integer, got ${String(x)}`);
    }
    if (x < 0) return Math.max(0, x + len);
    return Math.min(x, len);
  }
}
