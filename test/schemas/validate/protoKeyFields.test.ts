/**
 * Regression from the schema fuzzer (test/fuzz/pipeline.fuzz.test.ts, shrunk input below): ajv skips
 * properties named "__proto__", so a field under that key went unchecked by `validate` (while
 * `validateField` refused the same value). Such fields are now checked in TypeScript.
 */
import { expect, test } from 'vitest';
import { buildFieldModel, createValidator, loadSchema } from '../../../src/schemas/index';

const schema = JSON.parse(
  '{"type":"object","required":["__proto__"],"properties":{"q":{"type":"object","properties":{"__proto__":{"type":"object","properties":{"q":{"enum":[""]}}}}},"__proto__":{"type":"number","maximum":3}}}',
);

async function validatorOf() {
  return createValidator(buildFieldModel(await loadSchema(schema)));
}

test('a constraint on a field under a "__proto__" key is checked by validate', async () => {
  const errors = (await validatorOf()).validate(JSON.parse('{"__proto__":1,"q":{"__proto__":{"q":false}}}'));
  expect(errors.map((e) => [e.pointer, e.rule])).toEqual([['/q/__proto__/q', 'enum']]);
});

test('a required field named "__proto__" is missing when the request lacks its own key', async () => {
  const errors = (await validatorOf()).validate({});
  expect(errors.map((e) => [e.pointer, e.rule])).toEqual([['/__proto__', 'required']]);
});

test('a field named "__proto__" gets its own limits checked', async () => {
  const errors = (await validatorOf()).validate(JSON.parse('{"__proto__":7}'));
  expect(errors.map((e) => [e.pointer, e.rule])).toEqual([['/__proto__', 'maximum']]);
});
