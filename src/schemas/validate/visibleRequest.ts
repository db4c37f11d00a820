/**
 * The request the form submits: the form values without the nodes an unmet condition hides (the form
 * keeps their values, so toggling back restores them, but they are not sent). Returns a copy; never
 * mutates the values. Keys the model does not know are kept (the validator reports them if the schema
 * forbids them).
 */
import type { FieldModel, ModelNode } from '../FieldModel';
import { branchValueNode } from '../model/rootValueNode';
import { selectBranch } from '../model/selectBranch';
import { evaluateCondition } from './evaluateCondition';
import { modelIndex } from './modelIndex';

/** A JSON copy that keeps "__proto__" and friends as own keys. O(size). */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: cloneJson((value as Record<string, unknown>)[key]),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return out as T;
}

/** Removes hidden nodes from `values` (a copy). O(size of values + conditions evaluated). */
export function visibleRequest<T>(model: FieldModel, values: T): T {
  const copy = cloneJson(values);
  if (model.conditions.length === 0) return copy;
  const { visibility } = modelIndex(model);
  const prune = (node: ModelNode, value: unknown, indexes: number[]): void => {
    if (value === null || typeof value !== 'object') return;
    if (node.type === 'list') {
      if (Array.isArray(value))
        for (let i = 0; i < value.length; i++) prune(node.item, value[i], [...indexes, i]);
      return;
    }
    if (node.type === 'choice') {
      const branch = node.branches.find((b) => b.id === selectBranch(node, value)) ?? node.branches[0];
      if (branch) prune(branchValueNode(branch), value, indexes);
      return;
    }
    if (node.type !== 'group' || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    for (const child of node.children) {
      if (!Object.hasOwn(record, child.key)) continue;
      const shown = (visibility.get(child.pointer) ?? []).every(
        ({ condition, when }) => evaluateCondition(model, condition, values, indexes) === when,
      );
      if (!shown) delete record[child.key];
      else prune(child, record[child.key], indexes);
    }
  };
  prune(model.root, copy, []);
  return copy;
}
