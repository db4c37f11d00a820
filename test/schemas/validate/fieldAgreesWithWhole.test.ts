/**
 * Regressions from the schema fuzzer (shrunk inputs below): validateField must agree with validate.
 * A list kept as text (x-input run-list on a string): an array in its place is "must be text", and the
 * string's own minLength holds for the text. A union that accepts any type is not narrowed to a widget.
 */
import { expect, test } from 'vitest';
import { buildFieldModel, createValidator } from '../../../src/schemas/index';

const model = buildFieldModel({
  type: 'object',
  properties: { runs: { type: 'string', minLength: 1, 'x-input': 'run-list' } },
});
const validator = createValidator(model);
const both = (runs: unknown) => ({
  field: validator.validateField('/runs', runs, { runs }).map((e) => e.rule),
  whole: validator.validate({ runs }).map((e) => e.rule),
});

test('an array where the run list is kept as text is refused by validateField as by validate', () => {
  expect(both([12345, 12346])).toEqual({ field: ['type'], whole: ['type'] });
});

test("the text's minLength is checked by validateField as by validate", () => {
  expect(both('')).toEqual({ field: ['minLength'], whole: ['minLength'] });
});

test('a union with an alternative of any type is edited as JSON and accepts what the schema accepts', () => {
  // Shrunk fuzzer input: anyOf [anyOf [true, string], null] was a text field refusing `false`.
  const union = buildFieldModel({
    type: 'object',
    properties: { q: { anyOf: [{ anyOf: [true, { type: 'string' }] }, { type: 'null' }] } },
  });
  expect(union.byPointer.get('/q')).toMatchObject({ type: 'field', kind: 'json' });
  const check = createValidator(union);
  expect(check.validateField('/q', false, { q: false })).toEqual([]);
  expect(check.validate({ q: false })).toEqual([]);
});

test('a union field under "__proto__" gets its one union message, once, naming "unset" once', async () => {
  // Shrunk fuzzer input after the union messages landed: "a number or unset or unset", plus a second
  // "must be a number" from the __proto__ fallback check.
  const schema = JSON.parse(
    '{"type":"object","properties":{"__proto__":{"anyOf":[{"type":["number","null"]},{"type":"null"}]}}}',
  );
  const check = createValidator(buildFieldModel(schema));
  const request = JSON.parse('{"__proto__":false}');
  const whole = check.validate(request);
  expect(whole).toEqual([
    { pointer: '/__proto__', rule: 'anyOf', message: 'expected a number or unset; got false' },
  ]);
  expect(check.validateField('/__proto__', false, request)).toEqual(whole);
});

test('a declared "__proto__" field is not "not a field of this form" where additionalProperties is false', () => {
  // Shrunk fuzzer input: ajv skips "__proto__" in properties, then reports it as an additional property.
  const schema = JSON.parse(
    '{"type":"object","additionalProperties":false,"properties":{"__proto__":{"type":"string"}}}',
  );
  const check = createValidator(buildFieldModel(schema));
  expect(check.validate(JSON.parse('{"__proto__":"text"}'))).toEqual([]);
  expect(check.validate(JSON.parse('{"__proto__":false}')).map((e) => e.rule)).toEqual(['type']);
});

test.each([
  [
    'http://json-schema.org/draft-07/schema#',
    { items: [false, { enum: [0] }, true], additionalItems: false },
  ],
  [
    'https://json-schema.org/draft/2020-12/schema',
    { prefixItems: [false, { enum: [0] }, true], items: false },
  ],
])(
  '%s: a tuple position whose schema is false gets the same message from both, null or not',
  ($schema, mode) => {
    // Shrunk fuzzer input (6,000 runs, seed 20261207): null at a `false` position was "boolean schema is
    // false" (rule 'false schema') from validateField but "must have a value" (rule 'type') from validate,
    // which had guessed from the JSON field's nullability instead of asking ajv.
    const check = createValidator(
      buildFieldModel({ $schema, type: 'object', properties: { mode: { type: 'array', ...mode } } }),
    );
    for (const value of [null, 0, 'x']) {
      const request = { mode: [value] };
      const whole = check.validate(request).filter((e) => e.pointer === '/mode/0');
      expect(whole).toEqual([
        {
          pointer: '/mode/0',
          rule: 'false schema',
          message: 'must be left out: the schema allows no value here',
        },
      ]);
      expect(check.validateField('/mode/0', value, request)).toEqual(whole);
    }
  },
);

test('numbers then a rest of any other type is not a number list: text after the positions is accepted', () => {
  // Found with the open-tuple work: prefixItems [number] + items {type: string} was a number list, whose
  // own check refused ["x"] past the position while validate (ajv) accepted it.
  for (const rest of [{ items: { type: 'string' } }, {}]) {
    const model = buildFieldModel({
      type: 'object',
      properties: { t: { type: 'array', prefixItems: [{ type: 'number' }], ...rest } },
    });
    // An open tuple: the position, then rest rows of the rest schema (text, or any JSON).
    expect(model.byPointer.get('/t')).toMatchObject({ type: 'group', tuple: true, rest: { firstIndex: 1 } });
    const check = createValidator(model);
    const request = { t: [1, 'x'] };
    expect(check.validate(request)).toEqual([]);
    expect(check.validateField('/t/0', 1, request)).toEqual([]);
    expect(check.validateField('/t/1', 'x', request)).toEqual([]);
  }
  const numbers = buildFieldModel({
    type: 'object',
    properties: { t: { type: 'array', prefixItems: [{ type: 'number' }], items: { type: 'number' } } },
  });
  expect(numbers.byPointer.get('/t')).toMatchObject({ kind: 'numberList' });
});
