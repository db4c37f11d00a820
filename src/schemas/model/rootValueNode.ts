/**
 * A schema whose root is not an object (an array, a string, a choice) is modelled as a root group
 * holding one node at the same pointer "" (buildFieldModel's wrapRoot). That node *is* the request:
 * the form stores, shows and submits its value itself, never `{"": value}`.
 */
import type { FieldModel, GroupNode, ModelNode } from '../FieldModel';

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
