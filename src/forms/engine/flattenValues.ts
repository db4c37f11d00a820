/**
 * Turns a nested request (or nothing: the schema's defaults) into the flat map of storage values that
 * the form's value map holds, one entry per field, list (its row ids) and choice (its branch). Keys the
 * schema does not know are returned (schemas' unknownKeysIn), never dropped silently. Walks the model
 * once: O(fields + rows).
 * No React.
 */
import {
  branchValueNode,
  escapePointerSegment,
  type FieldModel,
  type GroupNode,
  isRootWrapper,
  isValueBranch,
  jsonEquals,
  type ListNode,
  type ModelNode,
  type Pointer,
  say,
  selectBranch,
  type UnknownKey,
  unknownKeysIn,
} from '../../schemas/index';
import { branchName, fieldName, rowPath, rowsName, type StoragePath } from './storagePath';
import { showValue, typeInWords, valueMismatch } from './valueMismatch';

export type { UnknownKey };

/**
 * A value of the request the form did not take as it was: `replaced` (the schema's defaults stand in
 * its place: an object where a list belongs, a mode no branch has) or `kept` (stored as it is but of
 * the wrong type, shown with its message: see valueMismatch).
 */
export interface NotTaken {
  readonly pointer: Pointer;
  readonly value: unknown;
  readonly message: string;
  readonly how: 'replaced' | 'kept';
}

