/**
 * Whether a FieldNode could ever hold a value (enum, type, limits): used where a rule or condition
 * tests a field for a value, to catch tests that can never succeed. Model-level twin of checkValue;
 * its sentences are linter.value.* messages in the active locale.
 */
import type { FieldNode } from '../FieldModel';
import { say } from '../i18n/activeLocale';
import { jsonEqual, show } from './checkValue';

const typeOfKind: Partial<Record<FieldNode['kind'], string>> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  path: 'string',
  dateTime: 'string',
};

/** The reason `value` never fits `field`, or undefined when it can. O(enum size). */
export function checkFieldValue(field: FieldNode, value: unknown): string | undefined {
  if (value === null)
    return field.nullable ? undefined : say('linter.value.null', { pointer: field.pointer });
  if (field.enum) {
    return field.enum.some((e) => jsonEqual(e, value))
      ? undefined
      : say('linter.value.enum', { value: show(value), allowed: field.enum.map(show).join(', ') });
  }
  const expected = typeOfKind[field.kind];
  if (expected && typeof value !== expected && field.coercion === 'none')
    return say('linter.value.kind', { value: show(value), kind: expected });
  if (typeof value === 'number') {
    if (field.minimum !== undefined && value < field.minimum)
      return say('linter.value.minimum', { value: String(value), limit: String(field.minimum) });
    if (field.maximum !== undefined && value > field.maximum)
      return say('linter.value.maximum', { value: String(value), limit: String(field.maximum) });
  }
  return undefined;
}
