/**
 * The portal's mirror of the staff-only rule: for someone who is not staff of the instrument (nor an
 * admin), every field marked `"x-access": "staff"` is shown read-only with a note saying why. The
 * server decides regardless (a changed value is refused with 403); this only spares a scientist a
 * refusal. The model is frozen, so the marked fields are copied and every structure holding one
 * (the tree, `fields`, `byPointer`) is copied around them; everything else is shared.
 */
import type { FieldModel, FieldNode } from '../../schemas/index';

export const staffNote = (instrument: string) =>
  `Only ${instrument} staff may change this field; it keeps its default for you.`;

const isStaffOnly = (value: unknown): value is FieldNode =>
  typeof value === 'object' &&
  value !== null &&
  (value as FieldNode).type === 'field' &&
  (value as FieldNode).hints?.['x-access'] === 'staff';

export function staffAccessModel(model: FieldModel, instrument: string, isStaff: boolean): FieldModel {
  if (isStaff || !model.fields.some(isStaffOnly)) return model;
  const copies = new Map<unknown, unknown>();
  const rewrite = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (copies.has(value)) return copies.get(value);
    let result: unknown = value;
    if (isStaffOnly(value)) {
      const note = staffNote(instrument);
      result = {
        ...value,
        readOnly: true,
        description: value.description ? `${value.description} ${note}` : note,
      };
    } else if (Array.isArray(value)) {
      const items = value.map(rewrite);
      result = items.some((item, i) => item !== value[i]) ? items : value;
    } else if (value instanceof Map) {
      const entries = [...value].map(([k, v]) => [k, rewrite(v)] as const);
      result = entries.some(([k, v]) => v !== value.get(k)) ? new Map(entries) : value;
    } else {
      const source = value as Record<string, unknown>;
      const entries = Object.entries(source).map(([k, v]) => [k, k === 'schema' ? v : rewrite(v)] as const);
      result = entries.some(([k, v]) => v !== source[k]) ? Object.fromEntries(entries) : value;
    }
    copies.set(value, result);
    return result;
  };
  return rewrite(model) as FieldModel;
}
