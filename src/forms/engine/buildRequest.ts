/**
 * Builds the nested JSON request from the flat stored values: the selected branch of each choice,
 * the rows of each list in their order, and only the fields whose conditions show them (hidden fields
 * keep their values in the form but are left out of the request). Text that did not convert is
 * reported as a problem at its pointer. O(fields + rows). No React.
 */
import {
  branchValueNode,
  type Condition,
  escapePointerSegment,
  type FieldModel,
  type GroupNode,
  isValueBranch,
  type JsonValue,
  type ListNode,
  type ModelNode,
  type Pointer,
  type PointerTemplate,
  rootValueNode,
  setAt,
  setOwn,
} from '../../schemas/index';
import { branchName, fieldName, resolveTemplate, rowPath, rowsName, type StoragePath } from './storagePath';
import { isUnparsed } from './UnparsedText';
import { valueMismatch } from './valueMismatch';

/** A field whose text is not a value yet. */
export interface InputProblem {
  readonly pointer: Pointer;
  readonly path: StoragePath;
  readonly message: string;
}

export interface BuiltRequest {
  /**
   * The request: an object for the usual object root. A schema whose root is a list, a text or a
   * number gives that value itself (rootValueNode; undefined only while a root field is empty).
   */
  readonly request: JsonValue | undefined;
  readonly problems: InputProblem[];
  /** With BuildOptions.trackShown: the storage path of every field the request's shape shows. */
  readonly shown?: ReadonlySet<StoragePath>;
}

/** Reads one stored value by name (storagePath's fieldName). */
export type ReadValue = (name: string) => unknown;

/**
 * Decides a condition on sparse values: an object holding only the values the condition reads, at
 * their pointers with every list row at index 0 (`indexes` are then all zeros).
 */
export type ConditionTest = (
  model: FieldModel,
  condition: Condition,
  values: unknown,
  indexes: readonly number[],
) => boolean;

/** The sparse values a condition reads, for the rows being rendered. O(reads x depth). */
export function conditionValues(
  condition: Condition,
  rows: ReadonlyMap<PointerTemplate, string>,
  read: ReadValue,
): { values: Record<string, unknown>; indexes: number[] } {
  const values: Record<string, unknown> = {};
  for (const template of condition.reads) {
    let value: unknown;
    try {
      value = read(fieldName(resolveTemplate(template, rows)));
    } catch {
      continue; // a read in rows not bound here: treated as absent
    }
    if (value === undefined || isUnparsed(value)) continue;
    setAt(values, template.replace(/\/\*(?=\/|$)/g, '/0'), value);
  }
  const stars = condition.scope.split('/').filter((s) => s === '*').length;
  return { values, indexes: new Array<number>(stars).fill(0) };
}

/** Whether `node` is shown given its conditions, evaluated at the current rows. O(conditions * reads). */
export function isShown(
  model: FieldModel,
  node: ModelNode,
  rows: ReadonlyMap<PointerTemplate, string>,
  read: ReadValue,
  test: ConditionTest,
): boolean {
  for (const id of node.conditionIds) {
    const condition = conditionById(model, id);
    if (!condition) continue;
    const inTrue = condition.whenTrue.includes(node.pointer);
    const inFalse = condition.whenFalse.includes(node.pointer);
    if (!inTrue && !inFalse) continue;
    const { values, indexes } = conditionValues(condition, rows, read);
    const holds = test(model, condition, values, indexes);
    if ((inTrue && !holds) || (inFalse && holds)) return false;
  }
  return true;
}

const conditionIndex = new WeakMap<FieldModel, Map<string, Condition>>();

/** The condition with this id, through a per-model index built once. O(1) after the first call. */
export function conditionById(model: FieldModel, id: string): Condition | undefined {
  let index = conditionIndex.get(model);
  if (!index) {
    index = new Map(model.conditions.map((c) => [c.id, c]));
    conditionIndex.set(model, index);
  }
  return index.get(id);
}

export interface BuildOptions {
  /**
   * Keep fields whose conditions hide them: the form's values as a draft saves them, so a reload
   * gives back what the user typed under a condition they switched off. Never the submitted request.
   */
  readonly keepHidden?: boolean;
  /** Also list the fields shown (selected branches, rows that exist, conditions that hold). */
  readonly trackShown?: boolean;
}

