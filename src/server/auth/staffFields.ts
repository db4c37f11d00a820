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

/** True when the model marks any field staff-only: only then is the overlay worth reading. */
export const hasStaffFields = (model: FieldModel): boolean =>
  model.fields.some((field) => field.hints['x-access'] === 'staff');

export function changedStaffFields(
  model: FieldModel,
  request: unknown,
  overlay: ReadonlyMap<string, unknown> = new Map(),
): ChangedStaffField[] {
  const changed: ChangedStaffField[] = [];
  for (const field of model.fields) {
    if (field.hints['x-access'] !== 'staff') continue;
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
