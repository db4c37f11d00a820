/**
 * The summary `formulary inspect` prints: how many fields, groups, lists and choices a schema makes,
 * how many are advanced or nullable, its rules and conditions, and every node's label by pointer.
 * Read from the FieldModel only, so it shows what the form will show.
 */
import type { FieldModel, ModelNode } from '../schemas/index';

export interface ModelSummary {
  readonly fields: number;
  readonly groups: number;
  readonly lists: number;
  readonly choices: number;
  /** Fields that are advanced (x-advanced, or inside an advanced group). */
  readonly advanced: number;
  /** Fields that accept null (an "unset" state). */
  readonly nullable: number;
  readonly rules: number;
  readonly conditions: number;
  /** Pointer (template) -> label, for every node but the root, in schema order. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Summarises a model. O(nodes). */
export function summarizeModel(model: FieldModel): ModelSummary {
  const count = { field: 0, group: 0, list: 0, choice: 0 };
  const nodes: ModelNode[] = [...model.byPointer.values()];
  const seen = new Set<ModelNode>();
  const labels: Record<string, string> = {};
  for (const node of nodes.sort((a, b) => a.schemaIndex - b.schemaIndex)) {
    if (seen.has(node) || node === model.root) continue;
    seen.add(node);
    count[node.type]++;
    if (!Object.hasOwn(labels, node.pointer)) labels[node.pointer] = node.label;
  }
  return {
    fields: model.fields.length,
    groups: count.group,
    lists: count.list,
    choices: count.choice,
    advanced: model.fields.filter((f) => f.advanced).length,
    nullable: model.fields.filter((f) => f.nullable).length,
    rules: model.rules.length,
    conditions: model.conditions.length,
    labels,
  };
}