/** The nested request for the current values. */
export function buildRequest(
  model: FieldModel,
  read: ReadValue,
  test: ConditionTest,
  options: BuildOptions = {},
): BuiltRequest {
  const keepHidden = options.keepHidden === true;
  const shown = options.trackShown === true ? new Set<StoragePath>() : undefined;
  const problems: InputProblem[] = [];
  const rows = new Map<PointerTemplate, string>();
  const MISSING = Symbol('missing');

  function group(node: GroupNode, path: StoragePath, pointer: Pointer): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const child of node.children) {
      const hidden = child.conditionIds.length > 0 && !isShown(model, child, rows, read, test);
      if (hidden && !keepHidden) continue;
      const key = escapePointerSegment(child.key);
      const value = build(child, `${path}/${key}`, `${pointer}/${key}`);
      // setOwn: a key named "__proto__" is data (plain assignment would set the prototype and lose it).
      if (value !== MISSING) setOwn(out, child.key, value);
    }
    return out;
  }

  function build(node: ModelNode, path: StoragePath, pointer: Pointer): unknown {
    switch (node.type) {
      case 'field': {
        shown?.add(path);
        const value = read(fieldName(path));
        if (value === undefined) return MISSING;
        if (isUnparsed(value)) {
          problems.push({ pointer, path, message: value.message });
          return value.unparsedText;
        }
        // A value of the wrong type (an import's 42 in a text field, an overflowed 1e400 that JSON
        // would send as null) holds submit back with a message that says what was imported.
        const mismatch = valueMismatch(node, value);
        if (mismatch) problems.push({ pointer, path, message: mismatch.message });
        return value;
      }
      case 'group': {
        if (!node.tuple) return group(node, path, pointer);
        // A fixed-position list: its positions in order, up to the last one given; then an open
        // tuple's rest rows, after every position (a position not given is null: no holes, no shift).
        const byKey = group(node, path, pointer);
        const out = node.children.map((child) =>
          Object.hasOwn(byKey, child.key) ? byKey[child.key] : MISSING,
        );
        const rest = node.rest ? (rowsOf(node.rest, path, pointer) as unknown[]) : [];
        if (rest.length === 0) while (out.length > 0 && out[out.length - 1] === MISSING) out.pop();
        if (out.length === 0 && rest.length === 0) return MISSING;
        return [...out.map((v) => (v === MISSING ? null : v)), ...rest];
      }
      case 'list':
        return rowsOf(node, path, pointer);
      case 'choice': {
        const id = read(branchName(path));
        const branch = node.branches.find((b) => b.id === id) ?? node.branches[0];
        if (!branch) return MISSING;
        // A value branch (a number beside an object, say): its one input is stored at the choice's path.
        if (isValueBranch(branch)) return build(branchValueNode(branch), path, pointer);
        const out = group(branch.node, path, pointer);
        if (node.discriminator !== undefined && branch.discriminatorValue !== undefined) {
          setOwn(out, node.discriminator, branch.discriminatorValue);
        }
        return out;
      }
    }
  }

  /** A list's rows in order (an open tuple's rest: numbered from its firstIndex); null when unset. */
  function rowsOf(node: ListNode, path: StoragePath, pointer: Pointer): unknown[] | null {
    const stored = read(rowsName(path));
    if (stored === null) return null; // an unset list (flattenValues: listStartsUnset)
    const ids = (stored as string[] | undefined) ?? [];
    const listTemplate = node.pointer;
    const first = node.firstIndex ?? 0;
    const out = ids.map((id, i) => {
      rows.set(listTemplate, id);
      return build(node.item, rowPath(path, id), `${pointer}/${first + i}`);
    });
    rows.delete(listTemplate);
    return out.map((v) => (v === MISSING ? null : v));
  }

  const root = rootValueNode(model);
  const built = root.type === 'group' && !root.tuple ? group(root, '', '') : build(root, '', '');
  // The stored values are JSON (flattenValues took them from JSON; widgets store JSON values).
  const request = (built === MISSING ? undefined : built) as JsonValue | undefined;
  return shown ? { request, problems, shown } : { request, problems };
}
