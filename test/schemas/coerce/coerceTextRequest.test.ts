/**
 * Requests typed as text, read as the widgets read typed text: numbers, integers, booleans, number and
 * run lists, "" for unset; each conversion and each refusal reported by field. The converted request
 * then validates; a text that does not parse is kept and named, never guessed.
 */
import { describe, expect, test } from 'vitest';
import { coerceTextRequest } from '../../../src/schemas/coerce/coerceTextRequest';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { createValidator } from '../../../src/schemas/validate/createValidator';

const model = buildFieldModel({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['wavelength'],
  properties: {
    wavelength: { type: 'number', 'x-units': 'Å' },
    bins: { type: 'integer' },
    useMonitor: { type: 'boolean' },
    comment: { type: ['string', 'null'] },
    sampleName: { type: 'string' },
    background: { type: ['number', 'null'] },
    thickness: { type: 'number' },
    runs: { type: 'array', items: { type: 'integer' }, 'x-input': 'run-list' },
    wedgeAngle: {
      anyOf: [
        { type: 'number', minimum: -90, maximum: 270 },
        { type: 'array', items: { type: 'number', minimum: -90, maximum: 270 } },
        { type: 'null' },
      ],
    },
    scans: { type: 'array', items: { type: 'object', properties: { run: { type: 'integer' } } } },
  },
});

describe('coerceTextRequest', () => {
  test('converts text where the schema wants a typed value, and reports each field', () => {
    const typed = {
      wavelength: '6',
      bins: '12',
      useMonitor: 'true',
      comment: 'kept as text',
      sampleName: '42',
      background: '',
      thickness: '',
      runs: '1-3, 7',
      wedgeAngle: '-30, 60',
      scans: [{ run: '101' }, { run: 102 }],
    };
    const before = JSON.stringify(typed);
    const { request, converted, refused } = coerceTextRequest(model, typed);
    expect(request).toEqual({
      wavelength: 6,
      bins: 12,
      useMonitor: true,
      comment: 'kept as text',
      sampleName: '42',
      background: null,
      runs: [1, 2, 3, 7],
      wedgeAngle: [-30, 60],
      scans: [{ run: 101 }, { run: 102 }],
    });
    expect(JSON.stringify(typed)).toBe(before);
    expect(converted.map((c) => c.pointer).sort()).toEqual(
      [
        '/background',
        '/bins',
        '/runs',
        '/scans/0/run',
        '/thickness',
        '/useMonitor',
        '/wavelength',
        '/wedgeAngle',
      ].sort(),
    );
    expect(converted).toContainEqual({ pointer: '/thickness', from: '', to: undefined });
    expect(refused).toEqual([]);
    expect(createValidator(model).validate(request)).toEqual([]);
  });

  test('a single number stays one number where the union takes one', () => {
    expect(coerceTextRequest(model, { wavelength: 1, wedgeAngle: '45' }).request).toEqual({
      wavelength: 1,
      wedgeAngle: 45,
    });
  });

  test('text that is not a value is kept and named, field by field', () => {
    const { request, refused } = coerceTextRequest(model, {
      wavelength: '1,5',
      bins: '2.5',
      useMonitor: 'yes',
    });
    expect(request).toEqual({ wavelength: '1,5', bins: '2.5', useMonitor: 'yes' });
    expect(refused.map((r) => r.pointer).sort()).toEqual(['/bins', '/useMonitor', '/wavelength']);
    expect(refused.find((r) => r.pointer === '/useMonitor')?.message).toBe("'yes' is not true or false");
    expect(createValidator(model).validate(request).length).toBeGreaterThan(0);
  });

  test('"" stays "" where the schema takes text: a text field, nullable or not, an enum, a JSON field', () => {
    // Found wiring the import through it: "" in a text field was dropped (or made null) as "unset",
    // so an exported request with an empty comment did not import as itself.
    const texts = buildFieldModel({
      type: 'object',
      properties: {
        name: { type: 'string' },
        comment: { type: ['string', 'null'] },
        mode: { enum: ['', 'fast'] },
        extra: {},
        thickness: { type: ['number', 'null'] },
      },
    });
    const { request, converted } = coerceTextRequest(texts, {
      name: '',
      comment: '',
      mode: '',
      extra: '',
      thickness: '',
    });
    expect(request).toEqual({ name: '', comment: '', mode: '', extra: '', thickness: null });
    expect(converted).toEqual([{ pointer: '/thickness', from: '', to: null }]);
  });

  test('copy "whenConverted": a typed request is read in place; a converted one is copied, the input unchanged', () => {
    const typed = { wavelength: 6, bins: 12, scans: [{ run: 101 }] };
    const asIs = coerceTextRequest(model, typed, { copy: 'whenConverted' });
    expect(asIs.request).toBe(typed);
    expect(asIs.converted).toEqual([]);
    // The default still hands back a copy the caller may change (the form's import does).
    expect(coerceTextRequest(model, typed).request).not.toBe(typed);
    expect(coerceTextRequest(model, typed).request).toEqual(typed);

    const text = { wavelength: 6, scans: [{ run: 101 }, { run: '102' }], comment: 'x' };
    const before = JSON.stringify(text);
    const read = coerceTextRequest(model, text, { copy: 'whenConverted' });
    expect(read.request).not.toBe(text);
    expect(read.request).toEqual({ wavelength: 6, scans: [{ run: 101 }, { run: 102 }], comment: 'x' });
    expect(read.converted).toEqual([{ pointer: '/scans/1/run', from: '102', to: 102 }]);
    expect(JSON.stringify(text)).toBe(before);
  });
});
