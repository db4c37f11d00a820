/**
 * Keys of a request that the form has no field for: a misspelt key ("Qmx"), or one from an older
 * schema. JSON Schema lets them through unless `additionalProperties` is false, but the backend then
 * reads the default instead, so the form's import and `formulary validate` name them. Walks the
 * value along the model (choices by selectBranch); never into a field's own value. Pure, no DOM.
 */
import type { ModelNode, Pointer } from '../FieldModel';
import { isPlainObject } from '../jsonEquals';
import { branchValueNode } from '../model/rootValueNode';
import { selectBranch } from '../model/selectBranch';
import { escapePointerSegment } from '../pointer';

/** A key in a request that the schema has no place for, and its value. */
export interface UnknownKey {
  readonly pointer: Pointer;
  readonly value: unknown;
}

/**
 * The unknown keys in `value`, the value of `node` at `pointer`, in document order. O(size of value).
 * Example: with fields /Qmin and /Qmax, unknownKeysIn(model.root, {Qmin: 0, Qmx: 1}) gives
 * [{pointer: "/Qmx", value: 1}].
 */
export function unknownKeysIn(node: ModelNode, value: unknown, pointer: Pointer = ''): UnknownKey[] {
  const out: UnknownKey[] = [];
  const walk = (at: ModelNode, v: unknown, p: Pointer): void => {
    if (at.type === 'list') {
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(at.item, v[i], `${p}/${i}`);
      return;
    }
    if (at.type === 'choice') {
      const branch = at.branches.find((b) => b.id === selectBranch(at, v));
      if (branch) walk(branchValueNode(branch), v, p);
      return;
    }
    // A fixed-position list: its positions, then its rest rows. One that allows nothing past its
    // positions (additionalItems/items: false): an item past them has no place in the form, so it is
    // named, never dropped silently.
    if (at.type === 'group' && at.tuple && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const child = at.children[i] ?? at.rest?.item;
        if (child) walk(child, v[i], `${p}/${i}`);
        else out.push({ pointer: `${p}/${i}`, value: v[i] });
      }
      return;
    }
    if (at.type !== 'group' || !isPlainObject(v)) return;
    const children = new Map(at.children.map((c) => [c.key, c]));
    for (const key of Object.keys(v)) {
      const child = children.get(key);
      const childPointer = `${p}/${escapePointerSegment(key)}`;
      if (child) walk(child, v[key], childPointer);
      else out.push({ pointer: childPointer, value: v[key] });
    }
  };
  walk(node, value, pointer);
  return out;
}
