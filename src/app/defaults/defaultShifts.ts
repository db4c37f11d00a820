/**
 * Which fields' defaults differ between two views of one instrument's model (the defaults an open
 * form or a saved draft was made against, and the instrument's defaults now): the list the
 * "defaults changed" notice shows and the merge applies. Fields inside list rows are left out, as
 * staff cannot change them (DefaultsService refuses). Pure; O(fields).
 */
import { type FieldModel, type FieldNode, jsonEquals } from '../../schemas/index';

/** One field whose starting value moved from `oldValue` to `newValue` (undefined: none). */
export interface DefaultShift {
  readonly pointer: string;
  readonly label: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

/** What a new form holds in the field: its default, else null where null is allowed, else nothing. */
export const startValueOf = (field: FieldNode): unknown =>
  field.hasDefault ? field.default : field.nullable ? null : undefined;

/** Every field outside lists whose starting value differs between `before` and `after`, in model order. */
export function defaultShifts(before: FieldModel, after: FieldModel): DefaultShift[] {
  const shifts: DefaultShift[] = [];
  const seen = new Set<string>();
  // Both are views of one schema's model (overlayDefaults keeps its shape), so fields pair by
  // position: several branches of a choice hold a field at one pointer (a discriminator's const in
  // each), which byPointer would pair with only one of them.
  after.fields.forEach((field, i) => {
    const old = before.fields[i];
    if (field.pointer.includes('/*') || old?.pointer !== field.pointer || seen.has(field.pointer)) return;
    const oldValue = startValueOf(old);
    const newValue = startValueOf(field);
    if (jsonEquals(oldValue, newValue)) return;
    seen.add(field.pointer);
    shifts.push({ pointer: field.pointer, label: field.label, oldValue, newValue });
  });
  return shifts;
}
