/**
 * Fits a draft's values to a (newer) FieldModel: values whose fields still exist are kept, every other
 * value is returned in `notApplied` with its pointer and a reason. Nothing is dropped silently: what
 * this function does not keep, it reports. Pure and framework-free (Node tests and the CLI can use it).
 */
import {
  branchValueNode,
  childPointer,
  type FieldModel,
  type FieldNode,
  type GroupNode,
  isPlainObject,
  isValueBranch,
  type JsonValue,
  jsonEquals,
  type ModelNode,
  rootValueNode,
  selectBranch,
  translate,
} from '../../schemas/index';

/** A draft value the current schema could not take, kept until the user dismisses it. */
export interface NotAppliedValue {
  /** Where the value was in the draft (an instance pointer, with row indexes). */
  readonly pointer: string;
  readonly value: unknown;
  /** Why it was not applied, in words a scientist reads: "field no longer exists". */
  readonly reason: string;
  /** The reason's catalogue key (draft.migrate.*), absent in drafts stored before it existed. */
  readonly reasonKey?: string;
  /** The schema version the draft was saved under. */
  readonly fromSchemaVersion: number;
}

export interface MigratedValues {
  /** An object for an object root; a list, text or number root's value as it was (undefined: empty). */
  readonly values: JsonValue | undefined;
  readonly notApplied: NotAppliedValue[];
}

/**
 * Walks the draft values beside the model tree. O(number of values in the draft).
 * Example: {a: 1, gone: 2} against a model with only /a gives values {a: 1} and notApplied
 * [{pointer: "/gone", value: 2, reason: "field no longer exists", reasonKey: "draft.migrate.gone"}].
 */
export function migrateDraftValues(
  values: unknown,
  model: FieldModel,
  fromSchemaVersion: number,
): MigratedValues {
  const notApplied: NotAppliedValue[] = [];
  // `key` is a catalogue key (draft.migrate.*): the draft bar words it in its language; reason is English.
  const report = (pointer: string, value: unknown, key: string) =>
    notApplied.push({ pointer, value, reason: translate('en', key), reasonKey: key, fromSchemaVersion });
  const root = rootValueNode(model);
  // A schema whose root is a list or a text: the draft is that value, kept as it is (the form's
  // import then says what does not fit).
  if (root.type === 'field' || root.type === 'list' || (root.type === 'group' && root.tuple))
    return { values, notApplied } as MigratedValues;
  if (!isPlainObject(values)) {
    report('', values, 'draft.migrate.notObject');
    return { values: {}, notApplied };
  }
  const kept = fitObject(model.root, values, '', model, report);
  return { values: kept as JsonValue, notApplied };
}

type Report = (pointer: string, value: unknown, reason: string) => void;

/** The child node for `key` under a group or a choice (any branch), else by template pointer. */
function childNode(node: ModelNode, key: string, model: FieldModel): ModelNode | undefined {
  if (node.type === 'group') {
    const found = node.children.find((child) => child.key === key);
    if (found) return found;
  } else if (node.type === 'choice') {
    for (const branch of node.branches) {
      if (isValueBranch(branch)) continue;
      const found = branch.node.children.find((child) => child.key === key);
      if (found) return found;
    }
  }
  return model.byPointer.get(childPointer(node.pointer, key));
}

function fitObject(
  node: ModelNode,
  value: Record<string, unknown>,
  pointer: string,
  model: FieldModel,
  report: Report,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const here = childPointer(pointer, key);
    // The discriminator of a choice ("kind") may not be modelled as a field of its own.
    if (node.type === 'choice' && key === node.discriminator) {
      Object.defineProperty(kept, key, {
        value: child,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      continue;
    }
    const target = childNode(node, key, model);
    if (!target) {
      report(here, child, 'draft.migrate.gone');
      continue;
    }
    const fitted = fitValue(target, child, here, model, report);
    // defineProperty: a key named "__proto__" stays a plain own property, never a prototype.
    if (fitted !== skip) {
      Object.defineProperty(kept, key, {
        value: fitted,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return kept;
}

const skip = Symbol('skip');

function fitValue(
  node: ModelNode,
  value: unknown,
  pointer: string,
  model: FieldModel,
  report: Report,
): unknown {
  if (value === null || value === undefined) return value;
  switch (node.type) {
    case 'field': {
      const problem = fieldProblem(node, value);
      if (problem) {
        report(pointer, value, problem);
        return skip;
      }
      return value;
    }
    case 'choice':
      // A choice with a value branch (oneOf of an object and a number) takes that value as it is.
      if (!isPlainObject(value)) {
        const branch = node.branches.find((b) => b.id === selectBranch(node, value));
        if (branch && isValueBranch(branch))
          return fitValue(branchValueNode(branch), value, pointer, model, report);
        report(pointer, value, 'draft.migrate.nowGroup');
        return skip;
      }
      return fitObject(node, value, pointer, model, report);
    case 'group':
      if (node.tuple && Array.isArray(value)) return fitTuple(node, value, pointer, model, report);
      if (!isPlainObject(value)) {
        report(pointer, value, 'draft.migrate.nowGroup');
        return skip;
      }
      return fitObject(node, value, pointer, model, report);
    case 'list': {
      if (!Array.isArray(value)) {
        report(pointer, value, 'draft.migrate.nowList');
        return skip;
      }
      if (node.item.type === 'field') return value;
      const item = node.item;
      return value.map((row, index) => {
        const rowPointer = childPointer(pointer, index);
        if (!isPlainObject(row)) {
          report(rowPointer, row, 'draft.migrate.rowsGroups');
          return {};
        }
        return fitObject(item, row, rowPointer, model, report);
      });
    }
  }
}

/**
 * A fixed-position list: each position by its node, then an open tuple's rest items by the rest
 * schema. An item that no longer fits is reported and kept as null, so no later item changes place;
 * items past a tuple that now allows none are reported and left off (they are last: nothing moves).
 */
function fitTuple(
  node: GroupNode,
  value: readonly unknown[],
  pointer: string,
  model: FieldModel,
  report: Report,
): unknown[] {
  const out: unknown[] = [];
  value.forEach((item, index) => {
    const here = childPointer(pointer, index);
    const target = node.children[index] ?? node.rest?.item;
    if (!target) {
      report(here, item, 'draft.migrate.noRest');
      return;
    }
    const fitted = fitValue(target, item, here, model, report);
    out.push(fitted === skip ? null : fitted);
  });
  return out;
}

/** Why a saved value no longer fits its field (a draft.migrate.* key), or undefined when it does. */
function fieldProblem(node: FieldNode, value: unknown): string | undefined {
  if (node.enum && !node.enum.some((allowed) => jsonEquals(allowed, value))) {
    return 'draft.migrate.notChoice';
  }
  const numeric = typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');
  switch (node.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'draft.migrate.nowBoolean';
    case 'number':
    case 'integer':
      // Text is fine where the field coerces it ("0.1"); the validator judges its content.
      return numeric ? undefined : 'draft.migrate.nowNumber';
    case 'string':
    case 'path':
    case 'dateTime':
      return typeof value === 'string' ? undefined : 'draft.migrate.nowText';
    default:
      return undefined;
  }
}
