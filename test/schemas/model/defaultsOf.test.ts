/**
 * defaultsOf against RJSF's getDefaultFormState on schemas where RJSF's semantics apply, and the one
 * deliberate difference (null for a nullable field without default) asserted explicitly.
 */
import { getDefaultFormState, type RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { describe, expect, test } from 'vitest';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { defaultsOf } from '../../../src/schemas/model/defaultsOf';

const rjsf = (schema: RJSFSchema): unknown => getDefaultFormState(validator, schema, undefined, schema);

const agreeing: Record<string, RJSFSchema> = {
  'nested objects': {
    type: 'object',
    properties: {
      a: { type: 'number', default: 1 },
      b: { type: 'object', properties: { c: { type: 'string', default: 'x' }, d: { type: 'boolean' } } },
    },
  },
  'arrays with minItems': {
    type: 'object',
    properties: {
      rows: {
        type: 'array',
        minItems: 2,
        items: { type: 'object', properties: { v: { type: 'number', default: 5 } } },
      },
      plain: { type: 'array', items: { type: 'number' } },
      given: { type: 'array', items: { type: 'number' }, default: [1, 2] },
    },
  },
  $ref: {
    definitions: {
      t: { type: 'number', default: 0.5 },
      o: { type: 'object', properties: { u: { type: 'string', default: 'u' } } },
    },
    type: 'object',
    properties: { t: { $ref: '#/definitions/t' }, o: { $ref: '#/definitions/o' } },
  },
  allOf: {
    type: 'object',
    allOf: [
      { properties: { a: { type: 'number', default: 1 } } },
      { properties: { b: { type: 'string', default: 'q' } } },
    ],
  },
  'if/then (condition holds)': {
    type: 'object',
    properties: { mode: { type: 'string', enum: ['a', 'b'], default: 'b' } },
    if: { properties: { mode: { const: 'b' } } },
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
    then: { properties: { extra: { type: 'number', default: 3 } } },
    else: { properties: { other: { type: 'number', default: 4 } } },
  },
  'object default under child defaults': {
    type: 'object',
    properties: {
      g: {
        type: 'object',
        default: { x: 9, z: 7 },
        properties: { x: { type: 'number', default: 1 }, y: { type: 'number', default: 2 } },
      },
    },
  },
  'choice: first branch, const included': {
    type: 'object',
    properties: {
      s: {
        oneOf: [
          { properties: { kind: { const: 'a' }, f: { type: 'number', default: 1 } } },
          { properties: { kind: { const: 'b' } } },
        ],
      },
    },
  },
};

describe('agrees with RJSF getDefaultFormState', () => {
  for (const [name, schema] of Object.entries(agreeing)) {
    test(name, () => {
      expect(defaultsOf(buildFieldModel(schema))).toEqual(rjsf(schema));
    });
  }
});

const elseSchema: RJSFSchema = {
  type: 'object',
  properties: { mode: { type: 'string', enum: ['a', 'b'], default: 'a' } },
  if: { properties: { mode: { const: 'b' } } },
  // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
  then: { properties: { extra: { type: 'number', default: 3 } } },
  else: { properties: { other: { type: 'number', default: 4 } } },
};

describe('deliberate differences', () => {
  test('if/then is decided on the defaults themselves (RJSF tests the empty form data, so `if` passes)', () => {
    expect(rjsf(elseSchema)).toEqual({ mode: 'a', extra: 3 });
    expect(defaultsOf(buildFieldModel(elseSchema))).toEqual({ mode: 'a', other: 4 });
  });
  test('a nullable field without default is null (RJSF leaves it out)', () => {
    const schema: RJSFSchema = {
      type: 'object',
      properties: {
        n: { type: ['number', 'null'] },
        m: { anyOf: [{ type: 'number' }, { type: 'null' }], default: 2 },
      },
    };
    expect(rjsf(schema)).toEqual({ m: 2 });
    expect(defaultsOf(buildFieldModel(schema))).toEqual({ n: null, m: 2 });
  });
});

describe('the rule for the rest', () => {
  const model = buildFieldModel({
    type: 'object',
    required: ['run'],
    properties: {
      run: { type: 'integer' },
      nullableList: {
        type: ['array', 'null'],
        items: { type: 'object', properties: { a: { type: 'number' } } },
      },
      rows: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', properties: { b: { type: ['string', 'null'] } } },
      },
    },
  });
  test('required non-nullable without default is omitted, so its error stays visible', () => {
    expect(defaultsOf(model)).toEqual({ nullableList: null, rows: [{ b: null }] });
  });
  test('each call returns a fresh copy', () => {
    const a = defaultsOf(model) as Record<string, unknown>;
    (a.rows as { b: unknown }[])[0]!.b = 'changed';
    expect(defaultsOf(model)).toEqual({ nullableList: null, rows: [{ b: null }] });
  });
  test('includeHidden keeps the fields a condition hides', () => {
    expect(defaultsOf(buildFieldModel(elseSchema), { includeHidden: true })).toEqual({
      mode: 'a',
      extra: 3,
      other: 4,
    });
  });
});
