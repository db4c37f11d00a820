/**
 * What a staff member changed on the defaults page: every field (outside lists) whose value in the
 * form differs from what a new form starts with. Fields the form leaves out (hidden by a condition,
 * never typed) are not changes. O(fields).
 */
import { defaultsOf, type FieldModel, getAt, jsonEquals } from '../../schemas/index';

export function changedValues(model: FieldModel, request: unknown): Record<string, unknown> {
  const start = defaultsOf(model, { includeHidden: true });
  const set: Record<string, unknown> = {};
  for (const field of model.fields) {
    if (field.pointer.includes('/*') || field.readOnly) continue;
    const value = getAt(request, field.pointer);
    if (value === undefined) continue;
    if (!jsonEquals(value, getAt(start, field.pointer))) set[field.pointer] = value;
  }
  return set;
}

/** A default as the pages show it: text as typed, anything else as JSON; "none" when absent. */
export const shownValue = (value: unknown, none: string): string =>
  value === undefined ? none : typeof value === 'string' ? value : JSON.stringify(value);
