/**
 * JSON Pointer (RFC 6901) helpers for requests and schemas: parse, format, read, write, list-row
 * templates ("/scans/*\/run") and relative pointers ("1/Qmax"). Plain data only, no DOM.
 * setAt never writes through `__proto__`, `constructor` or `prototype` into a prototype: keys with those
 * names become own properties (values kept), because a request is user data.
 */
import type { Pointer, PointerTemplate } from './FieldModel';

/** Escapes one key for use as a pointer segment ("a/b" -> "a~1b"). O(length). */
export function escapePointerSegment(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}

/** Undoes escapePointerSegment. */
export function unescapePointerSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/**
 * Splits a pointer into unescaped keys: "/a/b~1c" -> ["a", "b/c"]; "" -> []. A leading "#" (URI
 * fragment form, "#/definitions/x") is accepted and percent-decoded. Throws on a pointer not starting with "/".
 */
export function parsePointer(pointer: string): string[] {
  let text = pointer;
  if (text.startsWith('#')) text = decodeFragment(text.slice(1));
  if (text === '') return [];
  if (!text.startsWith('/'))
    throw new Error(`Invalid JSON Pointer "${pointer}": must be "" or start with "/"`);
  return text.slice(1).split('/').map(unescapePointerSegment);
}

/** Percent-decodes a URI fragment; malformed escapes ("%ZZ") stay as written, so a lookup fails by name. */
function decodeFragment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Joins keys into a pointer: ["a", "b/c"] -> "/a/b~1c"; [] -> "". */
export function formatPointer(keys: readonly (string | number)[]): Pointer {
  let out = '';
  for (const key of keys) out += `/${escapePointerSegment(String(key))}`;
  return out;
}

/** Appends one key to a pointer. */
export function childPointer(parent: Pointer, key: string | number): Pointer {
  return `${parent}/${escapePointerSegment(String(key))}`;
}

const hasOwn = (value: object, key: string): boolean => Object.hasOwn(value, key);
const isIndex = (key: string): boolean => /^(0|[1-9][0-9]*)$/.test(key);

// Parsed pointers, because validation reads the same few thousand pointers on every call. Bounded.
const parsed = new Map<string, readonly string[]>();
function parseCached(pointer: string): readonly string[] {
  let keys = parsed.get(pointer);
  if (!keys) {
    keys = parsePointer(pointer);
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(pointer, keys);
  }
  return keys;
}

/** Reads the value at `pointer`, or undefined when any step is missing. Own properties only. O(depth). */
export function getAt(root: unknown, pointer: Pointer | readonly string[]): unknown {
  const keys = typeof pointer === 'string' ? parseCached(pointer) : pointer;
  let current: unknown = root;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!isIndex(key)) return undefined;
      current = current[Number(key)];
    } else {
      if (!hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
  }
  return current;
}

/** True when every step of `pointer` exists as an own property (the value may be null). */
export function hasAt(root: unknown, pointer: Pointer): boolean {
  const keys = parsePointer(pointer);
  let current: unknown = root;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return false;
    if (
      Array.isArray(current)
        ? !/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= current.length
        : !hasOwn(current, key)
    )
      return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

/** Sets an own, enumerable, writable property, even for "__proto__" (plain assignment would set the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * Writes `value` at `pointer` in place, creating objects (or arrays, when the next key is a row index)
 * on the way; returns the root. "" replaces nothing and returns `value`. Never touches a prototype.
 */
export function setAt<T>(root: T, pointer: Pointer | readonly string[], value: unknown): T {
  const keys = typeof pointer === 'string' ? parsePointer(pointer) : pointer;
  if (keys.length === 0) return value as T;
  let current = root as unknown as Record<string, unknown>;
  if (current === null || typeof current !== 'object') {
    throw new Error(`Cannot set "${formatPointer(keys)}": the root is not an object`);
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const last = i === keys.length - 1;
    if (Array.isArray(current) && !/^(0|[1-9][0-9]*|-)$/.test(key)) {
      throw new Error(`Cannot set "${formatPointer(keys)}": "${key}" is not a row index`);
    }
    const index = Array.isArray(current) && key === '-' ? String(current.length) : key;
    if (last) {
      setOwn(current, index, value);
      return root;
    }
    let next = hasOwn(current, index) ? current[index] : undefined;
    if (next === null || typeof next !== 'object') {
      next = /^(0|[1-9][0-9]*|-)$/.test(keys[i + 1]!) ? [] : {};
      setOwn(current, index, next);
    }
    current = next as Record<string, unknown>;
  }
  return root;
}

/** Removes the value at `pointer` in place (an own property; a row is spliced out). Returns the root. */
export function deleteAt<T>(root: T, pointer: Pointer): T {
  const keys = parsePointer(pointer);
  const last = keys.pop();
  if (last === undefined) return root;
  const parent = getAt(root, keys);
  if (Array.isArray(parent)) {
    if (/^(0|[1-9][0-9]*)$/.test(last)) parent.splice(Number(last), 1);
  } else if (parent !== null && typeof parent === 'object' && hasOwn(parent, last)) {
    delete (parent as Record<string, unknown>)[last];
  }
  return root;
}

/**
 * Fills the "*" segments of a list-row template with row indexes, left to right:
 * instancePointer("/scans/*\/run", [2]) -> "/scans/2/run". Throws when there are too few indexes.
 */
export function instancePointer(template: PointerTemplate, indexes: readonly number[] = []): Pointer {
  if (!template.includes('*')) return template;
  let i = 0;
  return template.replace(/\/\*(?=\/|$)/g, () => {
    const index = indexes[i++];
    if (index === undefined)
      throw new Error(`Pointer template "${template}" needs more row indexes than ${indexes.length}`);
    return `/${index}`;
  });
}

/** Row indexes of an instance pointer that matches a template: ("/scans/*\/run", "/scans/2/run") -> [2]. */
export function rowIndexes(template: PointerTemplate, pointer: Pointer): number[] {
  if (!template.includes('*')) return [];
  const t = template.split('/');
  const p = pointer.split('/');
  const out: number[] = [];
  for (let i = 0; i < t.length && i < p.length; i++) if (t[i] === '*') out.push(Number(p[i]));
  return out;
}

/**
 * Resolves a relative JSON Pointer against the pointer (or template) of the field that wrote it:
 * resolveRelative("/reduction/Qmin", "1/Qmax") -> "/reduction/Qmax" (0 is the field itself, 1 its
 * parent object). An absolute pointer ("/a/b") is returned as is. Throws on going above the root or on
 * the "N#" (key name) form, which names no value.
 */
export function resolveRelative(base: PointerTemplate, relative: string): PointerTemplate {
  if (relative === '' || relative.startsWith('/')) return relative;
  const match = /^(0|[1-9][0-9]*)(.*)$/.exec(relative);
  if (!match) throw new Error(`Invalid relative JSON Pointer "${relative}" (from "${base}")`);
  const up = Number(match[1]);
  const rest = match[2]!;
  if (rest.startsWith('#')) throw new Error(`Relative pointer "${relative}" names a key, not a value`);
  if (rest !== '' && !rest.startsWith('/')) throw new Error(`Invalid relative JSON Pointer "${relative}"`);
  const keys = base === '' ? [] : base.slice(1).split('/');
  if (up > keys.length) throw new Error(`Relative pointer "${relative}" goes above the root from "${base}"`);
  const kept = keys.slice(0, keys.length - up);
  return (kept.length ? `/${kept.join('/')}` : '') + rest;
}
