/**
 * The validator as a scientist meets it: one clear sentence per problem, with labels and units, on the
 * right field (row indexes included), cross-field rules naming every field involved, hidden fields
 * left alone, and validateField checking only what involves the field.
 */
import { describe, expect, test } from 'vitest';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { compileSchema } from '../../../src/schemas/validate/compileSchema';
import { createValidator } from '../../../src/schemas/validate/createValidator';

const sans = buildFieldModel({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['wavelength', 'sampleRun'],
  properties: {
    wavelength: { type: 'number', minimum: 1, maximum: 10, 'x-units': 'Å' },
    sampleThickness: {
      type: 'number',
      exclusiveMinimum: 0,
      'x-units': 'cm',
      'x-messages': { exclusiveMinimum: 'a sample has a thickness' },
    },
    sampleRun: { type: 'integer' },
    Qmin: {
      anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9.eE+-]+$' }, { type: 'null' }],
      'x-lessThan': '1/Qmax',
      'x-units': '1/Å',
    },
    Qmax: { type: ['number', 'null'], 'x-units': '1/Å', title: 'Q max' },
    binType: { type: 'string', enum: ['linear', 'log'], enumNames: ['Linear', 'Logarithmic'] },
    outputName: { type: 'string', pattern: '^[A-Za-z0-9_]+$', minLength: 1 },
    wedgeMin: { type: 'array', items: { type: 'number' }, 'x-lessThan': '1/wedgeMax', 'x-units': 'degrees' },
    wedgeMax: { type: 'array', items: { type: 'number' }, 'x-units': 'degrees' },
    useTimeSlicing: { type: 'boolean' },
    useLogSlicing: { type: 'boolean' },
    timeInterval: { type: ['number', 'null'], 'x-requires': ['1/useTimeSlicing'] },
    absoluteScale: { enum: ['none', 'standard', 'direct_beam'], default: 'none' },
    sampleTransmissionRun: {
      type: ['integer', 'null'],
      'x-requiredWhen': { pointer: '1/absoluteScale', equals: 'standard' },
    },
    scans: {
      type: 'array',
      items: {
        type: 'object',
        required: ['run'],
        properties: {
          run: { type: 'integer', minimum: 1 },
          tofMin: { type: 'number', 'x-lessThan': '1/tofMax', 'x-units': 'µs' },
          tofMax: { type: 'number', 'x-units': 'µs' },
        },
      },
    },
  },
  'x-atMostOneTrue': ['0/useTimeSlicing', '0/useLogSlicing'],
  'x-sameLength': ['0/wedgeMin', '0/wedgeMax'],
});
const v = createValidator(sans);
const base = { wavelength: 6, sampleRun: 88980, absoluteScale: 'none' };

describe('messages from JSON Schema keywords', () => {
  test('a valid request has no errors', () => {
    expect(v.validate(base)).toEqual([]);
  });
  test('limits speak with units', () => {
    expect(v.validate({ ...base, wavelength: 12 })).toEqual([
      { pointer: '/wavelength', rule: 'maximum', message: 'must be at most 10 Å' },
    ]);
    expect(v.validate({ ...base, wavelength: 0.5 })[0]?.message).toBe('must be at least 1 Å');
  });
  test('a schema x-messages replaces ours', () => {
    expect(v.validate({ ...base, sampleThickness: 0 })[0]?.message).toBe('a sample has a thickness');
  });
  test('required names the missing field by its label and points at it', () => {
    expect(v.validate({ wavelength: 6, absoluteScale: 'none' })).toEqual([
      { pointer: '/sampleRun', rule: 'required', message: 'Sample run is required' },
    ]);
  });
  test('types, enums with labels, patterns', () => {
    expect(v.validate({ ...base, sampleRun: 1.5 })[0]?.message).toBe('must be a whole number');
    expect(v.validate({ ...base, binType: 'cubic' })[0]?.message).toBe(
      'must be one of: "Linear", "Logarithmic"',
    );
    expect(v.validate({ ...base, outputName: 'a b' })[0]).toMatchObject({
      pointer: '/outputName',
      rule: 'pattern',
    });
  });
  test('a union field gives one sentence, not one per alternative', () => {
    const errors = v.validate({ ...base, Qmin: 'abc' });
    expect(errors).toEqual([{ pointer: '/Qmin', rule: 'type', message: 'must be a number' }]);
    expect(v.validate({ ...base, Qmin: null, Qmax: null })).toEqual([]);
    expect(v.validate({ ...base, Qmin: '0.01', Qmax: 0.5 })).toEqual([]);
  });
});

