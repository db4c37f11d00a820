/**
 * What the search knows about each field: its words (label, key, units, enum labels apart from the
 * description's, for ranking), the section trail shown beside a result, and the choice branches to
 * select on the way to it. Built once per FieldModel from a walk of the model. No DOM, no framework.
 */
import type { FieldModel, FieldNode, ModelNode, PointerTemplate } from '../FieldModel';
import { words } from './tokenize';

/** A choice branch a field sits in: the form selects it before jumping to the field. */
export interface BranchStep {
  readonly choice: PointerTemplate;
  readonly branch: string;
}

/** One searchable field. */
export interface SearchEntry {
  readonly field: FieldNode;
  readonly pointer: PointerTemplate;
  /** Position in schema order (the index in FieldModel.fields order), used for ties. */
  readonly position: number;
  /** Labels of the groups, lists, choices and branches above it, outermost first. */
  readonly trail: readonly string[];
  /** Choice branches above it, outermost first. */
  readonly branches: readonly BranchStep[];
  /** Inside x-advanced (itself or an ancestor). */
  readonly advanced: boolean;
  /** Folded label words joined by one space: exact and prefix label matches compare against it. */
  readonly labelText: string;
  /** Folded key words joined without a space: key prefix matches compare against it. */
  readonly keyText: string;
  /** Distinct words of label, key (also whole), units and enum labels. */
  readonly nameWords: readonly string[];
  /** Distinct words of the description not already among nameWords. */
  readonly descriptionWords: readonly string[];
}

/** Entries for every field of `model`, in schema order. O(total text length). */
export function searchEntries(model: FieldModel): SearchEntry[] {
  const context = new Map<FieldNode, { trail: string[]; branches: BranchStep[]; advanced: boolean }>();
  const walk = (node: ModelNode, trail: string[], branches: BranchStep[], advanced: boolean): void => {
    const adv = advanced || node.advanced;
    switch (node.type) {
      case 'field':
        context.set(node, { trail, branches, advanced: adv });
        return;
      case 'group': {
        // The root and a list's row group add nothing a reader needs ("Scans > Scans").
        const silent = node.pointer === '' || node.label === '' || node.key === '*';
        const inner = silent || trail[trail.length - 1] === node.label ? trail : [...trail, node.label];
        for (const child of node.children) walk(child, inner, branches, adv);
        if (node.rest) walk(node.rest.item, [...inner], branches, adv);
        return;
      }
      case 'list':
        walk(node.item, [...trail, node.label], branches, adv);
        return;
      case 'choice':
        for (const b of node.branches) {
          const steps = [...branches, { choice: node.pointer, branch: b.id }];
          for (const child of b.node.children) walk(child, [...trail, node.label, b.label], steps, adv);
        }
        return;
    }
  };
  walk(model.root, [], [], false);
  const fields = [...model.fields].sort((a, b) => a.schemaIndex - b.schemaIndex);
  return fields.map((field, position) => {
    const where = context.get(field) ?? { trail: [], branches: [], advanced: field.advanced };
    return entryOf(field, position, where.trail, where.branches, where.advanced);
  });
}

/** One entry from a field and where it sits. O(its text). */
export function entryOf(
  field: FieldNode,
  position: number,
  trail: readonly string[],
  branches: readonly BranchStep[],
  advanced: boolean,
): SearchEntry {
  const labelWords = words(field.label);
  const keyWords = field.key === '*' ? [] : words(field.key);
  const names = new Set<string>([...labelWords, ...keyWords]);
  // The whole key and label as one word too: "logq" finds LogQBinsPerDecade.
  if (keyWords.length > 1) names.add(keyWords.join(''));
  if (labelWords.length > 1) names.add(labelWords.join(''));
  if (field.units) for (const w of words(field.units)) names.add(w);
  for (const label of field.enumLabels ?? []) for (const w of words(label)) names.add(w);
  const description = new Set<string>();
  if (field.description) for (const w of words(field.description)) if (!names.has(w)) description.add(w);
  return {
    field,
    pointer: field.pointer,
    position,
    trail,
    branches,
    advanced,
    labelText: labelWords.join(' '),
    keyText: keyWords.join(''),
    nameWords: [...names],
    descriptionWords: [...description],
  };
}
