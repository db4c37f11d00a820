/**
 * Reads an imported request (the import panel, formData, the embed's form-data and form-data-src, a
 * restored draft) into the form's flat values: text typed where a number, a boolean or a list of
 * numbers belongs ("6", "true", "-30, 60", "" for unset) is first read with the widgets' own parsers
 * (schemas' coerceTextRequest), then flattened (flattenValues). What was converted is reported field
 * by field; text that could not be read stays as it was, named with the parser's reason. No React.
 */
import { coerceTextRequest, type FieldModel, type TextConversion } from '../../schemas/index';
import { type FlatValues, flattenValues, type NotTaken } from './flattenValues';

export type { TextConversion };

export interface ImportedValues extends FlatValues {
  /** Text values read as the typed values their fields want, in schema order. */
  readonly converted: readonly TextConversion[];
}

/** Flattens `request` after reading its text values. O(fields x rows). */
export function importValues(model: FieldModel, request: unknown, newRowId: () => string): ImportedValues {
  const coerced = coerceTextRequest(model, request);
  const flat = flattenValues(model, coerced.request, newRowId);
  if (coerced.refused.length === 0) return { ...flat, converted: coerced.converted };
  // A text that could not be read: the parser says why ("'1,5' is not a number ..."), in place of
  // the plainer "text where a number belongs" the stored value would get.
  const why = new Map(coerced.refused.map((r) => [r.pointer, r.message]));
  const notTaken: NotTaken[] = flat.notTaken.map((n) =>
    why.has(n.pointer) ? { ...n, message: why.get(n.pointer)!, how: 'kept' } : n,
  );
  for (const r of coerced.refused)
    if (!notTaken.some((n) => n.pointer === r.pointer))
      notTaken.push({ pointer: r.pointer, value: r.text, message: r.message, how: 'kept' });
  return { ...flat, notTaken, converted: coerced.converted };
}
