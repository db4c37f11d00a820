/**
 * Every model node by its storage template, branch nodes included (the model's byPointer keeps one
 * node per pointer, but two branches of a choice may put different nodes at the same pointer; the
 * form needs both to render, reset and compare with defaults). Built once per model. No React.
 */
import { type FieldModel, type ModelNode, type PointerTemplate, rootValueNode } from '../../schemas/index';

export interface NodeIndex {
  /** The node at a template (first branch wins on a clash). */
  readonly byTemplate: ReadonlyMap<PointerTemplate, ModelNode>;
  /** Templates of list nodes. */
  readonly lists: ReadonlySet<PointerTemplate>;
}

const cache = new WeakMap<FieldModel, NodeIndex>();

/** The node index of `model`, built on first use. O(nodes) once, then O(1). */
export function nodeIndex(model: FieldModel): NodeIndex {
  const cached = cache.get(model);
  if (cached) return cached;
  const byTemplate = new Map<PointerTemplate, ModelNode>();
  const lists = new Set<PointerTemplate>();
  const visit = (node: ModelNode) => {
    if (!byTemplate.has(node.pointer)) byTemplate.set(node.pointer, node);
    if (node.type === 'group') node.children.forEach(visit);
    else if (node.type === 'list') {
      lists.add(node.pointer);
      visit(node.item);
    } else if (node.type === 'choice') {
      for (const branch of node.branches) branch.node.children.forEach(visit);
    }
  };
  visit(rootValueNode(model)); // a wrapped root's one node is stored at "" itself
  const index = { byTemplate, lists };
  cache.set(model, index);
  return index;
}
