/**
 * List rows (add, remove, duplicate, move) and choice branches for a mounted form. A row is an id in
 * its list's `~rows` entry, so moving a row rewrites one array and no field value; a branch is the
 * choice's `~branch` entry (and its discriminator field). What a removed row leaves behind (its
 * changes, errors and typed text) is forgotten through `forgetWithin`. No React.
 */
import { escapePointerSegment, type ListNode, type ModelNode } from '../../schemas/index';
import { flattenNode } from './flattenValues';
import {
  branchName,
  fieldName,
  isWithin,
  pathOfName,
  rowPath,
  rowsName,
  type StoragePath,
} from './storagePath';

export interface RowsAndBranchesOptions {
  readonly nodeAt: (path: StoragePath) => ModelNode | undefined;
  /** The list whose rows are stored at a path (an open tuple's rest shares the tuple's path). */
  readonly listAt: (path: StoragePath) => ListNode | undefined;
  readonly rowsOf: (listPath: StoragePath) => string[];
  readonly newRowId: () => string;
  readonly read: (name: string) => unknown;
  readonly names: () => string[];
  /** Stores a value, tracks its change and tells the field. */
  readonly write: (name: string, value: unknown) => void;
  /** Forgets changes, errors and typed text within a root whose values are gone. */
  readonly forgetWithin: (root: StoragePath) => void;
  /** Drops shown errors within a root (a branch left). */
  readonly dropErrorsWithin: (root: StoragePath) => void;
  /** Tells value listeners (onChange, the draft) once per operation. */
  readonly emit: () => void;
}

export type RowsAndBranches = ReturnType<typeof createRowsAndBranches>;

export function createRowsAndBranches(options: RowsAndBranchesOptions) {
  const { nodeAt, listAt, rowsOf, newRowId, read, write, emit } = options;
  const writeMany = (values: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(values)) write(name, value);
  };
  // Rows of a list the user set to unset, by list path: unticking "Unset" brings them back.
  const keptRows = new Map<StoragePath, string[]>();

  return {
    selectBranch(choicePath: StoragePath, branchId: string): void {
      const node = nodeAt(choicePath);
      if (node?.type !== 'choice') return;
      const branch = node.branches.find((b) => b.id === branchId);
      if (!branch) throw new Error(`Choice "${choicePath}" has no branch "${branchId}"`);
      write(branchName(choicePath), branchId);
      if (node.discriminator !== undefined) {
        write(
          fieldName(`${choicePath}/${escapePointerSegment(node.discriminator)}`),
          branch.discriminatorValue,
        );
      }
      options.dropErrorsWithin(choicePath);
      emit();
    },

    /** Adds a row with the item's defaults at `at` (default: the end). Returns its id. */
    addRow(listPath: StoragePath, at?: number): string {
      const node = listAt(listPath);
      if (!node) throw new Error(`"${listPath}" is not a list`);
      const ids = rowsOf(listPath);
      const id = newRowId();
      writeMany(flattenNode(node.item, rowPath(listPath, id), '', undefined, newRowId).values);
      const next = [...ids];
      next.splice(at ?? ids.length, 0, id);
      write(rowsName(listPath), next);
      keptRows.delete(listPath);
      emit();
      return id;
    },

    /**
     * Unsets a nullable list (sent as null) or sets it again: its rows come back as they were, or,
     * never set, as minItems rows of the item's defaults. Rows of an unset list keep their values.
     */
    setListUnset(listPath: StoragePath, unset: boolean): void {
      const node = listAt(listPath);
      if (!node?.nullable) throw new Error(`"${listPath}" is not a list that may be unset`);
      const stored = read(rowsName(listPath));
      if (unset === (stored === null)) return;
      if (unset) {
        keptRows.set(listPath, rowsOf(listPath));
        write(rowsName(listPath), null);
        options.dropErrorsWithin(listPath);
      } else {
        const ids = keptRows.get(listPath) ?? [];
        keptRows.delete(listPath);
        while (ids.length < (node.minItems ?? 0)) {
          const id = newRowId();
          writeMany(flattenNode(node.item, rowPath(listPath, id), '', undefined, newRowId).values);
          ids.push(id);
        }
        write(rowsName(listPath), ids);
      }
      emit();
    },

    removeRow(listPath: StoragePath, rowId: string): void {
      write(
        rowsName(listPath),
        rowsOf(listPath).filter((id) => id !== rowId),
      );
      options.forgetWithin(rowPath(listPath, rowId));
      emit();
    },

    /** Copies a row (nested rows included) just below it. O(values in the form) to find its values. */
    duplicateRow(listPath: StoragePath, rowId: string): string {
      const id = newRowId();
      const from = rowPath(listPath, rowId);
      const to = rowPath(listPath, id);
      for (const name of options.names()) {
        const path = pathOfName(name);
        if (isWithin(path, from)) write(fieldName(to + path.slice(from.length)), structuredClone(read(name)));
      }
      const next = [...rowsOf(listPath)];
      next.splice(next.indexOf(rowId) + 1, 0, id);
      write(rowsName(listPath), next);
      emit();
      return id;
    },

    /** Moves a row up (-1) or down (+1). O(rows). */
    moveRow(listPath: StoragePath, rowId: string, delta: -1 | 1): void {
      const next = [...rowsOf(listPath)];
      const i = next.indexOf(rowId);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= next.length) return;
      [next[i], next[j]] = [next[j]!, next[i]!];
      write(rowsName(listPath), next);
      emit();
    },
  };
}
