/**
 * Lookup tables derived once per FieldModel (cached in a WeakMap): fields by pointer template, rules by
 * id and by the pointers they read, which conditions show or hide which node, and instance pointer ->
 * template. They keep validateField O(rules of that field), never O(form).
 */
import type {
  Condition,
  FieldModel,
  FieldNode,
  ModelNode,
  Pointer,
  PointerTemplate,
  Rule,
} from '../FieldModel';
import { escapePointerSegment, parsePointer } from '../pointer';

export interface Visibility {
  readonly condition: Condition;
  /** The side of the condition that shows the node. */
  readonly when: boolean;
}

export interface ModelIndex {
  readonly fieldsAt: ReadonlyMap<PointerTemplate, readonly FieldNode[]>;
  readonly rulesById: ReadonlyMap<string, Rule>;
  /** Conditions that decide a node directly (its ancestors' conditions are checked on the ancestors). */
  readonly visibility: ReadonlyMap<PointerTemplate, readonly Visibility[]>;
  /** Every node under a choice, by the choice branch it belongs to. */
  readonly branchOf: ReadonlyMap<ModelNode, { readonly choice: PointerTemplate; readonly branch: string }>;
}

const cache = new WeakMap<FieldModel, ModelIndex>();

/** The index of a model, built on first use. O(nodes + rules + conditions). */
export function modelIndex(model: FieldModel): ModelIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const fieldsAt = new Map<PointerTemplate, FieldNode[]>();
  for (const field of model.fields) {
    const list = fieldsAt.get(field.pointer);
    if (list) list.push(field);
    else fieldsAt.set(field.pointer, [field]);
  }
  const rulesById = new Map(model.rules.map((r) => [r.id, r]));
  const visibility = new Map<PointerTemplate, Visibility[]>();
  for (const condition of model.conditions) {
    for (const [list, when] of [
      [condition.whenTrue, true],
      [condition.whenFalse, false],
    ] as const) {
      for (const pointer of list) {
        const entries = visibility.get(pointer) ?? [];
        entries.push({ condition, when });
        visibility.set(pointer, entries);
      }
    }
  }
  const branchOf = new Map<ModelNode, { choice: PointerTemplate; branch: string }>();
  const walk = (node: ModelNode, owner?: { choice: PointerTemplate; branch: string }): void => {
    if (owner) branchOf.set(node, owner);
    if (node.type === 'group') {
      for (const child of node.children) walk(child, owner);
      if (node.rest) walk(node.rest.item, owner);
    } else if (node.type === 'list') walk(node.item, owner);
    else if (node.type === 'choice') {
      for (const branch of node.branches) walk(branch.node, { choice: node.pointer, branch: branch.id });
    }
  };
  walk(model.root);
  const index: ModelIndex = { fieldsAt, rulesById, visibility, branchOf };
  cache.set(model, index);
  return index;
}

const templates = new WeakMap<FieldModel, Map<Pointer, PointerTemplate>>();

/**
 * The template of an instance pointer: row indexes of lists become "*" ("/scans/2/run" ->
 * "/scans/*\/run"), and so do an open tuple's indexes past its positions ("/pos/3" -> "/pos/*"). Segments below a leaf field (a list-valued field's items) are kept as they are.
 * O(depth) the first time, then a map lookup (validateField calls it on every keystroke).
 */
export function templateOf(model: FieldModel, pointer: Pointer): PointerTemplate {
  if (pointer === '') return '';
  let known = templates.get(model);
  if (!known) {
    known = new Map();
    templates.set(model, known);
  }
  const hit = known.get(pointer);
  if (hit !== undefined) return hit;
  const template = computeTemplate(model, pointer);
  if (known.size > 50_000) known.clear(); // bounded: rows come and go
  known.set(pointer, template);
  return template;
}

function computeTemplate(model: FieldModel, pointer: Pointer): PointerTemplate {
  let template = '';
  for (const key of parsePointer(pointer)) {
    const node = model.byPointer.get(template);
    // A list's row, or an open tuple's item past its positions (a row of its rest).
    const row =
      /^\d+$/.test(key) &&
      (node?.type === 'list' ||
        (node?.type === 'group' && node.rest !== undefined && Number(key) >= node.children.length));
    template += row ? '/*' : `/${escapePointerSegment(key)}`;
  }
  return template;
}

/** The deepest node at or above a template (an error inside a number list belongs to the list field). */
export function nearestNode(model: FieldModel, template: PointerTemplate): ModelNode | undefined {
  let t = template;
  for (;;) {
    const node = model.byPointer.get(t);
    if (node) return node;
    if (t === '') return undefined;
    t = t.slice(0, t.lastIndexOf('/'));
  }
}
