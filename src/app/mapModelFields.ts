/**
 * Replaces some leaf fields of a frozen FieldModel and copies every structure that holds one (the
 * tree, `fields`, `byPointer`, branches), sharing everything else: the portal's views of a model
 * (staff-only fields read-only, defaults as staff set them) are built with it, never by mutating
 * the model the validator and drafts hold. O(model size) once per change of the view.
 */
import type { FieldModel, FieldNode } from '../schemas/index';

const isField = (value: unknown): value is FieldNode =>
  typeof value === 'object' && value !== null && (value as FieldNode).type === 'field';

/** `replace` answers a new node for a field, or undefined to keep it. */
export function mapModelFields(
  model: FieldModel,
  replace: (field: FieldNode) => FieldNode | undefined,
): FieldModel {
  const copies = new Map<unknown, unknown>();
  const rewrite = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (copies.has(value)) return copies.get(value);
    let result: unknown = value;
    if (isField(value)) {
      result = replace(value) ?? value;
    } else if (Array.isArray(value)) {
      const items = value.map(rewrite);
      result = items.some((item, i) => item !== value[i]) ? items : value;
    } else if (value instanceof Map) {
      const entries = [...value].map(([k, v]) => [k, rewrite(v)] as const);
      result = entries.some(([k, v]) => v !== value.get(k)) ? new Map(entries) : value;
    } else {
      const source = value as Record<string, unknown>;
      // `schema` is the bundled JSON Schema: plain data the validator compiles, never a node.
      const entries = Object.entries(source).map(([k, v]) => [k, k === 'schema' ? v : rewrite(v)] as const);
      result = entries.some(([k, v]) => v !== source[k]) ? Object.fromEntries(entries) : value;
    }
    copies.set(value, result);
    return result;
  };
  return rewrite(model) as FieldModel;
}
