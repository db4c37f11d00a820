/**
 * Equality of JSON values, the one the whole toolkit uses: ajv's const/enum semantics (objects by own
 * keys in any order, arrays by order), so the form's "differs from default" marks, drafts, rules and
 * the validator agree on what "the same value" means. Plain data only, no DOM.
 */

/** True for a JSON object: not null, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * True when two JSON values are equal: jsonEquals({a: 1, b: [2]}, {b: [2], a: 1}) is true,
 * jsonEquals([1, 2], [2, 1]) is false. O(size of the smaller value); loops, not callbacks, because
 * the form calls it on every keystroke.
 */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEquals(a[i], b[i])) return false;
    return true;
  }
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const key of ak) {
    if (!Object.hasOwn(b, key)) return false;
    if (!jsonEquals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
