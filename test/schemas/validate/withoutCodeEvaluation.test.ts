/**
 * On a page whose Content-Security-Policy forbids 'unsafe-eval', ajv cannot compile a schema. The
 * validator must then still check, in TypeScript, everything a field says about itself, presence and
 * the cross-field rules, with the same messages as with ajv, and say what it leaves to the server.
 * Here `new Function` is made to throw as Chromium does under such a policy.
 */
import { afterEach, expect, test } from 'vitest';
import type { ValidationError } from '../../../src/schemas/FieldModel';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import {
  codeEvaluationAllowed,
  resetCodeEvaluationProbe,
} from '../../../src/schemas/validate/codeEvaluation';
import { createValidator, type Validator } from '../../../src/schemas/validate/createValidator';

const schema = () => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['wavelength', 'sampleRun'],
  if: { properties: { absoluteScale: { const: 'standard' } }, required: ['absoluteScale'] },
  // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
  then: { required: ['sampleTransmissionRun'] },
  dependencies: { useMask: ['maskFile'] },
  properties: {
    absoluteScale: { enum: ['none', 'standard'] },
    sampleTransmissionRun: { type: ['integer', 'null'] },
    useMask: { type: 'boolean' },
    maskFile: { type: 'string' },
    wavelength: { type: 'number', minimum: 1, maximum: 10, 'x-units': 'Å' },
    sampleThickness: { type: 'number', exclusiveMinimum: 0, 'x-units': 'cm' },
    sampleRun: { type: 'integer' },
    Qmin: { type: ['number', 'null'], 'x-lessThan': '1/Qmax' },
    Qmax: { type: ['number', 'null'] },
    binType: { type: 'string', enum: ['linear', 'log'] },
    outputName: { type: 'string', pattern: '^[A-Za-z0-9_]+$' },
    sample: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', minLength: 1 }, formula: { type: 'string' } },
    },
    absorption: {
      oneOf: [
        { type: 'object', properties: { kind: { const: 'none' } }, required: ['kind'] },
        {
          type: 'object',
          properties: { kind: { const: 'full' }, radius: { type: 'number', minimum: 0 } },
          required: ['kind', 'radius'],
        },
      ],
    },
    scans: {
      type: 'array',
      items: {
        type: 'object',
        required: ['run'],
        properties: {
          run: { type: 'integer', minimum: 1 },
          tofMin: { type: 'number', 'x-lessThan': '1/tofMax' },
          tofMax: { type: 'number' },
        },
      },
    },
  },
});

const realFunction = globalThis.Function;

/** Builds a validator while `new Function` throws, as under a CSP without 'unsafe-eval'. */
function validatorWithoutCodeEvaluation(): Validator {
  globalThis.Function = function refused() {
    throw new EvalError(
      "Evaluating a string as JavaScript violates the Content Security Policy: 'unsafe-eval'",
    );
  } as unknown as FunctionConstructor;
  resetCodeEvaluationProbe();
  try {
    expect(codeEvaluationAllowed()).toBe(false);
    return createValidator(buildFieldModel(schema()));
  } finally {
    globalThis.Function = realFunction;
  }
}

afterEach(() => resetCodeEvaluationProbe());

const sorted = (errors: readonly ValidationError[]) =>
  errors
    .map((e) => `${e.pointer} ${e.rule} ${e.message}`)
    .sort()
    .join('\n');

const base = { wavelength: 6, sampleRun: 88980 };
const requests: Record<string, unknown> = {
  valid: base,
  'a limit': { ...base, wavelength: 12 },
  'an exclusive limit': { ...base, sampleThickness: 0 },
  'a missing required field': { wavelength: 6 },
  'a whole number': { ...base, sampleRun: 1.5 },
  'an enum': { ...base, binType: 'cubic' },
  'a pattern': { ...base, outputName: 'my run' },
  'a rule': { ...base, Qmin: 0.5, Qmax: 0.1 },
  'a nested required field': { ...base, sample: {} },
  'a nested limit': { ...base, sample: { name: '' } },
  'rows: a missing run and a rule per row': { ...base, scans: [{ run: 1 }, { tofMin: 5, tofMax: 1 }] },
  'the selected branch only': { ...base, absorption: { kind: 'none' } },
  "the selected branch's own required field": { ...base, absorption: { kind: 'full' } },
  "the selected branch's limit": { ...base, absorption: { kind: 'full', radius: -1 } },
  "a then side's required field": { ...base, absoluteScale: 'standard' },
  'a then side satisfied': { ...base, absoluteScale: 'standard', sampleTransmissionRun: 5 },
  'the else side, which requires nothing': { ...base, absoluteScale: 'none' },
  "a dependency's required field": { ...base, useMask: false },
  'a dependency satisfied': { ...base, useMask: true, maskFile: 'mask.xml' },
};

test.each(Object.entries(requests))('without ajv, %s gives the errors ajv gives', (_, request) => {
  const full = createValidator(buildFieldModel(schema()));
  const degraded = validatorWithoutCodeEvaluation();
  expect(full.limitation).toBeUndefined();
  expect(sorted(degraded.validate(request))).toBe(sorted(full.validate(request)));
});

test('the degraded validator says what it leaves to the server, and never throws', () => {
  const degraded = validatorWithoutCodeEvaluation();
  expect(degraded.limitation).toMatch(/Content-Security-Policy.*'unsafe-eval'.*server/);
  expect(() => degraded.warm()).not.toThrow();
  expect(degraded.validateField('/wavelength', 12, base)).toEqual([
    { pointer: '/wavelength', rule: 'maximum', message: 'must be at most 10 Å' },
  ]);
});
