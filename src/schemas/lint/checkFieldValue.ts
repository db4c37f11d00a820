/**
 * Whether a FieldNode could ever hold a value (enum, type, limits): used where a rule or condition
 * tests a field for a value, to catch tests that can never succeed. Model-level twin of checkValue.
 */
import type { FieldNode } from '../FieldModel';
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
  if (value === null) return field.nullable ? undefined : `${field.pointer} cannot be null`;
  if (field.enum) {
    return field.enum.some((e) => jsonEqual(e, value))
      ? undefined
      : `${show(value)} is not one of ${field.enum.map(show).join(', ')}`;
  }
  const expected = typeOfKind[field.kind];
  if (expected && typeof value !== expected && field.coercion === 'none')
    return `${show(value)} is not a ${expected}`;
  if (typeof value === 'number') {
    if (field.minimum !== undefined && value < field.minimum)
      return `${value} is below the minimum ${field.minimum}`;
    if (field.maximum !== undefined && value > field.maximum)
      return `${value} is above the maximum ${field.maximum}`;
  }
  return undefined;
}
