/**
 * The "good" side of each rule in docs/authoring.md really is good: the rule stays quiet on it. Guards
 * against false positives on the patterns authors are told to use.
 */
import { describe, expect, test } from 'vitest';
import { lintFile } from './lintTestKit';

const draft = 'https://json-schema.org/draft/2020-12/schema';
const good: Record<string, Record<string, unknown>> = {
  'unknown-keyword': { type: 'object', properties: { t: { type: 'number', 'x-units': 'cm', default: 1 } } },
  'default-invalid': {
    type: 'object',
    properties: {
      n: { type: 'integer', maximum: 1000, default: 100 },
      value: {
        anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9.]+$' }, { type: 'null' }],
        default: '0.1',
      },
      runs: { type: 'array', items: { type: 'integer', minimum: 1 }, default: [1, 2] },
    },
  },
  'advanced-no-default': {
    type: 'object',
    properties: {
      a: { type: 'number', 'x-units': 'mm', 'x-advanced': true, default: 0.0055 },
      b: { type: ['number', 'null'], 'x-units': 'mm', 'x-advanced': true },
    },
  },
  'rule-target': {
    type: 'object',
    properties: {
      Qmin: { type: 'number', 'x-units': '1/Å', default: 0.01, 'x-lessThan': '1/Qmax' },
      Qmax: { type: 'number', 'x-units': '1/Å', default: 0.5 },
      useTimeSlice: { type: 'boolean', default: false },
      useLogSlice: { type: 'boolean', default: false },
      mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
      extra: {
        type: ['number', 'null'],
        default: null,
        'x-requiredWhen': { pointer: '1/mode', equals: 'b' },
      },
    },
    'x-atMostOneTrue': ['0/useTimeSlice', '0/useLogSlice'],
  },
  'missing-units': {
    type: 'object',
    properties: {
      numberOfBins: { type: 'integer', default: 10 },
      scaleFactor: { type: 'number', default: 1 },
      dQOverQ: { type: 'number', default: 0.02 },
      peakWidth: { type: 'number', default: 0.25, description: 'As a fraction of the FWHM.' },
    },
  },
  'unit-mismatch': {
    type: 'object',
    properties: {
      sampleThickness_mm: { type: 'number', 'x-units': 'mm', default: 1 },
      wavelength_Ang: { type: 'number', 'x-units': 'Å', default: 6 },
      tofMin_us: { type: 'number', 'x-units': 'µs', default: 0 },
      sampleThickness: { type: 'number', 'x-units': 'cm', default: 0.1 },
    },
  },
  'unsafe-pattern': {
    type: 'object',
    properties: { r: { type: 'string', pattern: '^[0-9]+(?:,[0-9]+)*$' } },
  },
  'ambiguous-oneof': {
    type: 'object',
    properties: {
      scale: {
        oneOf: [
          {
            type: 'object',
            properties: { method: { const: 'standard' }, run: { type: 'integer' } },
            required: ['method'],
          },
          {
            type: 'object',
            properties: { method: { const: 'directBeam' }, run: { type: 'integer' } },
            required: ['method'],
          },
        ],
      },
      value: { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'null' }] },
    },
  },
  'impossible-condition': {
    type: 'object',
    properties: {
      binning: { type: 'string', enum: ['linear', 'log'], default: 'linear' },
      perDecade: { type: ['integer', 'null'] },
    },
    allOf: [
      {
        if: { properties: { binning: { const: 'log' } }, required: ['binning'] },
        // biome-ignore lint/suspicious/noThenProperty: a JSON Schema if/then, not a promise
        then: { required: ['perDecade'] },
      },
    ],
    dependentRequired: { perDecade: ['binning'] },
  },
  'example-invalid': {
    type: 'object',
    properties: { t: { type: 'number', 'x-units': 'cm', exclusiveMinimum: 0, default: 0.1 } },
    examples: [{ t: 0.1 }],
  },
};

describe('rules stay quiet on the documented good forms', () => {
  for (const [rule, schema] of Object.entries(good)) {
    test(rule, async () => {
      const found = await lintFile({ $schema: draft, ...schema });
      expect(found.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
    });
  }
});
