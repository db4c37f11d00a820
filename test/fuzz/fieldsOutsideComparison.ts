/**
 * Which fields a fuzz property leaves at their defaults: a choice's discriminator (the form always holds
 * a valid one: picking a branch sets it and fills that branch's defaults), the fields of branches other
 * than the one the defaults select (the request sends only the selected branch), and the fields of a
 * union without a discriminator (another branch may accept a value this field refuses, so the whole
 * request is valid while the field, in the branch the form shows, is not: the form is rightly stricter).
 */
import { childPointer, type FieldModel, type FieldNode, type ModelNode } from '../../src/schemas/index';

function fieldsUnder(node: ModelNode, into: Set<FieldNode>): void {
  if (node.type === 'field') into.add(node);
  else if (node.type === 'group') for (const child of node.children) fieldsUnder(child, into);
  else if (node.type === 'list') fieldsUnder(node.item, into);
  else for (const branch of node.branches) fieldsUnder(branch.node, into);
}

export function fieldsOutsideComparison(model: FieldModel): (field: FieldNode) => boolean {
  const left = new Set<FieldNode>();
  const discriminators = new Set<string>();
  const walk = (node: ModelNode): void => {
    if (node.type === 'group') for (const child of node.children) walk(child);
    else if (node.type === 'list') walk(node.item);
    else if (node.type === 'choice') {
      if (node.discriminator === undefined) fieldsUnder(node, left);
      else discriminators.add(childPointer(node.pointer, node.discriminator));
      for (const branch of node.branches) {
        if (branch.id !== node.defaultBranch) fieldsUnder(branch.node, left);
        else walk(branch.node);
      }
    }
  };
  walk(model.root);
  return (field) => left.has(field) || discriminators.has(field.pointer);
}
