/**
 * One message per failed union: a field whose schema is a union of values (a number, a list of numbers,
 * unset) gets one sentence naming every alternative and what it got, on submit and while typing,
 * instead of "must be a number", "must be a list", "must be unset" for the same field.
 */
import { describe, expect, test } from 'vitest';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { createValidator } from '../../../src/schemas/validate/createValidator';

const model = buildFieldModel({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    wedgeAngle: {
      anyOf: [
        { type: 'number', minimum: -90, maximum: 270 },
        { type: 'array', items: { type: 'number', minimum: -90, maximum: 270 } },
        { type: 'null' },
      ],
      'x-units': 'degrees',
    },
  },
});
const v = createValidator(model);
const expected = 'expected a number from -90 to 270 degrees, a list of such numbers, or unset';

describe('a failed union is one message', () => {
  test('text where a number or a list is expected', () => {
    const request = { wedgeAngle: '-30, 60' };
    expect(v.validate(request)).toEqual([
      { pointer: '/wedgeAngle', rule: 'anyOf', message: `${expected}; got the text '-30, 60'` },
    ]);
    expect(v.validateField('/wedgeAngle', request.wedgeAngle, request)).toEqual(v.validate(request));
  });

  test('a number out of range names the range, not "must be a list"', () => {
    expect(v.validate({ wedgeAngle: 300 })).toEqual([
      { pointer: '/wedgeAngle', rule: 'anyOf', message: `${expected}; got the number 300` },
    ]);
  });

  test('each alternative still passes', () => {
    for (const wedgeAngle of [45, [-30, 60], null]) {
      expect(v.validate({ wedgeAngle })).toEqual([]);
      expect(v.validateField('/wedgeAngle', wedgeAngle, { wedgeAngle })).toEqual([]);
    }
  });
});
