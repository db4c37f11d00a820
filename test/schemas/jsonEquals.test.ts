/**
 * jsonEquals is the one equality of the toolkit (form marks, drafts, rules, const/enum fast path):
 * ajv's semantics, checked here against ajv itself on the cases where equalities usually differ.
 */
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { isPlainObject, jsonEquals } from '../../src/schemas/jsonEquals';

describe('jsonEquals', () => {
  test('the documented examples', () => {
    expect(jsonEquals({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(jsonEquals([1, 2], [2, 1])).toBe(false);
  });

  const cases: [unknown, unknown][] = [
    [null, null],
    [0, -0],
    [1, '1'],
    [null, {}],
    [[], {}],
    [{}, []],
    [{ a: undefined }, {}],
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: 1, b: 2 }, { a: 1 }],
    [[[1, { x: [true] }]], [[1, { x: [true] }]]],
    [[[1, { x: [true] }]], [[1, { x: [false] }]]],
    [{ r: [12345, 12350] }, { r: [12345, 12350] }],
    ['wedge', 'wedge'],
    [1.5, 1.5000001],
  ];
  test.each(cases)('agrees with ajv const on %j and %j', (a, b) => {
    const ajv = new Ajv();
    const sameForAjv = ajv.validate({ const: a }, b);
    expect(jsonEquals(a, b)).toBe(sameForAjv);
    expect(jsonEquals(b, a)).toBe(sameForAjv);
  });

  test('isPlainObject: objects only, not arrays or null', () => {
    expect([{}, { a: 1 }, [], null, 'x', 0].map(isPlainObject)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
