/**
 * JSON Pointer helpers: parsing and escaping per RFC 6901, list-row templates, relative pointers, and
 * setAt's refusal to write into prototypes (request data is user input).
 */
import { describe, expect, test } from 'vitest';
import {
  deleteAt,
  formatPointer,
  getAt,
  hasAt,
  instancePointer,
  parsePointer,
  resolveRelative,
  rowIndexes,
  setAt,
} from '../../src/schemas/pointer';

describe('parse and format', () => {
  test('round-trips keys with "/" and "~"', () => {
    const keys = ['a/b', 'c~d', '', '0'];
    expect(formatPointer(keys)).toBe('/a~1b/c~0d//0');
    expect(parsePointer(formatPointer(keys))).toEqual(keys);
  });
  test('accepts the URI fragment form', () => {
    expect(parsePointer('#/definitions/a%20b')).toEqual(['definitions', 'a b']);
    expect(parsePointer('')).toEqual([]);
  });
  test('keeps a malformed percent escape as written, so a lookup fails by name instead of throwing', () => {
    expect(parsePointer('#/definitions/a%ZZ')).toEqual(['definitions', 'a%ZZ']);
  });
  test('rejects a pointer without a leading slash', () => {
    expect(() => parsePointer('a/b')).toThrow(/must be "" or start with "\/"/);
  });
});

describe('getAt / hasAt', () => {
  const doc = { a: { b: [10, { c: null }] } };
  test('reads objects and rows', () => {
    expect(getAt(doc, '/a/b/0')).toBe(10);
    expect(getAt(doc, '/a/b/1/c')).toBeNull();
    expect(getAt(doc, '/a/x/y')).toBeUndefined();
    expect(getAt(doc, '/a/b/01')).toBeUndefined();
  });
  test('does not read inherited properties', () => {
    expect(getAt({}, '/constructor')).toBeUndefined();
    expect(getAt({}, '/__proto__')).toBeUndefined();
  });
  test('hasAt tells a null from an absent value', () => {
    expect(hasAt(doc, '/a/b/1/c')).toBe(true);
    expect(hasAt(doc, '/a/b/1/d')).toBe(false);
    expect(hasAt(doc, '/a/b/2')).toBe(false);
    expect(hasAt(doc, '/a/b/length')).toBe(false);
  });
});

describe('setAt', () => {
  test('creates objects and arrays on the way', () => {
    const doc: Record<string, unknown> = {};
    setAt(doc, '/scans/0/run', 12345);
    setAt(doc, '/scans/-/run', 12346);
    expect(doc).toEqual({ scans: [{ run: 12345 }, { run: 12346 }] });
  });
  test('keeps __proto__, constructor and prototype as own keys, never touching Object.prototype', () => {
    const doc: Record<string, unknown> = {};
    setAt(doc, '/__proto__/polluted', 'yes');
    setAt(doc, '/constructor/prototype/polluted', 'yes');
    setAt(doc, '/prototype', 1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.keys(doc)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(getAt(doc, '/__proto__/polluted')).toBe('yes');
    expect(getAt(doc, '/constructor/prototype/polluted')).toBe('yes');
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
  });
  test('refuses a non-index key inside an array', () => {
    expect(() => setAt({ a: [] }, '/a/x', 1)).toThrow(/not a row index/);
  });
  test('deleteAt removes a key or splices a row', () => {
    const doc = { a: [1, 2, 3], b: 1 };
    deleteAt(doc, '/a/1');
    deleteAt(doc, '/b');
    expect(doc).toEqual({ a: [1, 3] });
  });
});

describe('templates and relative pointers', () => {
  test('instancePointer fills row indexes left to right', () => {
    expect(instancePointer('/scans/*/angles/*', [2, 0])).toBe('/scans/2/angles/0');
    expect(instancePointer('/a/b')).toBe('/a/b');
    expect(() => instancePointer('/scans/*/run', [])).toThrow(/more row indexes/);
  });
  test('rowIndexes reads them back', () => {
    expect(rowIndexes('/scans/*/angles/*', '/scans/2/angles/0')).toEqual([2, 0]);
  });
  test('resolveRelative: 0 is the field, 1 its parent', () => {
    expect(resolveRelative('/reduction/Qmin', '1/Qmax')).toBe('/reduction/Qmax');
    expect(resolveRelative('/reduction', '0/Qmax')).toBe('/reduction/Qmax');
    expect(resolveRelative('/scans/*/lo', '1/hi')).toBe('/scans/*/hi');
    expect(resolveRelative('/scans/*/lo', '3/top')).toBe('/top');
    expect(resolveRelative('/x', '/abs/olute')).toBe('/abs/olute');
    expect(() => resolveRelative('/x', '3/y')).toThrow(/above the root/);
  });
});
