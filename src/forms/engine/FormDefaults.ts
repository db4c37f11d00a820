/**
 * What each stored value is by default: what "changed from default" compares with and what reset
 * writes. Outside lists that is the model's defaults. Inside a list, a row the list's own default
 * supplies takes its values from that default row, matched by position (row 2 of the form against
 * row 2 of the default), so a table that starts with default rows starts unchanged and resets to
 * what it showed. A row past the default's rows (one the user added) takes the item's defaults.
 * No React.
 */
import type { FieldModel, ListNode, ModelNode, Pointer } from '../../schemas/index';
import { flattenNode, listStartsUnset } from './flattenValues';
import type { nodeIndex } from './nodeIndex';
import {
  branchName,
  fieldName,
  isWithin,
  pathOfName,
  rowPath,
  rowsName,
  type StoragePath,
} from './storagePath';

export interface FormDefaultsOptions {
  readonly model: FieldModel;
  readonly index: ReturnType<typeof nodeIndex>;
  /** The model's defaults flattened (flattenValues with no request): row ids of its own. Read only. */
  readonly root: Readonly<Record<string, unknown>>;
  /** The row ids the form holds now for a list. */
  readonly rowsOf: (listPath: StoragePath) => string[];
  readonly nodeAt: (path: StoragePath) => ModelNode | undefined;
  /** The list whose rows are stored at a path (an open tuple's rest shares the tuple's path). */
  readonly listAt: (path: StoragePath) => ListNode | undefined;
  /** The request pointer of a storage path. */
  readonly pointerAt: (path: StoragePath) => Pointer;
  readonly newRowId: () => string;
}

export type FormDefaults = ReturnType<typeof createFormDefaults>;

const ROW = /\/~r(?!ows(?:\/|$))([^/]*)/g;

export function createFormDefaults(options: FormDefaultsOptions) {
  const { index, root, rowsOf, nodeAt, listAt, pointerAt, newRowId } = options;

  // Item defaults for rows past a list's default rows, keyed with every row id normalised to "T".
  const itemDefaults: Record<string, unknown> = {};
  for (const [template, list] of index.listAt) {
    const base = rowPath(template.replace(/\/\*(?=\/|$)/g, '/~rT'), 'T');
    Object.assign(itemDefaults, flattenNode(list.item, base, '', undefined, () => 'T').values);
  }

  /**
   * `path` in the row ids of `root`: each row of the form replaced by the default row at the same
   * position. Null when some row lies past its list's default rows. O(depth x rows).
   */
  function inDefaults(path: StoragePath): StoragePath | null {
    if (!path.includes('/~r')) return path;
    let live = '';
    let mapped = '';
    for (const segment of path.split('/').slice(1)) {
      if (segment.startsWith('~r') && segment !== '~rows') {
        const at = rowsOf(live).indexOf(segment.slice(2));
        const rows = root[rowsName(mapped)];
        if (at < 0 || !Array.isArray(rows) || at >= rows.length) return null;
        mapped += `/~r${rows[at]}`;
      } else {
        mapped += `/${segment}`;
      }
      live += `/${segment}`;
    }
    return mapped;
  }

  /** The default of the field at `path`. */
  function fieldValue(path: StoragePath): unknown {
    const mapped = inDefaults(path);
    if (mapped !== null) return root[fieldName(mapped)];
    return itemDefaults[fieldName(path.replace(/\/~r[^/]*(?=\/|$)/g, '/~rT'))];
  }

  /** How many rows the list at `listPath` has by default; null when it starts unset. */
  function rowCountOf(listPath: StoragePath): number | null {
    const mapped = inDefaults(listPath);
    const rows = mapped === null ? undefined : (root[rowsName(mapped)] as string[] | null | undefined);
    if (rows !== undefined) return rows === null ? null : rows.length;
    const node = listAt(listPath);
    if (!node) return 0;
    if (listStartsUnset(node)) return null;
    return node.hasDefault && Array.isArray(node.default) ? node.default.length : (node.minItems ?? 0);
  }

  /** The branch the choice at `choicePath` selects by default. */
  function branchOf(choicePath: StoragePath): string | undefined {
    const mapped = inDefaults(choicePath);
    const branch = mapped === null ? undefined : (root[branchName(mapped)] as string | undefined);
    if (branch !== undefined) return branch;
    const node = nodeAt(choicePath);
    return node?.type === 'choice' ? node.defaultBranch : undefined;
  }

  /**
   * Every stored value within `path` as reset leaves it: the default's values under fresh row ids
   * (a list's rows are replaced, never shared with the default map). O(stored defaults).
   */
  function valuesWithin(path: StoragePath): Record<string, unknown> {
    const node = nodeAt(path);
    if (!node) return {};
    const mapped = inDefaults(path);
    if (mapped === null) return flattenNode(node, path, pointerAt(path), undefined, newRowId).values;
    const fresh = new Map<string, string>();
    const freshId = (id: string) => {
      let out = fresh.get(id);
      if (out === undefined) {
        out = newRowId();
        fresh.set(id, out);
      }
      return out;
    };
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(root)) {
      const from = pathOfName(name);
      if (!isWithin(from, mapped)) continue;
      const rest = from.slice(mapped.length).replace(ROW, (_, id: string) => `/~r${freshId(id)}`);
      out[fieldName(path + rest)] =
        from.endsWith('/~rows') && Array.isArray(value) ? value.map((id: string) => freshId(id)) : value;
    }
    return out;
  }

  return { fieldValue, rowCountOf, branchOf, valuesWithin };
}