describe('cross-field rules', () => {
  test('lessThan names the other field with its value and units', () => {
    expect(v.validate({ ...base, Qmin: 1, Qmax: 0.5 })).toEqual([
      {
        pointer: '/Qmin',
        rule: 'lessThan',
        message: 'must be less than Q max (0.5 1/Å)',
        related: ['/Qmin', '/Qmax'],
      },
    ]);
    expect(v.validate({ ...base, Qmin: '0.7', Qmax: 0.5 })[0]?.rule).toBe('lessThan');
  });
  test('lessThan is element-wise for lists', () => {
    const errors = v.validate({ ...base, wedgeMin: [0, 100], wedgeMax: [30, 90] });
    expect(errors).toEqual([
      {
        pointer: '/wedgeMin',
        rule: 'lessThan',
        message: 'value 2 (100) must be less than Wedge max value 2 (90 degrees)',
        related: ['/wedgeMin', '/wedgeMax'],
      },
    ]);
  });
  test('sameLength', () => {
    expect(v.validate({ ...base, wedgeMin: [0, 10], wedgeMax: [30] })).toEqual([
      {
        pointer: '/wedgeMax',
        rule: 'sameLength',
        message: 'must have as many values as Wedge min (2, not 1)',
        related: ['', '/wedgeMin', '/wedgeMax'],
      },
    ]);
  });
  test('requires: a value that needs its partner', () => {
    expect(v.validate({ ...base, timeInterval: 10 })).toEqual([
      {
        pointer: '/useTimeSlicing',
        rule: 'requires',
        message: 'Use time slicing is required when Time interval is set',
        related: ['/timeInterval', '/useTimeSlicing'],
      },
    ]);
    expect(v.validate({ ...base, timeInterval: 10, useTimeSlicing: true })).toEqual([]);
  });
  test('atMostOneTrue', () => {
    const errors = v.validate({ ...base, useTimeSlicing: true, useLogSlicing: true });
    expect(errors).toEqual([
      {
        pointer: '/useLogSlicing',
        rule: 'atMostOneTrue',
        message: 'Use time slicing and Use log slicing are both on: turn one off',
        related: ['', '/useTimeSlicing', '/useLogSlicing'],
      },
    ]);
  });
  test('requiredWhen names the condition', () => {
    expect(v.validate({ ...base, absoluteScale: 'standard', sampleTransmissionRun: null })).toEqual([
      {
        pointer: '/sampleTransmissionRun',
        rule: 'requiredWhen',
        message: 'Sample transmission run is required when Absolute scale is "standard"',
        related: ['/sampleTransmissionRun', '/absoluteScale'],
      },
    ]);
    expect(v.validate({ ...base, absoluteScale: 'standard', sampleTransmissionRun: 88975 })).toEqual([]);
  });
  test('rules inside list rows report the row', () => {
    const errors = v.validate({
      ...base,
      scans: [
        { run: 1, tofMin: 10, tofMax: 20 },
        { run: 2, tofMin: 30, tofMax: 20 },
      ],
    });
    expect(errors).toEqual([
      {
        pointer: '/scans/1/tofMin',
        rule: 'lessThan',
        message: 'must be less than TOF max (20 µs)',
        related: ['/scans/1/tofMin', '/scans/1/tofMax'],
      },
    ]);
  });
  test('errors of JSON Schema keywords inside rows carry the row too', () => {
    expect(v.validate({ ...base, scans: [{ run: 1 }, { tofMin: 1 }, { run: 0 }] })).toEqual([
      { pointer: '/scans/1/run', rule: 'required', message: 'Run is required' },
      { pointer: '/scans/2/run', rule: 'minimum', message: 'must be at least 1' },
    ]);
  });
});

