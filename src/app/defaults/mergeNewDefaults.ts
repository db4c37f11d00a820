/**
 * Moves a form's values onto new defaults without losing anything typed: a field still holding the
 * default it started from (untouched) takes the new default; a field the scientist changed, or whose
 * text is not a value yet ("1,5"), keeps what it holds and is listed as kept. Values are the draft's
 * (the request plus hidden fields), so a field a condition hides moves too. Pure: `values` is copied.
 * O(shifts × depth).
 */
import { getAt, isPlainObject, type JsonValue, jsonEquals, setAt } from '../../schemas/index';
import type { DefaultShift } from './defaultShifts';

export interface MergedDefaults {
  readonly values: JsonValue | undefined;
  /** Untouched fields that now hold the new default. */
  readonly taken: readonly DefaultShift[];
  /** Fields the scientist changed: their value stays. */
  readonly kept: readonly DefaultShift[];
}

/** The parent object of `pointer` in `root`, when every step to it is an object. */
function hasParentObject(root: unknown, pointer: string): boolean {
  const parent = pointer.slice(0, pointer.lastIndexOf('/'));
  return isPlainObject(parent === '' ? root : getAt(root, parent));
}

/**
 * Example: values {a: 1, b: 5}, shifts a 1→2 and b 3→4 → values {a: 2, b: 5}, taken [a], kept [b].
 * A field absent from `values` takes the new default only where its object exists (a new form fills
 * the rest from the model's defaults); an unset nullable object (null) is left as it is.
 */
export function mergeNewDefaults(
  values: JsonValue | undefined,
  texts: Readonly<Record<string, unknown>> | undefined,
  shifts: readonly DefaultShift[],
): MergedDefaults {
  const merged = structuredClone(values);
  const taken: DefaultShift[] = [];
  const kept: DefaultShift[] = [];
  for (const shift of shifts) {
    if (texts && Object.hasOwn(texts, shift.pointer)) {
      kept.push(shift);
      continue;
    }
    const current = getAt(merged, shift.pointer);
    if (current !== undefined && jsonEquals(current, shift.newValue)) continue;
    // Nothing there: nothing was typed (the form starts an absent field from the model's default).
    if (current !== undefined && !jsonEquals(current, shift.oldValue)) {
      kept.push(shift);
      continue;
    }
    if (shift.pointer === '') {
      taken.push(shift);
      return { values: structuredClone(shift.newValue) as JsonValue | undefined, taken, kept };
    }
    if (hasParentObject(merged, shift.pointer)) {
      if (shift.newValue === undefined) {
        const parent = shift.pointer.slice(0, shift.pointer.lastIndexOf('/'));
        const holder = (parent === '' ? merged : getAt(merged, parent)) as Record<string, unknown>;
        delete holder[lastKey(shift.pointer)];
      } else setAt(merged, shift.pointer, structuredClone(shift.newValue));
    }
    taken.push(shift);
  }
  return { values: merged, taken, kept };
}

/** The last step of a JSON Pointer, unescaped (~1 is "/", ~0 is "~"). */
function lastKey(pointer: string): string {
  return pointer
    .slice(pointer.lastIndexOf('/') + 1)
    .replaceAll('~1', '/')
    .replaceAll('~0', '~');
}
