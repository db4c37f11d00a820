/**
 * JSON Pointer (RFC 6901) helpers for drafts: joining a key, reading and writing a value by pointer.
 * Must not accept "__proto__"-style keys as a way into prototypes: writes create own properties only.
 */

/** Appends one key to a pointer, escaping "~" and "/". O(key length). */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Splits a pointer into unescaped keys; "" is the root (no keys). */
export function pointerKeys(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON Pointer: "${pointer}" (must start with "/")`);
  return pointer
    .slice(1)
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Reads the value at a pointer, or undefined when a step is missing. O(depth). */
export function valueAt(root: unknown, pointer: string): unknown {
  let here: unknown = root;
  for (const key of pointerKeys(pointer)) {
    if (here === null || typeof here !== 'object') return undefined;
    if (!Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep equality for JSON values. O(size of the smaller value). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}