describe('validateField', () => {
  test('checks its own constraints and the rules that read it', () => {
    expect(v.validateField('/wavelength', 11, base)).toEqual([
      { pointer: '/wavelength', rule: 'maximum', message: 'must be at most 10 Å' },
    ]);
    expect(v.validateField('/Qmax', 0.1, { ...base, Qmin: 0.2 })).toEqual([
      {
        pointer: '/Qmin',
        rule: 'lessThan',
        message: 'must be less than Q max (0.1 1/Å)',
        related: ['/Qmin', '/Qmax'],
      },
    ]);
  });
  test('does not report problems of rules that do not read the field', () => {
    const broken = { ...base, Qmin: 1, Qmax: 0.5, useTimeSlicing: true, useLogSlicing: true };
    expect(v.validate(broken).length).toBe(2);
    expect(v.validateField('/wavelength', 6, broken)).toEqual([]);
    expect(v.validateField('/useLogSlicing', true, broken).map((e) => e.rule)).toEqual(['atMostOneTrue']);
  });
  test('uses the new value, not the one in the request', () => {
    expect(v.validateField('/Qmin', 0.1, { ...base, Qmin: 1, Qmax: 0.5 })).toEqual([]);
  });
  test('works inside rows', () => {
    expect(v.validateField('/scans/3/tofMin', 50, { scans: [{}, {}, {}, { tofMax: 40 }] })).toEqual([
      {
        pointer: '/scans/3/tofMin',
        rule: 'lessThan',
        message: 'must be less than TOF max (40 µs)',
        related: ['/scans/3/tofMin', '/scans/3/tofMax'],
      },
    ]);
  });
  test('text typed into a number field that allows text', () => {
    expect(v.validateField('/Qmin', 'abc', base)).toEqual([
      { pointer: '/Qmin', rule: 'type', message: 'must be a number' },
    ]);
    expect(v.validateField('/Qmin', '0.1', { ...base, Qmax: 0.5 })).toEqual([]);
  });
});

describe('conditions', () => {
  const model = buildFieldModel({
    type: 'object',
    properties: { binning: { enum: ['scalar', 'wedge'] } },
    if: { properties: { binning: { const: 'wedge' } }, required: ['binning'] },
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
    then: { properties: { wedgeCount: { type: 'integer', minimum: 1 } }, required: ['wedgeCount'] },
  });
  const cv = createValidator(model);
  test('a field shown by a condition is required only while the condition holds', () => {
    expect(cv.validate({ binning: 'wedge' })).toEqual([
      { pointer: '/wedgeCount', rule: 'required', message: 'Wedge count is required' },
    ]);
    expect(cv.validate({ binning: 'scalar' })).toEqual([]);
  });
  test('a hidden field is not validated, even if the form still holds a bad value', () => {
    expect(cv.validate({ binning: 'scalar', wedgeCount: 0 })).toEqual([]);
    expect(cv.validateField('/wedgeCount', 0, { binning: 'scalar' })).toEqual([]);
    expect(cv.validateField('/wedgeCount', 0, { binning: 'wedge' })[0]?.rule).toBe('minimum');
  });
});

describe('choices', () => {
  const model = buildFieldModel({
    properties: {
      scale: {
        oneOf: [
          {
            title: 'Standard',
            properties: { method: { const: 'standard' }, factor: { type: 'number', minimum: 0 } },
            required: ['method', 'factor'],
          },
          {
            title: 'Direct beam',
            properties: { method: { const: 'direct_beam' }, beamRun: { type: 'integer' } },
            required: ['method', 'beamRun'],
          },
        ],
      },
    },
  });
  const cv = createValidator(model);
  test('only the selected branch speaks', () => {
    expect(cv.validate({ scale: { method: 'standard', factor: -1 } })).toEqual([
      { pointer: '/scale/factor', rule: 'minimum', message: 'must be at least 0' },
    ]);
    expect(cv.validate({ scale: { method: 'direct_beam' } })).toEqual([
      { pointer: '/scale/beamRun', rule: 'required', message: 'Beam run is required' },
    ]);
  });
  test('an unknown discriminator value lists the branches', () => {
    expect(cv.validate({ scale: { method: 'other' } })).toEqual([
      {
        pointer: '/scale/method',
        rule: 'enum',
        message: 'must be one of: "Standard", "Direct beam"',
        related: ['/scale'],
      },
    ]);
  });
});