export interface FlatValues {
  /** Stored name (fieldName) -> stored value. */
  readonly values: Record<string, unknown>;
  readonly unknownKeys: UnknownKey[];
  /** What was not taken as it was, in schema order. */
  readonly notTaken: NotTaken[];
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

/**
 * Whether a list starts unset (its rows entry null, sent as null) when the request does not give it:
 * a nullable list whose default (own or inherited) is null, or that has neither a default nor
 * minItems; as defaultsOf.
 */
export function listStartsUnset(node: ListNode, inherited?: unknown): boolean {
  if (!node.nullable) return false;
  const given = node.hasDefault ? node.default : inherited;
  if (Array.isArray(given)) return false;
  return given === null || (!node.hasDefault && !node.minItems);
}

/**
 * The object's own value at `key`: a key named "__proto__" or "constructor" that the object lacks is
 * absent, not the prototype (found by the fuzzer: the form sent {"__proto__": {}} nobody typed).
 */
function ownValue(obj: Record<string, unknown> | undefined, key: string): unknown {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** An enclosing default overlaid by the group's own default (keys of the group's own win). */
function groupDefault(group: GroupNode, inherited: unknown): Record<string, unknown> | undefined {
  const own = group.hasDefault && isObject(group.default) ? group.default : undefined;
  if (isObject(inherited)) return { ...inherited, ...(own ?? {}) };
  return own;
}

/**
 * A tuple's array default, its own or an enclosing one's: what its positions and rest rows start
 * from when the request does not give them (as defaultsOf's tupleDefault). Indexed "0", "1", ...
 */
function tupleDefault(group: GroupNode, inherited: unknown): Record<string, unknown> | undefined {
  if (group.hasDefault && Array.isArray(group.default)) return group.default as never;
  return Array.isArray(inherited) ? (inherited as never) : undefined;
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
  startNode: ModelNode,
  startPath: StoragePath,
  startPointer: Pointer,
  startValue: unknown,
  newRowId: () => string,
): FlatValues {
  // A root that is not an object: its one node is the request itself, stored at path "".
  const start = isRootWrapper(startNode) ? startNode.children[0]! : startNode;
  const values: Record<string, unknown> = {};
  const notTaken: NotTaken[] = [];
  const replaced = (pointer: Pointer, value: unknown, message: string) =>
    notTaken.push({ pointer, value, message, how: 'replaced' });

  function fillGroup(
    group: GroupNode,
    path: StoragePath,
    pointer: Pointer,
    value: unknown,
    inherited: unknown,
  ) {
    // A fixed-position list (tuple) holds its positions in an array: "0", "1", ... index it the same way.
    const obj =
      isObject(value) || (group.tuple && Array.isArray(value))
        ? (value as Record<string, unknown>)
        : undefined;
    if (value !== undefined && value !== null && !obj)
      replaced(pointer, value, say('mismatch.notObject', { type: typeInWords(value) }));
    const given = group.tuple ? tupleDefault(group, inherited) : groupDefault(group, inherited);
    for (const child of group.children) {
      const key = escapePointerSegment(child.key);
      fill(
        child,
        `${path}/${key}`,
        `${pointer}/${key}`,
        ownValue(obj, child.key),
        ownValue(given, child.key),
      );
    }
    // An open tuple's items after its positions: the rows of its rest list, stored at the tuple's path.
    if (group.rest) {
      const n = group.children.length;
      const rest = (v: unknown) => (Array.isArray(v) ? v.slice(n) : undefined);
      fill(group.rest, path, pointer, rest(obj), rest(given));
    }
  }

  function fill(node: ModelNode, path: StoragePath, pointer: Pointer, value: unknown, inherited: unknown) {
    switch (node.type) {
      case 'field': {
        values[fieldName(path)] = value === undefined ? fieldStart(node, inherited) : value;
        const mismatch = value === undefined ? undefined : valueMismatch(node, value);
        if (mismatch) notTaken.push({ pointer, value, message: mismatch.message, how: 'kept' });
        return;
      }
      case 'group':
        fillGroup(node, path, pointer, value, inherited);
        return;
      case 'list': {
        if (value !== undefined && value !== null && !Array.isArray(value))
          replaced(pointer, value, say('mismatch.notList', { type: typeInWords(value) }));
        // A list that may be unset keeps null as null (its rows entry is null, not []): the fuzzer found
        // null coming back as [].
        if (node.nullable && (value === null || (value === undefined && listStartsUnset(node, inherited)))) {
          values[rowsName(path)] = null;
          return;
        }
        const rows: unknown[] = Array.isArray(value)
          ? value
          : node.hasDefault && Array.isArray(node.default)
            ? node.default
            : Array.isArray(inherited)
              ? inherited
              : Array.from({ length: node.minItems ?? 0 }, () => undefined);
        const ids = rows.map(() => newRowId());
        values[rowsName(path)] = ids;
        const first = node.firstIndex ?? 0;
        ids.forEach((id, i) => {
          fill(node.item, rowPath(path, id), `${pointer}/${first + i}`, rows[i], undefined);
        });
        return;
      }
      case 'choice': {
        const selected = value === undefined ? node.defaultBranch : selectBranch(node, value);
        values[branchName(path)] = selected;
        const chosen = node.branches.find((b) => b.id === selected);
        const given =
          isObject(value) && node.discriminator !== undefined ? value[node.discriminator] : undefined;
        if (
          given !== undefined &&
          chosen &&
          !node.branches.some((b) => jsonEquals(b.discriminatorValue, given))
        ) {
          const known = node.branches.map((b) => showValue(b.discriminatorValue)).join(', ');
          replaced(
            `${pointer}/${escapePointerSegment(node.discriminator!)}`,
            given,
            say('mismatch.noBranch', { known, label: chosen.label }),
          );
        }
        // Every branch gets its starting values, the selected one last so its data wins where
        // branches share a key: switching later shows defaults, not blanks.
        // A value branch's input lives at the choice's own path (branchValueNode).
        const fillBranch = (branch: (typeof node.branches)[number], given: unknown) => {
          if (isValueBranch(branch)) fill(branchValueNode(branch), path, pointer, given, undefined);
          else fillGroup(branch.node, path, pointer, given, inherited);
        };
        for (const branch of node.branches) {
          if (branch.id !== selected) fillBranch(branch, undefined);
        }
        if (chosen) fillBranch(chosen, value);
        if (chosen && node.discriminator !== undefined) {
          values[fieldName(`${path}/${escapePointerSegment(node.discriminator)}`)] =
            chosen.discriminatorValue;
        }
        return;
      }
    }
  }

  fill(start, startPath, startPointer, startValue, undefined);
  return { values, unknownKeys: unknownKeysIn(start, startValue, startPointer), notTaken };
}
