/**
 * Minimal JSON Pointer helpers for the loader: escape, split, and a read that only follows own
 * properties (a pointer "/constructor" must never reach Object.prototype). Kept here, not shared,
 * so the loader depends on nothing but the FieldModel types.
 */

/** "a/b~c" -> "a~1b~0c". */
export function escapeSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Splits "/a/b~1c" into ["a", "b/c"]; "" gives []. Accepts a leading "#" (fragment form, percent-decoded). */
export function splitPointer(pointer: string): string[] {
  let text = pointer;
  if (text.startsWith('#')) text = safeDecode(text.slice(1));
  if (text === '') return [];
  if (!text.startsWith('/')) throw new Error(`"${pointer}" is not a JSON Pointer (it must start with "/")`);
  return text
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins keys into a pointer: ["a", "b/c"] -> "/a/b~1c". */
export function joinPointer(keys: readonly (string | number)[]): string {
  return keys.map((k) => `/${escapeSegment(String(k))}`).join('');
}

/** The value at `pointer` in `doc`, following own properties only; `found: false` when absent. O(depth). */
export function readPointer(doc: unknown, pointer: string): { found: boolean; value?: unknown } {
  let node = doc;
  for (const key of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return { found: false };
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Sets an own property, even for the key "__proto__" (plain assignment would replace the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