describe('compilation', () => {
  test('compiled once per schema and options', () => {
    expect(compileSchema(sans.schema, sans.dialect)).toBe(compileSchema(sans.schema, sans.dialect));
    expect(compileSchema(sans.schema, sans.dialect, { strict: true })).not.toBe(
      compileSchema(sans.schema, sans.dialect),
    );
  });
  test('strict mode rejects a typo but accepts our keywords', () => {
    const typo = { type: 'object', properties: { a: { type: 'number', maximun: 3, 'x-units': 'mm' } } };
    expect(() => compileSchema(typo, '2020-12', { strict: true })).toThrow(/maximun/);
    expect(() => compileSchema(typo, '2020-12')).not.toThrow();
    expect(() =>
      compileSchema({ properties: { a: { 'x-units': 'mm', 'x-lessThan': '1/b' } } }, '2020-12', {
        strict: true,
      }),
    ).not.toThrow();
  });
  test.each(['draft-07', '2019-09', '2020-12'] as const)('dialect %s', (dialect) => {
    const model = buildFieldModel({ properties: { n: { type: 'number', maximum: 1 } } }, { dialect });
    expect(createValidator(model).validate({ n: 2 })).toEqual([
      { pointer: '/n', rule: 'maximum', message: 'must be at most 1' },
    ]);
  });
  test('a pattern with catastrophic backtracking does not hang validation', () => {
    const model = buildFieldModel({ properties: { s: { type: 'string', pattern: '^(a+)+$' } } });
    const evil = `${'a'.repeat(40)}!`;
    expect(createValidator(model).validate({ s: evil })).toEqual([]);
    expect(createValidator(model).validateField('/s', evil, {})).toEqual([]);
  });
});

describe('sections and hostile keys', () => {
  test('a root of plain properties is validated section by section, with the same errors', () => {
    const schema = {
      type: 'object',
      required: ['a'],
      additionalProperties: false,
      properties: {
        a: { type: 'object', properties: { x: { type: 'number', maximum: 1 } } },
        b: { type: 'string' },
      },
    };
    const sectioned = compileSchema(schema, '2020-12');
    const whole = compileSchema({ ...schema, allOf: [{}] }, '2020-12');
    expect(sectioned.sectioned).toBe(true);
    expect(whole.sectioned).toBe(false);
    const request = { a: { x: 2 }, b: 3, c: 1 };
    const shape = (errors: { instancePath: string; keyword: string }[]) =>
      errors.map((e) => `${e.instancePath} ${e.keyword}`).sort();
    expect(shape(sectioned.validate(request))).toEqual(shape(whole.validate(request)));
    expect(shape(sectioned.validate({}))).toEqual([' required']);
  });
  test('warm compiles ahead; validation is unchanged', () => {
    const validator = createValidator(sans);
    validator.warm();
    expect(validator.validate({ ...base, wavelength: 12 })[0]?.message).toBe('must be at most 10 Å');
  });
  test('__proto__ and constructor in a request are data, not a way into prototypes', () => {
    // JSON.parse: in an object literal `__proto__:` would set the prototype instead of a property.
    const model = buildFieldModel(
      JSON.parse(
        '{"type": "object", "properties": {"__proto__": {"type": "number"}, "constructor": {"type": "string"}}}',
      ),
    );
    expect(model.byPointer.get('/__proto__')?.label).toBe('Proto');
    const request = JSON.parse('{"__proto__": "text", "constructor": 5}');
    const errors = createValidator(model).validate(request);
    expect(errors.map((e) => [e.pointer, e.rule])).toEqual([
      ['/__proto__', 'type'],
      ['/constructor', 'type'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
