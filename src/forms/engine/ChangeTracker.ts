/**
 * "Changed from default" for a mounted form: the storage paths (fields, lists by row count, choices by
 * branch) whose value differs from FormDefaults, derived on each write and kept beside the values, never
 * instead of them. A section's "N changed" badge listens on its roots. A choice's discriminator is not
 * counted: its branch picker stands for it, so picking a branch is one change. No React.
 */
import { jsonEquals, type ModelNode, type Pointer } from '../../schemas/index';
import type { FormDefaults } from './FormDefaults';
import type { nodeIndex } from './nodeIndex';
import { fieldName, isWithin, pathOfName, rowPath, type StoragePath } from './storagePath';

export interface ChangeTrackerOptions {
  readonly index: ReturnType<typeof nodeIndex>;
  readonly defaults: FormDefaults;
  readonly read: (name: string) => unknown;
  readonly names: () => string[];
  readonly nodeAt: (path: StoragePath) => ModelNode | undefined;
  readonly rowsOf: (listPath: StoragePath) => string[];
  readonly branchOf: (choicePath: StoragePath) => string | undefined;
}

export type ChangeTracker = ReturnType<typeof createChangeTracker>;

/** The owner of a tracked path: a list's or choice's own path for its ~rows or ~branch entry. */
const ownerOf = (path: StoragePath) => path.replace(/\/~(rows|branch)$/, '');

export function createChangeTracker(options: ChangeTrackerOptions) {
  const { index, defaults, read, nodeAt, rowsOf, branchOf } = options;
  const changed = new Set<StoragePath>();
  const listeners = new Map<StoragePath, Set<() => void>>();

  const discriminators = new Set<ModelNode>();
  for (const node of index.byTemplate.values()) {
    if (node.type !== 'choice' || node.discriminator === undefined) continue;
    for (const branch of node.branches) {
      const field = branch.node.children.find((c) => c.key === node.discriminator);
      if (field) discriminators.add(field);
    }
  }

  function differsFromDefault(path: StoragePath): boolean {
    if (path.endsWith('/~rows')) {
      const unset = read(fieldName(path)) === null; // an unset list differs from an empty one
      return (unset ? null : rowsOf(path.slice(0, -6)).length) !== defaults.rowCountOf(path.slice(0, -6));
    }
    if (path.endsWith('/~branch')) {
      const node = nodeAt(path.slice(0, -8));
      return node?.type === 'choice' && branchOf(path.slice(0, -8)) !== defaults.branchOf(path.slice(0, -8));
    }
    const node = nodeAt(path);
    if (node?.type !== 'field' || discriminators.has(node)) return false;
    return !jsonEquals(read(fieldName(path)), defaults.fieldValue(path));
  }

  /** Listeners on every ancestor of `key` hear of it: O(depth). */
  function notify(key: StoragePath): void {
    let prefix = key;
    for (;;) {
      for (const l of listeners.get(prefix) ?? []) l();
      if (prefix === '') break;
      prefix = prefix.slice(0, prefix.lastIndexOf('/'));
    }
  }

  /**
   * Listeners on every ancestor of any of `keys` hear once, however many of the keys lie under them:
   * a section's badge re-reads its count once for a paste of 4,000 cells, not 4,000 times.
   * O(keys x depth).
   */
  function notifyOnce(keys: Iterable<StoragePath>): void {
    const prefixes = new Set<StoragePath>();
    for (const key of keys) {
      let prefix = key;
      while (!prefixes.has(prefix)) {
        prefixes.add(prefix);
        if (prefix === '') break;
        prefix = prefix.slice(0, prefix.lastIndexOf('/'));
      }
    }
    const heard = new Set<() => void>();
    for (const prefix of prefixes) for (const l of listeners.get(prefix) ?? []) heard.add(l);
    for (const l of heard) l();
  }

  /** Re-derives one stored path after a write. O(1) outside lists, O(rows x depth) inside. */
  function track(key: StoragePath): void {
    const was = changed.has(key);
    const now = differsFromDefault(key);
    if (was === now) return;
    if (now) changed.add(key);
    else changed.delete(key);
    notify(key);
  }

  /** Forgets every entry `drop` picks. O(changed). */
  function forgetWhere(drop: (key: StoragePath) => boolean): void {
    const gone: StoragePath[] = [];
    for (const key of changed) if (drop(key)) gone.push(key);
    for (const key of gone) changed.delete(key);
    notifyOnce(gone);
  }

  return {
    track,

    /**
     * Re-derives the values just stored in rows added to the list at `listPath` and not yet among its
     * rows, with what track would find one by one: such a row lies past the list's rows, so each of
     * its fields is compared with the item's default (FormDefaults.fieldValue). The field and its
     * default are looked up once per column (a pointer inside the row), not once per cell, and each
     * listener hears once: one track per cell was most of a 1,000-row paste's Apply (bench:paste,
     * CPU profile). O(cells + columns x depth).
     */
    trackNewRows(
      listPath: StoragePath,
      rows: readonly { readonly rowId: string; readonly pointers: readonly Pointer[] }[],
    ): void {
      // Per pointer: the default a field is compared with, or null for what is never counted.
      const columns = new Map<Pointer, { readonly value: unknown } | null>();
      const moved: StoragePath[] = [];
      for (const { rowId, pointers } of rows) {
        const base = rowPath(listPath, rowId);
        for (const pointer of pointers) {
          const key = base + pointer;
          if (key.endsWith('/~rows') || key.endsWith('/~branch')) {
            track(key);
            continue;
          }
          let column = columns.get(pointer);
          if (column === undefined) {
            const node = nodeAt(key);
            column =
              node?.type === 'field' && !discriminators.has(node)
                ? { value: defaults.fieldValue(key) }
                : null;
            columns.set(pointer, column);
          }
          const was = changed.has(key);
          const now = column !== null && !jsonEquals(read(fieldName(key)), column.value);
          if (was === now) continue;
          if (now) changed.add(key);
          else changed.delete(key);
          moved.push(key);
        }
      }
      notifyOnce(moved);
    },

    /** Forgets every entry within `root` (rows removed or replaced: their paths no longer exist). */
    forgetWithin(root: StoragePath): void {
      forgetWhere((key) => isWithin(key, root));
    },

    /** Forgets every entry `drop` picks (the rows a paste replaced, in one pass). O(changed). */
    forgetWhere,

    /** Re-derives every stored value (after an import or at mount). O(n). */
    recompute(): void {
      changed.clear();
      for (const name of options.names()) {
        const path = pathOfName(name);
        if (differsFromDefault(path)) changed.add(path);
      }
      for (const set of listeners.values()) for (const l of set) l();
    },

    /** Whether the field/list/choice at `path` differs from its default. O(1). */
    isChanged(path: StoragePath): boolean {
      return changed.has(path) || changed.has(`${path}/~rows`) || changed.has(`${path}/~branch`);
    },

    /** How many stored values within `roots` differ from their defaults. O(changed values). */
    count(roots: readonly StoragePath[]): number {
      let n = 0;
      for (const path of changed) if (roots.some((r) => isWithin(ownerOf(path), r))) n++;
      return n;
    },

    /** Calls `listener` when the count within any of `roots` may have changed. */
    subscribe(roots: readonly StoragePath[], listener: () => void): () => void {
      for (const root of roots) {
        let set = listeners.get(root);
        if (!set) {
          set = new Set();
          listeners.set(root, set);
        }
        set.add(listener);
      }
      return () => {
        for (const root of roots) listeners.get(root)?.delete(listener);
      };
    },
  };
}
