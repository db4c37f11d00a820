/**
 * A list's rows replaced in one change, and that change undone: what a paste from a spreadsheet or a
 * CSV import does. New rows get the item's defaults and then their cells; existing rows kept in the
 * new order get their cells written in place (their other fields, changes and typed text stay), so
 * appending 1,000 rows re-renders none of the rows already there. The undo record holds the previous
 * row ids and every value written over; removed rows keep their values in the store until then.
 * No React.
 */
import type { ListNode, ModelNode, Pointer } from '../../schemas/index';
import { flattenNode } from './flattenValues';
import { fieldName, pathOfName, rowPath, rowsName, type StoragePath } from './storagePath';

/**
 * The stored values of a new row, by path inside the row, when they are the same for every new row
 * (the item holds no list with rows of its own, whose row ids would be fresh each time); else null.
 * Walking the item once instead of once per row was a fifth of a 1,000-row paste's Apply.
 */
function sharedRowValues(
  item: ModelNode,
  newRowId: () => string,
): ReadonlyArray<readonly [StoragePath, unknown]> | null {
  const values = Object.entries(flattenNode(item, '', '', undefined, newRowId).values);
  if (values.some(([name, value]) => name.endsWith('/~rows') && Array.isArray(value) && value.length > 0))
    return null;
  return values.map(([name, value]) => [pathOfName(name), value] as const);
}

/** One row of the list after the change. */
export interface ListRowInput {
  /** An existing row to keep (its cells written over it); absent: a new row with the item's defaults. */
  readonly rowId?: string;
  /** Values by pointer inside one item ("/thickness", "" for a scalar item); undefined leaves unset. */
  readonly cells: ReadonlyArray<readonly [Pointer, unknown]>;
}

/** What undoListReplace needs to put the list back as it was. */
export interface ListUndo {
  readonly listPath: StoragePath;
  readonly ids: readonly string[];
  /** The values written over in kept rows, by stored name, as they were. */
  readonly before: ReadonlyMap<string, unknown>;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface ListReplaceOptions {
  /** The list whose rows are stored at a path (an open tuple's rest shares the tuple's path). */
  readonly listAt: (path: StoragePath) => ListNode | undefined;
  readonly rowsOf: (listPath: StoragePath) => string[];
  readonly newRowId: () => string;
  readonly read: (name: string) => unknown;
  /** Stores a value, tracks its change and tells the field. */
  readonly write: (name: string, value: unknown) => void;
  /**
   * Stores a new row's default value: nothing to track (a new row is compared with the item's
   * defaults, and this is one) and no field shows it yet. A paste of 1,000 scan rows writes most of
   * its values so: tracking each cost more than the rest of Apply (bench:paste, CPU profile).
   */
  readonly store: (name: string, value: unknown) => void;
  /**
   * Re-derives "changed" for the values stored in rows that are new to the list (not yet among its
   * rows): ChangeTracker.trackNewRows, once for all of them.
   */
  readonly trackNewRows: (
    listPath: StoragePath,
    rows: readonly { readonly rowId: string; readonly pointers: readonly Pointer[] }[],
  ) => void;
  /** Forgets changes, errors and typed text within the rows `ids` of the list, which left it. */
  readonly forgetRows: (listPath: StoragePath, ids: readonly string[]) => void;
  /** A field got a value from outside its widget: drop its typed text, re-check a shown error. */
  readonly overwritten: (path: StoragePath) => void;
  /** Re-derives "changed" for every stored value: rows an undo brings back. */
  readonly recomputeChanges: () => void;
  /** Tells value listeners (onChange, the draft) once per operation. */
  readonly emit: () => void;
}

export type ListReplace = ReturnType<typeof createListReplace>;

export function createListReplace(options: ListReplaceOptions) {
  const { listAt, rowsOf, newRowId, read, write, emit } = options;

  return {
    /**
     * Makes `rows` the list's rows, in that order. O(cells written + fields of new rows + rows).
     * Returns the record undoListReplace takes.
     */
    replaceList(listPath: StoragePath, rows: readonly ListRowInput[]): ListUndo {
      const node = listAt(listPath);
      if (!node) throw new Error(`"${listPath}" is not a list`);
      const ids = rowsOf(listPath);
      const existing = new Set(ids);
      const before = new Map<string, unknown>();
      const added: string[] = [];
      const next: string[] = [];
      const fresh: { rowId: string; pointers: Pointer[] }[] = [];
      let shared: ReturnType<typeof sharedRowValues> | undefined;
      for (const row of rows) {
        if (row.rowId !== undefined && existing.has(row.rowId)) {
          const path = rowPath(listPath, row.rowId);
          for (const [pointer, value] of row.cells) {
            const name = fieldName(path + pointer);
            if (!before.has(name)) before.set(name, read(name));
            write(name, value);
            options.overwritten(path + pointer);
          }
          next.push(row.rowId);
          continue;
        }
        const id = newRowId();
        const path = rowPath(listPath, id);
        if (shared === undefined) shared = sharedRowValues(node.item, newRowId);
        const values: Iterable<readonly [string, unknown]> =
          shared === null
            ? Object.entries(flattenNode(node.item, path, '', undefined, newRowId).values)
            : shared.map(([at, value]) => [fieldName(path + at), value] as const);
        const cells = new Map<string, unknown>();
        for (const [pointer, value] of row.cells) cells.set(fieldName(path + pointer), value);
        for (const [name, value] of values) if (!cells.has(name)) options.store(name, value);
        // No field shows a new row yet, so nothing listens on its names: store now, track below.
        for (const [name, value] of cells) options.store(name, value);
        fresh.push({ rowId: id, pointers: row.cells.map(([pointer]) => pointer) });
        added.push(id);
        next.push(id);
      }
      // Before the new ids join the list's rows: trackNewRows compares rows not among them.
      options.trackNewRows(listPath, fresh);
      const kept = new Set(next);
      const removed = ids.filter((id) => !kept.has(id));
      write(rowsName(listPath), next);
      options.forgetRows(listPath, removed);
      emit();
      return { listPath, ids, before, added, removed };
    },

    /** Puts the list back as it was before `undo`'s replaceList. O(values written + rows). */
    undoListReplace(undo: ListUndo): void {
      for (const [name, value] of undo.before) {
        write(name, value);
        options.overwritten(name.slice(1));
      }
      write(rowsName(undo.listPath), [...undo.ids]);
      // Re-derived before the added rows are forgotten: their values stay in the store, and a
      // recompute after the forget counted them again ("301 changed" after undoing a paste of 300).
      if (undo.removed.length > 0) options.recomputeChanges();
      options.forgetRows(undo.listPath, undo.added);
      emit();
    },
  };
}
