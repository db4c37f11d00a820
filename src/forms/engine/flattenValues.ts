/**
 * Turns a nested request (or nothing: the schema's defaults) into the flat map of storage values that
 * the form's value map holds, one entry per field, list (its row ids) and choice (its branch). Keys the
 * schema does not know are returned (schemas' unknownKeysIn), never dropped silently. Walks the model
 * once: O(fields + rows).
 * No React.
 */
import {
  escapePointerSegment,
  type FieldModel,
  type GroupNode,
  type ModelNode,
  type Pointer,
  selectBranch,
  type UnknownKey,
  unknownKeysIn,
} from '../../schemas/index';
import { branchName, fieldName, rowPath, rowsName, type StoragePath } from './storagePath';

export type { UnknownKey };

export interface FlatValues {
  /** Stored name (fieldName) -> stored value. */
  readonly values: Record<string, unknown>;
  readonly unknownKeys: UnknownKey[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The value a field starts with when the request does not give one: its default, else what an
 * enclosing object's `default` gives it (`inherited`), else null when nullable (as defaultsOf).
 */
export function fieldStart(node: ModelNode, inherited?: unknown): unknown {
  if (node.type !== 'field') return undefined;
  if (node.hasDefault) return node.default;
  if (inherited !== undefined) return inherited;
  return node.nullable ? null : undefined;
}

/** An enclosing default overlaid by the group's own default (keys of the group's own win). */
function groupDefault(group: GroupNode, inherited: unknown): Record<string, unknown> | undefined {
  const own = group.hasDefault && isObject(group.default) ? group.default : undefined;
  if (isObject(inherited)) return { ...inherited, ...(own ?? {}) };
  return own;
}

/**
 * Flattens `request` (undefined: defaults only) for `model`. `newRowId` names each list row.
 * @example flattenValues(model, {a: 1}, id).values['v/a'] // 1
 */
export function flattenValues(model: FieldModel, request: unknown, newRowId: () => string): FlatValues {
  return flattenNode(model.root, '', '', request, newRowId);
}

/** Flattens the value of one node stored at `path` (a new list row, a reset section). O(its fields). */
export function flattenNode(
  start: ModelNode,
  startPath: StoragePath,
  startPointer: Pointer,
  startValue: unknown,
  newRowId: () => string,
): FlatValues {
  const values: Record<string, unknown> = {};

  function fillGroup(group: GroupNode, path: StoragePath, value: unknown, inherited: unknown) {
    // A fixed-position list (tuple) holds its positions in an array: "0", "1", ... index it the same way.
    const obj =
      isObject(value) || (group.tuple && Array.isArray(value))
        ? (value as Record<string, unknown>)
        : undefined;
    const given = groupDefault(group, inherited);
    for (const child of group.children) {
      fill(child, `${path}/${escapePointerSegment(child.key)}`, obj?.[child.key], given?.[child.key]);
    }
  }

  function fill(node: ModelNode, path: StoragePath, value: unknown, inherited: unknown) {
    switch (node.type) {
      case 'field':
        values[fieldName(path)] = value === undefined ? fieldStart(node, inherited) : value;
        return;
      case 'group':
        fillGroup(node, path, value, inherited);
        return;
      case 'list': {
        const rows: unknown[] = Array.isArray(value)
          ? value
          : node.hasDefault && Array.isArray(node.default)
            ? node.default
            : Array.isArray(inherited)
              ? inherited
              : Array.from({ length: node.minItems ?? 0 }, () => undefined);
        const ids = rows.map(() => newRowId());
        values[rowsName(path)] = ids;
        ids.forEach((id, i) => {
          fill(node.item, rowPath(path, id), rows[i], undefined);
        });
        return;
      }
      case 'choice': {
        const selected = value === undefined ? node.defaultBranch : selectBranch(node, value);
        values[branchName(path)] = selected;
        // Every branch gets its starting values, the selected one last so its data wins where
        // branches share a key: switching later shows defaults, not blanks.
        for (const branch of node.branches) {
          if (branch.id !== selected) fillGroup(branch.node, path, undefined, inherited);
        }
        const chosen = node.branches.find((b) => b.id === selected);
        if (chosen) fillGroup(chosen.node, path, value, inherited);
        if (chosen && node.discriminator !== undefined) {
          values[fieldName(`${path}/${escapePointerSegment(node.discriminator)}`)] =
            chosen.discriminatorValue;
        }
        return;
      }
    }
  }

  fill(start, startPath, startValue, undefined);
  return { values, unknownKeys: unknownKeysIn(start, startValue, startPointer) };
}
