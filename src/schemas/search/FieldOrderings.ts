/**
 * The orders a form can list its fields in, kept up to date as values change: schema order, by label,
 * changed first and errors first, each a SortedKeyList (src/sorted) so one field's change moves one
 * item, O(log n), instead of re-sorting the form. No DOM, no framework.
 */
import { SortedKeyList } from '../../sorted/index';
import type { PointerTemplate } from '../FieldModel';
import type { SearchEntry } from './searchEntries';

export type OrderingName = 'schema' | 'label' | 'changedFirst' | 'errorsFirst';

export const orderingNames: readonly OrderingName[] = ['schema', 'label', 'changedFirst', 'errorsFirst'];

/** What the form knows about a field's value. */
export interface FieldState {
  readonly changed: boolean;
  readonly hasError: boolean;
}

interface Item {
  readonly entry: SearchEntry;
  changed: boolean;
  hasError: boolean;
}

const byLabel = (a: readonly [string, number], b: readonly [string, number]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];

/** The part of SortedKeyList the orderings read, whatever the key type. */
type OrderList = Pick<SortedKeyList<Item, number>, 'length' | 'islice' | 'indexOf' | 'assertInvariants'>;

export class FieldOrderings {
  /** Items by pointer: a pointer can stand for one field in each of several choice branches. */
  private readonly items = new Map<PointerTemplate, Item[]>();
  private readonly all: readonly Item[];
  private readonly schema: SortedKeyList<Item, number>;
  private readonly label: SortedKeyList<Item, readonly [string, number]>;
  private readonly changed: SortedKeyList<Item, number>;
  private readonly errors: SortedKeyList<Item, number>;

  /** Orders `entries` (schema order, from searchEntries or FieldIndex.entries), all unchanged, no errors. O(n log n). */
  constructor(entries: readonly SearchEntry[]) {
    const n = entries.length;
    const all: Item[] = entries.map((entry) => ({ entry, changed: false, hasError: false }));
    this.all = all;
    for (const item of all) {
      const same = this.items.get(item.entry.pointer);
      if (same) same.push(item);
      else this.items.set(item.entry.pointer, [item]);
    }
    // Flags first, then schema order: a number key keeps the natural-order fast path.
    this.schema = new SortedKeyList((i: Item) => i.entry.position, all);
    this.label = new SortedKeyList((i: Item) => [i.entry.labelText, i.entry.position] as const, all, byLabel);
    this.changed = new SortedKeyList((i: Item) => (i.changed ? 0 : n) + i.entry.position, all);
    this.errors = new SortedKeyList(
      (i: Item) => (i.hasError ? 0 : 2 * n) + (i.changed ? 0 : n) + i.entry.position,
      all,
    );
  }

  /** Records a field's state; moves it in the lists whose key changed. O(log n), O(1) when unchanged. */
  update(pointer: PointerTemplate, state: Partial<FieldState>): void {
    const same = this.items.get(pointer);
    if (!same) throw new Error(`FieldOrderings: no field at "${pointer}"`);
    for (const item of same) this.move(item, state);
  }

  private move(item: Item, state: Partial<FieldState>): void {
    const changed = state.changed ?? item.changed;
    const hasError = state.hasError ?? item.hasError;
    if (changed === item.changed && hasError === item.hasError) return;
    this.changed.remove(item);
    this.errors.remove(item);
    item.changed = changed;
    item.hasError = hasError;
    this.changed.add(item);
    this.errors.add(item);
  }

  /** The state last recorded for a field. O(1). */
  state(pointer: PointerTemplate): FieldState | undefined {
    const item = this.items.get(pointer)?.[0];
    return item && { changed: item.changed, hasError: item.hasError };
  }

  /** Entries in `order`, from `start` (default 0), at most `count` of them. O(log n + count). */
  list(order: OrderingName, start = 0, count = Number.POSITIVE_INFINITY): SearchEntry[] {
    const list = this.listOf(order);
    const out: SearchEntry[] = [];
    const stop = Math.min(list.length, start + count);
    for (const item of list.islice(start, stop)) out.push(item.entry);
    return out;
  }

  /** Where a field stands in `order`. O(log n). */
  positionOf(order: OrderingName, pointer: PointerTemplate): number {
    const item = this.items.get(pointer)?.[0];
    return item ? this.listOf(order).indexOf(item) : -1;
  }

  /** Sorts `entries` (e.g. search hits) by `order`: rank in that list. O(k log n + k log k). */
  sort<T extends { entry: SearchEntry }>(hits: readonly T[], order: OrderingName): T[] {
    const list = this.listOf(order);
    const keyed = hits.map((h) => {
      const item = this.all[h.entry.position];
      return { h, k: item?.entry === h.entry ? list.indexOf(item) : Number.MAX_SAFE_INTEGER };
    });
    return keyed.sort((a, b) => a.k - b.k).map((x) => x.h);
  }

  /** Counts: how many fields are changed and how many have errors. O(n). */
  counts(): { changed: number; errors: number } {
    let changed = 0;
    let errors = 0;
    for (const item of this.all) {
      if (item.changed) changed++;
      if (item.hasError) errors++;
    }
    return { changed, errors };
  }

  /** Checks every list's structure and that each holds every field once. O(n). For tests. */
  assertInvariants(): void {
    for (const name of orderingNames) {
      const list = this.listOf(name);
      list.assertInvariants();
      if (list.length !== this.all.length)
        throw new Error(`FieldOrderings: "${name}" holds ${list.length} fields, expected ${this.all.length}`);
    }
  }

  private listOf(order: OrderingName): OrderList {
    switch (order) {
      case 'schema':
        return this.schema;
      case 'label':
        return this.label;
      case 'changedFirst':
        return this.changed;
      case 'errorsFirst':
        return this.errors;
    }
  }
}
