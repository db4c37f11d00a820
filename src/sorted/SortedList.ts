/**
 * SortedList: a sorted sequence of plain numbers, plain strings or (with a comparator) anything,
 * duplicates allowed, with O(log n) search and positional access. The structure lives in SortedBase;
 * this file is only the public, value-keyed API. No DOM and no framework: the CLI uses it too.
 */
import { bisectLeftNatural, type Comparator, type NaturalKey } from './bisect';
import { type RangeOptions, SortedBase, type SortedOptions } from './SortedBase';
import type { SortedIterator } from './SortedIterator';
import { sortNatural } from './sortNatural';

/** A sorted list. Example: `new SortedList([3, 1, 2]).toArray()` is `[1, 2, 3]`. */
export class SortedList<T> extends SortedBase<T, T> {
  /** Builds from `values` (any order). `options` may be a comparator or `{ compare, load }`. O(n log n). */
  constructor(values?: Iterable<T>, options?: SortedOptions<T> | Comparator<T>) {
    super('SortedList', false, typeof options === 'function' ? { compare: options } : options);
    if (values !== undefined) this.update(values);
  }

  /** Inserts `value` after any equal values. O(log n + load) amortised. Example: add(5). */
  add(value: T): this {
    this._checkKey(value);
    this._insert(value, value);
    return this;
  }

  /** Inserts many values; a batch of at least a quarter of the size re-sorts and re-chunks. */
  update(values: Iterable<T>): this {
    const batch = Array.isArray(values) ? values.slice() : Array.from(values);
    if (batch.length === 0) return this;
    this._checkKeys(batch);
    if (this._len === 0 || batch.length * 4 >= this._len) {
      const all = this._len === 0 ? batch : this.toArray().concat(batch);
      if (this._cmp === undefined) sortNatural(all as unknown as number[]);
      else all.sort(this._cmp);
      this._loadSorted(all, null);
    } else {
      for (let i = 0; i < batch.length; i++) this._insert(batch[i] as T, batch[i] as T);
    }
    return this;
  }

  /** Whether an equal value is present. O(log n). */
  has(value: T): boolean {
    this._checkProbe(value);
    if (this._cmp !== undefined) {
      this._seekLeft(value);
      return this._atKey(value);
    }
    // Natural order: both bisects inline with locals, no seek state written (the hottest lookup).
    const maxes = this._maxes as unknown as NaturalKey[];
    const x = value as unknown as NaturalKey;
    const branchless = this._branchless();
    const i = bisectLeftNatural(maxes, x, 0, maxes.length, this._maxesBranchless());
    if (i === maxes.length) return false;
    const list = this._keys[i] as unknown as NaturalKey[];
    return list[bisectLeftNatural(list, x, 0, list.length, branchless)] === x;
  }

  /** Removes one equal value if present; returns whether it was. O(log n + load). */
  discard(value: T): boolean {
    this._checkProbe(value);
    this._seekLeft(value);
    if (!this._atKey(value)) return false;
    this._deleteAt(this._li, this._lj);
    return true;
  }

  /** Removes one equal value; throws a RangeError when absent. O(log n + load). */
  remove(value: T): void {
    if (!this.discard(value)) throw new RangeError(`SortedList.remove: ${String(value)} is not in the list`);
  }

  /** Position where `value` would go before any equal values. O(log n). */
  bisectLeft(value: T): number {
    this._checkProbe(value);
    if (this._cmp !== undefined) {
      this._seekLeft(value);
      return this._pos(this._li, this._lj);
    }
    // Natural order: the same two bisects as has(), with locals.
    const maxes = this._maxes as unknown as NaturalKey[];
    const x = value as unknown as NaturalKey;
    const branchless = this._branchless();
    const i = bisectLeftNatural(maxes, x, 0, maxes.length, this._maxesBranchless());
    if (i === maxes.length) return this._len;
    const list = this._keys[i] as unknown as NaturalKey[];
    return this._pos(i, bisectLeftNatural(list, x, 0, list.length, branchless));
  }

  /** Position where `value` would go after any equal values. O(log n). */
  bisectRight(value: T): number {
    this._checkProbe(value);
    this._seekRight(value);
    return this._pos(this._li, this._lj);
  }

  /** Position of the first equal value, or -1. O(log n). */
  indexOf(value: T): number {
    this._checkProbe(value);
    this._seekLeft(value);
    return this._atKey(value) ? this._pos(this._li, this._lj) : -1;
  }

  /** Number of equal values. O(log n). */
  count(value: T): number {
    return this.bisectRight(value) - this.bisectLeft(value);
  }

  /** Values between min and max (undefined = unbounded), both ends included by default. O(log n + k). */
  irange(min?: T, max?: T, options?: RangeOptions): SortedIterator<T> {
    if (min !== undefined) this._checkProbe(min);
    if (max !== undefined) this._checkProbe(max);
    return this._irange(min, max, options);
  }
}
