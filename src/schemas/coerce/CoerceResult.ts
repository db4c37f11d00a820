/**
 * The result of turning text a user typed into a request value: the value, or a message that says what
 * is wrong. Coercion never throws on user input and never silently changes what was typed: when the
 * text is not exactly one value, the answer is a message, not a guess. Framework-free (runs in Node).
 */

/** Either the parsed value or a sentence a scientist understands ("'1,5' is not a number ..."). */
export type CoerceResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/** Wrap a value as a successful coercion. */
export function ok<T>(value: T): CoerceResult<T> {
  return { ok: true, value };
}

/** Wrap a message as a failed coercion. */
export function fail<T = never>(message: string): CoerceResult<T> {
  return { ok: false, message };
}
