/**
 * A schema whose root is not an object (an array, a string, a choice) is modelled as a root group
 * holding one node at the same pointer "" (buildFieldModel's wrapRoot). That node *is* the request:
 * the form stores, shows and submits its value itself, never `{"": value}`.
 */
import type { ChoiceBranch, FieldModel, GroupNode, ModelNode } from '../FieldModel';

/** True for the group buildFieldModel wraps around a root that is not an object. */
export function isRootWrapper(node: ModelNode): node is GroupNode {
  return (
    node.type === 'group' &&
    node.pointer === '' &&
    node.schemaIndex === -1 &&
    node.children.length === 1 &&
    node.children[0]!.pointer === ''
  );
}

/** The node whose value is the whole request: the wrapped root's one node, else the root group. O(1). */
export function rootValueNode(model: FieldModel): ModelNode {
  return isRootWrapper(model.root) ? model.root.children[0]! : model.root;
}

/**
 * The node holding a choice branch's value: the branch's group for an object branch; for a branch that
 * is a plain value (a number, a text, a list: oneOf/anyOf of an object and a value) the one node the
 * group wraps at the choice's own pointer. Walkers go through this, never `branch.node.children`. O(1).
 */
export function branchValueNode(branch: ChoiceBranch): ModelNode {
  return isValueBranch(branch) ? branch.node.children[0]! : branch.node;
}

/** True for a branch whose value is not an object (its group wraps one node at the same pointer). O(1). */
export function isValueBranch(branch: ChoiceBranch): boolean {
  const { node } = branch;
  return node.children.length === 1 && node.children[0]!.pointer === node.pointer;
}
