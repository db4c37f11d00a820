/**
 * Regressions from the schema fuzzer (shrunk inputs below): validateField must agree with validate on
 * a list kept as text (x-input run-list on a string): an array in its place is "must be text", and the
 * string's own minLength holds for the text.
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
