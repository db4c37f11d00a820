/**
 * SortedDict: a Map whose keys are also kept in a SortedList, so get/has/set-existing are O(1) hash
 * operations while ordered walks, ranges and positional access come from the list. Keys compare
 * equal only when they are the same Map key (===); a comparator must not make distinct keys equal.
 * No DOM, no framework.
 */
import type { Comparator } from './bisect';
import type { RangeOptions, SortedOptions } from './SortedBase';
import { SortedItemsView, SortedKeysView, SortedValuesView } from './SortedDictViews';
import type { SortedIterator } from './SortedIterator';
import { SortedList } from './SortedList';

/** A map iterated in key order. Example: `new SortedDict([['b', 2], ['a', 1]]).keys().at(0)` is `'a'`. */
export class SortedDict<K, V> implements Iterable<[K, V]> {
  private readonly _map = new Map<K, V>();
  private readonly _list: SortedList<K>;
  private readonly _byComparator: boolean;

  /** Builds from [key, value] pairs (later pairs win); `options` may be a key comparator. O(n log n). */
  constructor(entries?: Iterable<readonly [K, V]>, options?: SortedOptions<K> | Comparator<K>) {
    this._list = new SortedList<K>(undefined, options);
    this._byComparator = typeof options === 'function' || options?.compare !== undefined;
    if (entries !== undefined) this.update(entries);
  }

  /** Number of keys. O(1). */
  get size(): number {
    return this._map.size;
  }

  /** Number of keys (alias of size, like the other containers). O(1). */
  get length(): number {
    return this._map.size;
  }

  /** Value of `key`, or undefined. O(1). */
  get(key: K): V | undefined {
    return this._map.get(key);
  }

  /** Whether `key` is present. O(1). */
  has(key: K): boolean {
    return this._map.has(key);
  }

  /** Sets `key` to `value`; a new key costs O(log n + load), an existing one O(1). */
  set(key: K, value: V): this {
    if (!this._map.has(key)) this._list.add(key);
    this._map.set(key, value);
    return this;
  }

  /** Sets many pairs; many new keys at once are re-sorted in bulk. */
  update(entries: Iterable<readonly [K, V]>): this {
    // Sort the new keys in first: if one is refused (NaN, wrong kind), nothing has changed yet.
    const pairs = Array.from(entries);
    const fresh: K[] = [];
    const seen = new Set<K>();
    for (const [k] of pairs) {
      if (!this._map.has(k) && !seen.has(k)) {
        seen.add(k);
        fresh.push(k);
      }
    }
    this._list.update(fresh);
    for (const [k, v] of pairs) this._map.set(k, v);
    return this;
  }

  /** Removes `key`; returns whether it was present. O(log n + load). */
  delete(key: K): boolean {
    if (!this._map.delete(key)) return false;
    this._list.remove(key);
    return true;
  }

  /** Removes every pair. O(n) for the Map. */
  clear(): void {
    this._map.clear();
    this._list.clear();
  }

  /** The [key, value] at key position `index` (default the last), without removing it. O(log n). */
  peekItem(index = -1): [K, V] {
    const k = this._list.at(index);
    return [k, this._map.get(k) as V];
  }

  /** Removes and returns the [key, value] at key position `index` (default the last). O(log n + load). */
  popItem(index = -1): [K, V] {
    if (this._map.size === 0) throw new RangeError('SortedDict.popItem: the dict is empty');
    const k = this._list.pop(index);
    const v = this._map.get(k) as V;
    this._map.delete(k);
    return [k, v];
  }

  /** Keys between min and max (undefined = unbounded), both included by default. O(log n + k). */
  irange(min?: K, max?: K, options?: RangeOptions): SortedIterator<K> {
    return this._list.irange(min, max, options);
  }

  /** Keys at positions [start, stop), clamped like Array.prototype.slice. O(log n + k). */
  islice(start?: number, stop?: number, reverse?: boolean): SortedIterator<K> {
    return this._list.islice(start, stop, reverse);
  }

  /** Position where `key` would go before an equal key. O(log n). */
  bisectLeft(key: K): number {
    return this._list.bisectLeft(key);
  }

  /** Position where `key` would go after an equal key. O(log n). */
  bisectRight(key: K): number {
    return this._list.bisectRight(key);
  }

  /** Same as bisectRight. O(log n). */
  bisect(key: K): number {
    return this._list.bisectRight(key);
  }

  /** Position of `key`; throws a RangeError when absent. O(log n). */
  index(key: K): number {
    const i = this._map.has(key) ? this._list.indexOf(key) : -1;
    if (i < 0) throw new RangeError(`SortedDict.index: ${String(key)} is not a key`);
    return i;
  }

  /** Live view of the keys, indexable by position. */
  keys(): SortedKeysView<K> {
    return new SortedKeysView(this._list);
  }

  /** Live view of the values in key order, indexable by position. */
  values(): SortedValuesView<K, V> {
    return new SortedValuesView(this._list, this._map);
  }

  /** Live view of the [key, value] pairs in key order, indexable by position. */
  items(): SortedItemsView<K, V> {
    return new SortedItemsView(this._list, this._map);
  }

  /** Pairs in key order. */
  [Symbol.iterator](): Iterator<[K, V]> {
    return this.items()[Symbol.iterator]();
  }

  /** Calls `fn(value, key)` in key order. O(n). */
  forEach(fn: (value: V, key: K) => void): void {
    this._list.forEach((k) => {
      fn(this._map.get(k) as V, k);
    });
  }

  /** Throws if the list and the map disagree, or two keys compare equal. O(n), O(n log n) with a comparator. */
  assertInvariants(): void {
    this._list.assertInvariants();
    const fail = (why: string): never => {
      throw new Error(`SortedDict invariant broken: ${why}`);
    };
    if (this._list.length !== this._map.size)
      fail(`${this._list.length} sorted keys, ${this._map.size} in the map`);
    let i = 0;
    for (const k of this._list) {
      if (!this._map.has(k)) fail(`sorted key at ${i} is missing from the map`);
      if (this._byComparator && this._list.count(k) > 1)
        fail(`distinct keys compare equal at ${i}; the comparator must separate them`);
      i++;
    }
  }
}
