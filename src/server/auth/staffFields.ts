/**
 * Staff-only fields: a field marked `"x-access": "staff"` in an instrument's schema keeps its default
 * unless the instrument's staff (or an admin) change it. This finds, in a request, every such field
 * (list rows included) whose value is neither absent nor the field's effective default (what staff
 * saved over the schema's, else the schema's), so the route can refuse with a 403 naming them. Pure:
 * a model, the defaults overlay and a request in, pointers out.
 */
import { type FieldModel, getAt, jsonEquals } from '../../schemas/index';

export interface ChangedStaffField {
  /** The instance pointer (row indexes filled in). */
  readonly pointer: string;
  readonly label: string;
}

/** Instance pointers of `template` ("*" for list rows) that exist in `request`. */
function instances(request: unknown, template: string): string[] {
  const parts = template.split('/').slice(1);
  let found = [''];
  for (const part of parts) {
    if (part !== '*') {
      found = found.map((p) => `${p}/${part}`);
      continue;
    }
    const next: string[] = [];
    for (const p of found) {
      const list = getAt(request, p);
      if (Array.isArray(list)) for (let i = 0; i < list.length; i++) next.push(`${p}/${i}`);
    }
    found = next;
  }
  return found;
}

/**
 * The staff-only fields of a model, found once per (immutable) model: the submit route asks on every
 * request, and scanning EQSANS's fields each time cost about 40 µs of a submission's CPU (profiled
 * under `npm run bench:server`).
 */
const staffFieldsOf = (() => {
  const known = new WeakMap<FieldModel, FieldModel['fields']>();
  return (model: FieldModel): FieldModel['fields'] => {
    let fields = known.get(model);
    if (fields === undefined) {
      fields = model.fields.filter((field) => field.hints['x-access'] === 'staff');
      known.set(model, fields);
    }
    return fields;
  };
})();

/** True when the model marks any field staff-only: only then is the overlay worth reading. O(1) after the first call. */
export const hasStaffFields = (model: FieldModel): boolean => staffFieldsOf(model).length > 0;

export function changedStaffFields(
  model: FieldModel,
  request: unknown,
  overlay: ReadonlyMap<string, unknown> = new Map(),
): ChangedStaffField[] {
  const changed: ChangedStaffField[] = [];
  for (const field of staffFieldsOf(model)) {
    for (const pointer of instances(request, field.pointer)) {
      const value = getAt(request, pointer);
      if (value === undefined) continue;
      if (overlay.has(field.pointer)) {
        if (jsonEquals(value, overlay.get(field.pointer))) continue;
      } else if (field.hasDefault && jsonEquals(value, field.default)) continue;
      changed.push({ pointer, label: field.label });
    }
  }
  return changed;
}
