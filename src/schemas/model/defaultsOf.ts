/**
 * The default request of a model: what a scientist submits without touching anything. Plain data out,
 * never the model's frozen defaults themselves (each call returns fresh copies the form may mutate).
 */
import type { FieldModel, GroupNode, ModelNode } from '../FieldModel';
import type { JsonValue } from '../JsonValue';
import { setOwn } from '../pointer';
import { cloneJson, visibleRequest } from '../validate/visibleRequest';
import { branchValueNode, rootValueNode } from './rootValueNode';
import { selectBranch } from './selectBranch';

const OMIT = Symbol('omit');

export interface DefaultsOptions {
  /**
   * Keep fields that the defaults' own conditions hide (the form's initial values want them: toggling a
   * condition on then shows their defaults). Default false: the request as submitted.
   */
  readonly includeHidden?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A row of a list's default with what it leaves out taken from the item's defaults, as the form fills
 * it: the row's own values win (they are data, unlike an ancestor object's default, which a child's
 * default overrides). Keys that are not properties are dropped, as for objects.
 */
function completeRow(node: ModelNode, given: unknown): unknown {
  if (node.type === 'group' && isRecord(given)) {
    const out: Record<string, unknown> = {};
    for (const child of [...node.children].sort((a, b) => a.schemaIndex - b.schemaIndex)) {
      const value = Object.hasOwn(given, child.key)
        ? completeRow(child, given[child.key])
        : defaultOf(child, undefined);
      if (value !== OMIT) setOwn(out, child.key, value);
    }
    return out;
  }
  if (node.type === 'list' && Array.isArray(given)) return given.map((row) => completeRow(node.item, row));
  if (node.type === 'choice') {
    const branch = node.branches.find((b) => b.id === selectBranch(node, given));
    return branch ? completeRow(branchValueNode(branch), given) : cloneJson(given);
  }
  return cloneJson(given);
}

/** A node's default; `inherited` is the value an ancestor's own `default` gives this node. */
function defaultOf(node: ModelNode, inherited: unknown): unknown {
  switch (node.type) {
    case 'field':
      if (node.hasDefault) return cloneJson(node.default);
      if (inherited !== undefined) return cloneJson(inherited);
      return node.nullable ? null : OMIT;
    case 'list': {
      const given = node.hasDefault ? node.default : inherited;
      if (Array.isArray(given)) return given.map((row) => completeRow(node.item, row));
      if (node.hasDefault) return cloneJson(node.default);
      if (node.nullable && !node.minItems) return null;
      const rows: unknown[] = [];
      for (let i = 0; i < (node.minItems ?? 0); i++) {
        const row = defaultOf(node.item, undefined);
        rows.push(row === OMIT ? null : row);
      }
      return rows;
    }
    case 'choice': {
      const branch = node.branches.find((b) => b.id === node.defaultBranch) ?? node.branches[0];
      if (!branch) return node.nullable ? null : OMIT;
      return defaultOf(branchValueNode(branch), inherited);
    }
    case 'group': {
      if (node.hasDefault && node.default === null) return null;
      if (node.tuple) return tupleDefault(node, inherited);
      // An ancestor's default for this object, overlaid by the object's own default (RJSF merges the same way).
      const given = isRecord(inherited)
        ? { ...inherited, ...(isRecord(node.default) ? node.default : {}) }
        : isRecord(node.default)
          ? node.default
          : undefined;
      const out: Record<string, unknown> = {};
      // Schema order, so the request reads like the schema (display order is the form's business).
      const children = [...node.children].sort((a, b) => a.schemaIndex - b.schemaIndex);
      for (const child of children) {
        const value = defaultOf(
          child,
          given && Object.hasOwn(given, child.key) ? given[child.key] : undefined,
        );
        if (value !== OMIT) setOwn(out, child.key, value);
      }
      return out;
    }
  }
}

/**
 * A fixed-position list's default: its own `default` (or an ancestor's), else each position's default
 * in order, up to the last position that has one (a position before it without one is null). An open
 * tuple whose minItems reaches past its positions adds that many rest items, each the rest schema's
 * default (null without one), as a list's minItems rows; the positions before them are all given.
 */
function tupleDefault(node: GroupNode, inherited: unknown): unknown {
  if (node.hasDefault && Array.isArray(node.default)) return cloneJson(node.default);
  if (Array.isArray(inherited)) return cloneJson(inherited);
  const values = node.children.map((child) => defaultOf(child, undefined));
  const restRows = node.rest?.minItems ?? 0;
  let end = values.length;
  if (restRows === 0) while (end > 0 && values[end - 1] === OMIT) end--;
  if (end === 0) return node.nullable ? null : OMIT;
  const out = values.slice(0, end).map((v) => (v === OMIT ? null : v));
  for (let i = 0; i < restRows; i++) {
    const row = defaultOf(node.rest!.item, undefined);
    out.push(row === OMIT ? null : row);
  }
  return out;
}

/**
 * The full nested default request. The rule, per node:
 * - a field with `default` (or `const`) gets it; a nullable field without one gets null (an explicit
 *   "unset", which is what `required` means in most facility schemas);
 * - a non-nullable field without a default is omitted: there is no valid value to invent, and leaving it
 *   out makes a `required` error visible instead of hiding it behind a made-up "" or 0 (RJSF omits it too);
 * - an object is always present (even when nullable), with its children's defaults; an object's own
 *   `default` fills the children that have none (a child's own `default` wins, and keys that are not
 *   properties are dropped, as in RJSF);
 * - a list gets its `default` (each row completed with the item's defaults for what it leaves out, as
 *   the form fills it), else `minItems` rows of its item's default (a row with no default is
 *   null), else [] (null when the list is nullable and has no minItems);
 * - a choice gets its default branch's defaults (the discriminator's const included);
 * - fields hidden by a condition evaluated on these defaults are left out unless includeHidden.
 * - a root that is not an object (a list, a text, a number, a fixed-position list) gives that value,
 *   or undefined when it has no default.
 * Example: defaultsOf(buildFieldModel({properties: {a: {type: ['number', 'null']}}})) -> {a: null}.
 * O(model size).
 */
export function defaultsOf(model: FieldModel, options: DefaultsOptions = {}): JsonValue | undefined {
  const root = rootValueNode(model);
  const value = defaultOf(root, undefined);
  // A root that is not an object gives its own value (undefined when it has none): the request is
  // that type (rootValueNode): a caller that knows its root is an object narrows with isPlainObject.
  const request = (
    root.type !== 'group' || root.tuple
      ? value === OMIT
        ? undefined
        : value
      : value === OMIT || value === null || typeof value !== 'object'
        ? {}
        : value
  ) as JsonValue | undefined;
  return options.includeHidden ? request : (visibleRequest(model, request) as JsonValue | undefined);
}
