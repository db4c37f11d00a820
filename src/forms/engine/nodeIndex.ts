/**
 * Every model node by its storage template, branch nodes included (the model's byPointer keeps one
 * node per pointer, but two branches of a choice may put different nodes at the same pointer; the
 * form needs both to render, reset and compare with defaults). Built once per model. No React.
 */
import {
  type FieldModel,
  type ListNode,
  type ModelNode,
  type PointerTemplate,
  rootValueNode,
} from '../../schemas/index';

export interface NodeIndex {
  /** The node at a template (first branch wins on a clash; an open tuple's group, not its rest). */
  readonly byTemplate: ReadonlyMap<PointerTemplate, ModelNode>;
  /** Templates of list nodes (an open tuple's rest rows included: they sit at the tuple's template). */
  readonly lists: ReadonlySet<PointerTemplate>;
  /** The list node at each template in `lists` (an open tuple's `rest` at the tuple's template). */
  readonly listAt: ReadonlyMap<PointerTemplate, ListNode>;
}

const cache = new WeakMap<FieldModel, NodeIndex>();

/** The node index of `model`, built on first use. O(nodes) once, then O(1). */
export function nodeIndex(model: FieldModel): NodeIndex {
  const cached = cache.get(model);
  if (cached) return cached;
  const byTemplate = new Map<PointerTemplate, ModelNode>();
  const lists = new Set<PointerTemplate>();
  const listAt = new Map<PointerTemplate, ListNode>();
  const visit = (node: ModelNode) => {
    if (!byTemplate.has(node.pointer)) byTemplate.set(node.pointer, node);
    if (node.type === 'group') {
      node.children.forEach(visit);
      if (node.rest) visit(node.rest);
    } else if (node.type === 'list') {
      lists.add(node.pointer);
      if (!listAt.has(node.pointer)) listAt.set(node.pointer, node);
      visit(node.item);
    } else if (node.type === 'choice') {
      for (const branch of node.branches) branch.node.children.forEach(visit);
    }
  };
  visit(rootValueNode(model)); // a wrapped root's one node is stored at "" itself
  const index = { byTemplate, lists, listAt };
  cache.set(model, index);
  return index;
}
