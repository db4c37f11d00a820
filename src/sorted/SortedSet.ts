/**
 * SortedSet: a Set whose members are also kept in a SortedList, so has() is an O(1) hash lookup while
 * order, ranges, positions and set algebra come from the list. Members are distinct by === (a
 * comparator must not make distinct members equal). No DOM, no framework.
 */
import type { Comparator } from './bisect';
import type { RangeOptions, SortedOptions } from './SortedBase';
import type { SortedIterator } from './SortedIterator';
import { SortedList } from './SortedList';

/** A set iterated in order. Example: `new SortedSet([3, 1, 3]).toArray()` is `[1, 3]`. */
export class SortedSet<T> implements Iterable<T> {
  private readonly _set = new Set<T>();
  private readonly _list: SortedList<T>;
  private readonly _options: SortedOptions<T> | undefined;

  /** Builds from `values` (duplicates dropped); `options` may be a comparator. O(n log n). */
  constructor(values?: Iterable<T>, options?: SortedOptions<T> | Comparator<T>) {
    this._options = typeof options === 'function' ? { compare: options } : options;
    this._list = new SortedList<T>(undefined, this._options);
    if (values !== undefined) this.update(values);
  }

  /** Number of members. O(1). */
  get size(): number {
    return this._set.size;
  }

  /** Number of members (alias of size). O(1). */
  get length(): number {
    return this._set.size;
  }

  /** Whether `value` is a member. O(1). */
  has(value: T): boolean {
    return this._set.has(value);
  }

  /** Adds `value` unless present. O(log n + load). */
  add(value: T): this {
    if (!this._set.has(value)) {
      this._list.add(value);
      this._set.add(value);
    }
    return this;
  }

  /** Adds many values; many new ones at once are re-sorted in bulk. */
  update(values: Iterable<T>): this {
    const fresh: T[] = [];
    const seen = new Set<T>();
    for (const v of values) {
      if (!this._set.has(v) && !seen.has(v)) {
        seen.add(v);
        fresh.push(v);
      }
    }
    this._list.update(fresh);
    for (const v of fresh) this._set.add(v);
    return this;
  }

  /** Removes `value` if present; returns whether it was. O(log n + load). */
  discard(value: T): boolean {
    if (!this._set.delete(value)) return false;
    this._list.remove(value);
    return true;
  }

  /** Same as discard, named like Set.prototype.delete. */
  delete(value: T): boolean {
    return this.discard(value);
  }

  /** Removes `value`; throws a RangeError when absent. O(log n + load). */
  remove(value: T): void {
    if (!this.discard(value)) throw new RangeError(`SortedSet.remove: ${String(value)} is not a member`);
  }

  /** Removes every member. */
  clear(): void {
    this._set.clear();
    this._list.clear();
  }

  /** Member at `index` (negative counts from the end). O(log n). */
  at(index: number): T {
    return this._list.at(index);
  }

  /** Removes and returns the member at `index`, by default the last. O(log n + load). */
  pop(index = -1): T {
    const v = this._list.pop(index);
    this._set.delete(v);
    return v;
  }

  /** Removes the member at `index`. O(log n + load). */
  deleteAt(index: number): void {
    this.pop(index);
  }

  /** Position where `value` would go before an equal member. O(log n). */
  bisectLeft(value: T): number {
    return this._list.bisectLeft(value);
  }

  /** Position where `value` would go after an equal member. O(log n). */
  bisectRight(value: T): number {
    return this._list.bisectRight(value);
  }

  /** Position of `value`, or -1. O(log n). */
  indexOf(value: T): number {
    return this._set.has(value) ? this._list.indexOf(value) : -1;
  }

  /** 1 if `value` is a member, else 0. O(1). */
  count(value: T): number {
    return this._set.has(value) ? 1 : 0;
  }

  /** Members between min and max (undefined = unbounded), both included by default. O(log n + k). */
  irange(min?: T, max?: T, options?: RangeOptions): SortedIterator<T> {
    return this._list.irange(min, max, options);
  }

  /** Members at positions [start, stop), clamped like Array.prototype.slice. O(log n + k). */
  islice(start?: number, stop?: number, reverse?: boolean): SortedIterator<T> {
    return this._list.islice(start, stop, reverse);
  }

