/**
 * Example requests: a valid example reports each validation error; an invalid-* example must fail with
 * exactly its expected [{pointer, rule}], and both a missing and an extra error are reported.
 */
import { describe, expect, test } from 'vitest';
import {
  buildFieldModel,
  createValidator,
  lintExample,
  locateInJson,
  parseExpectedErrors,
} from '../../../src/schemas/index';

const model = buildFieldModel({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    Qmin: { type: 'number', 'x-units': '1/Å', default: 0.01, 'x-lessThan': '1/Qmax' },
    Qmax: { type: 'number', 'x-units': '1/Å', default: 0.5, maximum: 1 },
  },
});
const validator = createValidator(model);
const validate = (r: unknown) => validator.validate(r);

describe('lintExample', () => {
  test('a valid example is quiet', () => {
    expect(lintExample(validate, { Qmin: 0.01, Qmax: 0.5 })).toEqual([]);
  });

  test('an example that should validate reports each error', () => {
    const found = lintExample(validate, { Qmin: 0.6, Qmax: 0.5 });
    expect(found.map((d) => [d.pointer, d.rule])).toEqual([['/Qmin', 'example-invalid']]);
    expect(found[0]!.message).toContain('lessThan');
  });

  test('an invalid example failing as expected is quiet', () => {
    expect(lintExample(validate, { Qmin: 0.6, Qmax: 0.5 }, [{ pointer: '/Qmin', rule: 'lessThan' }])).toEqual(
      [],
    );
  });

  test('a missing expected error and an unexpected one are both reported', () => {
    const found = lintExample(validate, { Qmin: 0.01, Qmax: 2 }, [{ pointer: '/Qmin', rule: 'lessThan' }]);
    expect(found.map((d) => d.message.split(' ').slice(0, 3).join(' '))).toEqual([
      'expected the error',
      'unexpected error /Qmax',
    ]);
  });

  test('expected-errors files are checked', () => {
    expect(parseExpectedErrors([{ pointer: '/a', rule: 'type' }])).toEqual([{ pointer: '/a', rule: 'type' }]);
    expect(() => parseExpectedErrors({})).toThrow('array');
    expect(() => parseExpectedErrors([{ pointer: '/a' }])).toThrow('item 0');
  });
});

describe('locateInJson', () => {
  const text = '{\n  "a": {\n    "b": [1, 2]\n  },\n  "c/d": 3\n}\n';
  test('finds a property, an array item, an escaped key, and the parent of a missing one', () => {
    expect(locateInJson(text, '/a/b')).toEqual({ line: 3, column: 5 });
    expect(locateInJson(text, '/a/b/1')).toEqual({ line: 3, column: 14 });
    expect(locateInJson(text, '/c~1d')).toEqual({ line: 5, column: 3 });
    expect(locateInJson(text, '/a/missing')).toEqual({ line: 2, column: 3 });
    expect(locateInJson(text, '')).toEqual({ line: 1, column: 1 });
  });
});
