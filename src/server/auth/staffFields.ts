/**
 * Staff-only fields: a field marked `"x-access": "staff"` in an instrument's schema keeps its default
 * unless the instrument's staff (or an admin) change it. This finds, in a request, every such field
 * (list rows included) whose value is neither absent nor the field's default, so the route can refuse
 * with a 403 naming them. Pure: a model and a request in, pointers out.
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

export function changedStaffFields(model: FieldModel, request: unknown): ChangedStaffField[] {
  const changed: ChangedStaffField[] = [];
  for (const field of model.fields) {
    if (field.hints['x-access'] !== 'staff') continue;
    for (const pointer of instances(request, field.pointer)) {
      const value = getAt(request, pointer);
      if (value === undefined) continue;
      if (field.hasDefault && jsonEquals(value, field.default)) continue;
      changed.push({ pointer, label: field.label });
    }
  }
  return changed;
}