  [Symbol.iterator](): SortedIterator<T> {
    return this._list[Symbol.iterator]();
  }

  /** Members in descending order. */
  reversed(): SortedIterator<T> {
    return this._list.reversed();
  }

  /** Calls `fn(value, index)` in order. O(n). */
  forEach(fn: (value: T, index: number) => void): void {
    this._list.forEach(fn);
  }

  /** Folds the members in order: `set.reduce((sum, x) => sum + x, 0)`. O(n). */
  reduce<A>(fn: (acc: A, value: T) => A, initial: A): A {
    return this._list.reduce(fn, initial);
  }

  /** A new array of the members in order. O(n). */
  toArray(): T[] {
    return this._list.toArray();
  }

  /** New set of members of this or any of `others`. O((n + m) log(n + m)). */
  union(...others: Iterable<T>[]): SortedSet<T> {
    return this._copy().unionUpdate(...others);
  }

  /** New set of members of this and every one of `others`. O(n + m). */
  intersection(...others: Iterable<T>[]): SortedSet<T> {
    return this._copy().intersectionUpdate(...others);
  }

  /** New set of members of this in none of `others`. O(n + m log n). */
  difference(...others: Iterable<T>[]): SortedSet<T> {
    return this._copy().differenceUpdate(...others);
  }

  /** New set of members in exactly one of this and `other`. */
  symmetricDifference(other: Iterable<T>): SortedSet<T> {
    return this._copy().symmetricDifferenceUpdate(other);
  }

  /** Adds every member of `others`, in place. */
  unionUpdate(...others: Iterable<T>[]): this {
    for (const o of others) this.update(o);
    return this;
  }

  /** Keeps only members found in every one of `others`, in place. O(n + m). */
  intersectionUpdate(...others: Iterable<T>[]): this {
    const sets = others.map((o) => (o instanceof Set || o instanceof SortedSet ? o : new Set(o)));
    const kept = this.toArray().filter((v) => sets.every((s) => s.has(v)));
    this.clear();
    return this.update(kept);
  }

  /** Removes every member of `others`, in place. O(m (log n + load)). */
  differenceUpdate(...others: Iterable<T>[]): this {
    for (const o of others) for (const v of o) this.discard(v);
    return this;
  }

  /** Keeps members in exactly one of this and `other`, in place. */
  symmetricDifferenceUpdate(other: Iterable<T>): this {
    const incoming = new Set(other);
    const add: T[] = [];
    for (const v of incoming) {
      if (this._set.has(v)) this.discard(v);
      else add.push(v);
    }
    return this.update(add);
  }

  /** Whether every member is in `other`. O(n). */
  isSubsetOf(other: Iterable<T>): boolean {
    const s = other instanceof Set || other instanceof SortedSet ? other : new Set(other);
    if (s.size < this.size) return false;
    for (const v of this._set) if (!s.has(v)) return false;
    return true;
  }

  /** Whether every member of `other` is in this set. O(m). */
  isSupersetOf(other: Iterable<T>): boolean {
    for (const v of other) if (!this._set.has(v)) return false;
    return true;
  }

  /** Whether no member of `other` is in this set. O(m). */
  isDisjointFrom(other: Iterable<T>): boolean {
    for (const v of other) if (this._set.has(v)) return false;
    return true;
  }

  /** Throws if the list and the hash set disagree, or two members compare equal. O(n), O(n log n) with a comparator. */
  assertInvariants(): void {
    this._list.assertInvariants();
    const fail = (why: string): never => {
      throw new Error(`SortedSet invariant broken: ${why}`);
    };
    if (this._list.length !== this._set.size) fail(`${this._list.length} sorted, ${this._set.size} hashed`);
    let i = 0;
    for (const v of this._list) {
      if (!this._set.has(v)) fail(`member at ${i} is missing from the hash set`);
      if (this._options?.compare !== undefined && this._list.count(v) > 1)
        fail(`distinct members compare equal at ${i}; the comparator must separate them`);
      i++;
    }
  }

  private _copy(): SortedSet<T> {
    const s = new SortedSet<T>(undefined, this._options);
    s._list.update(this._list.toArray());
    for (const v of this._set) s._set.add(v);
    return s;
  }
}
