/**
 * Live, position-indexable views of a SortedDict: its keys, values and [key, value] items in key
 * order. They copy nothing (each read goes to the dict's sorted key list and hash map), so they stay
 * current as the dict changes. No DOM, no framework.
 */
import type { SortedIterator } from './SortedIterator';
import type { SortedList } from './SortedList';

/** Applies `fn` to each item of an iterator, lazily. */
export class MappedIterator<A, B> implements IterableIterator<B> {
  constructor(
    private readonly inner: Iterator<A>,
    private readonly fn: (a: A) => B,
  ) {}

  next(): IteratorResult<B> {
    const r = this.inner.next();
    return r.done ? { value: undefined, done: true } : { value: this.fn(r.value), done: false };
  }

  [Symbol.iterator](): IterableIterator<B> {
    return this;
  }
}

/** Keys in order. Example: `dict.keys().at(0)` is the smallest key. */
export class SortedKeysView<K> implements Iterable<K> {
  constructor(private readonly list: SortedList<K>) {}
  /** Number of keys. O(1). */
  get length(): number {
    return this.list.length;
  }
  /** Key at `index` (negative counts from the end). O(log n). */
  at(index: number): K {
    return this.list.at(index);
  }
  /** Position of `key`, or -1. O(log n). */
  indexOf(key: K): number {
    return this.list.indexOf(key);
  }
  [Symbol.iterator](): SortedIterator<K> {
    return this.list[Symbol.iterator]();
  }
  /** Keys in descending order. */
  reversed(): SortedIterator<K> {
    return this.list.reversed();
  }
  /** A new array of the keys. O(n). */
  toArray(): K[] {
    return this.list.toArray();
  }
}

/** Values in key order. Example: `dict.values().at(-1)` is the value of the largest key. */
export class SortedValuesView<K, V> implements Iterable<V> {
  constructor(
    private readonly list: SortedList<K>,
    private readonly map: Map<K, V>,
  ) {}
  /** Number of values. O(1). */
  get length(): number {
    return this.list.length;
  }
  /** Value at key position `index` (negative counts from the end). O(log n). */
  at(index: number): V {
    return this.map.get(this.list.at(index)) as V;
  }
  [Symbol.iterator](): MappedIterator<K, V> {
    return new MappedIterator(this.list[Symbol.iterator](), (k) => this.map.get(k) as V);
  }
  /** Values in descending key order. */
  reversed(): MappedIterator<K, V> {
    return new MappedIterator(this.list.reversed(), (k) => this.map.get(k) as V);
  }
  /** A new array of the values. O(n). */
  toArray(): V[] {
    return Array.from(this);
  }
}

/** [key, value] pairs in key order. Example: `dict.items().at(0)` is `[smallestKey, itsValue]`. */
export class SortedItemsView<K, V> implements Iterable<[K, V]> {
  constructor(
    private readonly list: SortedList<K>,
    private readonly map: Map<K, V>,
  ) {}
  /** Number of pairs. O(1). */
  get length(): number {
    return this.list.length;
  }
  /** Pair at key position `index` (negative counts from the end). O(log n). */
  at(index: number): [K, V] {
    const k = this.list.at(index);
    return [k, this.map.get(k) as V];
  }
  [Symbol.iterator](): MappedIterator<K, [K, V]> {
    return new MappedIterator(this.list[Symbol.iterator](), (k): [K, V] => [k, this.map.get(k) as V]);
  }
  /** Pairs in descending key order. */
  reversed(): MappedIterator<K, [K, V]> {
    return new MappedIterator(this.list.reversed(), (k): [K, V] => [k, this.map.get(k) as V]);
  }
  /** A new array of the pairs. O(n). */
  toArray(): [K, V][] {
    return Array.from(this);
  }
}
