/**
 * A list's rows replaced in one change, and that change undone: what a paste from a spreadsheet or a
 * CSV import does. New rows get the item's defaults and then their cells; existing rows kept in the
 * new order get their cells written in place (their other fields, changes and typed text stay), so
 * appending 1,000 rows re-renders none of the rows already there. The undo record holds the previous
 * row ids and every value written over; removed rows keep their values in the store until then.
 * No React.
 */
import type { ListNode, Pointer } from '../../schemas/index';
import { flattenNode } from './flattenValues';
import { fieldName, rowPath, rowsName, type StoragePath } from './storagePath';

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
  /** Forgets changes, errors and typed text within a row that left the list. */
  readonly forgetWithin: (root: StoragePath) => void;
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
        const values = flattenNode(node.item, path, '', undefined, newRowId).values;
        const cells = new Map<string, unknown>();
        for (const [pointer, value] of row.cells) cells.set(fieldName(path + pointer), value);
        for (const [name, value] of Object.entries(values)) if (!cells.has(name)) options.store(name, value);
        for (const [name, value] of cells) write(name, value);
        added.push(id);
        next.push(id);
      }
      const kept = new Set(next);
      const removed = ids.filter((id) => !kept.has(id));
      write(rowsName(listPath), next);
      for (const id of removed) options.forgetWithin(rowPath(listPath, id));
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
      for (const id of undo.added) options.forgetWithin(rowPath(undo.listPath, id));
      if (undo.removed.length > 0) options.recomputeChanges();
      emit();
    },
  };
}
