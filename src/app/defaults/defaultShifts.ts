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
  for (const field of after.fields) {
    if (field.pointer.includes('/*')) continue;
    const old = before.byPointer.get(field.pointer);
    if (old?.type !== 'field') continue;
    const oldValue = startValueOf(old);
    const newValue = startValueOf(field);
    if (!jsonEquals(oldValue, newValue))
      shifts.push({ pointer: field.pointer, label: field.label, oldValue, newValue });
  }
  return shifts;
}
