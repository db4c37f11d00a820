/**
 * Moving an open form (or a restored draft) onto an instrument's new defaults: defaultShifts finds
 * exactly the fields whose starting value moved (nested fields and list-valued fields included,
 * fields inside list rows never), and mergeNewDefaults gives untouched fields the new default, keeps
 * every changed value and every text that is not a value yet, and never edits its input.
 */
import { expect, test } from 'vitest';
import { defaultShifts } from '../../src/app/defaults/defaultShifts';
import { overlayDefaults } from '../../src/app/defaults/index';
import { mergeNewDefaults } from '../../src/app/defaults/mergeNewDefaults';
import { buildFieldModel, defaultsOf, type JsonValue } from '../../src/schemas/index';

const model = buildFieldModel({
  type: 'object',
  properties: {
    wavelength: { type: 'number', default: 2.5 },
    sampleName: { type: 'string', default: '' },
    beamCenter: {
      type: 'object',
      properties: {
        comRadius: { type: 'number', default: 50 },
        method: { type: 'string', enum: ['center_of_mass', 'gaussian'], default: 'center_of_mass' },
      },
    },
    wedgeAngles: { type: 'array', items: { type: 'number' }, default: [-30, 60] },
    thickness: { type: ['number', 'null'] },
    scans: {
      type: 'array',
      items: { type: 'object', properties: { run: { type: 'integer', default: 1 } } },
    },
  },
});

// biome-ignore lint/suspicious/noExplicitAny: test values are reached into freely
type Values = Record<string, any>;

const override = (pointer: string, value: unknown) => ({
  pointer,
  label: pointer,
  value,
  changedBy: 'carol',
  changedAt: '2026-12-07T12:00:00Z',
});

const morning = overlayDefaults(model, [override('/beamCenter/method', 'gaussian')]);
const noon = overlayDefaults(model, [
  override('/wavelength', 2.6),
  override('/beamCenter/comRadius', 60),
  override('/wedgeAngles', [-45, 45]),
  override('/thickness', 0.1),
]);

test('defaultShifts lists the fields whose default moved, nested and list-valued ones included', () => {
  const shifts = defaultShifts(morning, noon);
  expect(shifts.map((s) => [s.pointer, s.oldValue, s.newValue])).toEqual([
    ['/wavelength', 2.5, 2.6],
    ['/beamCenter/comRadius', 50, 60],
    // The morning's staff default went back to the schema's.
    ['/beamCenter/method', 'gaussian', 'center_of_mass'],
    ['/wedgeAngles', [-30, 60], [-45, 45]],
    // A nullable field without a default starts null.
    ['/thickness', null, 0.1],
  ]);
  expect(shifts[0]!.label).toBe('Wavelength');
  expect(defaultShifts(noon, noon)).toEqual([]);
});

test('untouched fields take the new default, touched ones keep their value and are listed', () => {
  const start = defaultsOf(morning, { includeHidden: true }) as Record<string, JsonValue>;
  const values = structuredClone(start) as Values;
  values.sampleName = 'lysozyme 5 mg/ml';
  values.beamCenter.comRadius = 75; // typed: kept
  values.wedgeAngles = [-30, 60]; // still the old default: takes the new one
  values.scans = [{ run: 88980 }];
  const before = structuredClone(values);
  const merged = mergeNewDefaults(values, undefined, defaultShifts(morning, noon));
  expect(merged.values).toEqual({
    ...before,
    wavelength: 2.6,
    beamCenter: { comRadius: 75, method: 'center_of_mass' },
    wedgeAngles: [-45, 45],
    thickness: 0.1,
  });
  expect(merged.taken.map((s) => s.pointer)).toEqual([
    '/wavelength',
    '/beamCenter/method',
    '/wedgeAngles',
    '/thickness',
  ]);
  expect(merged.kept.map((s) => s.pointer)).toEqual(['/beamCenter/comRadius']);
  expect(values).toEqual(before);
});

test('a list-valued field changed in one element is kept whole; a text that is not a value is kept', () => {
  const values = structuredClone(defaultsOf(morning, { includeHidden: true })) as Values;
  values.wedgeAngles = [-30, 61];
  const merged = mergeNewDefaults(
    values,
    { '/wavelength': { text: '2,7', message: 'not a number' } },
    defaultShifts(morning, noon),
  );
  const out = merged.values as Values;
  expect(out.wedgeAngles).toEqual([-30, 61]);
  expect(out.wavelength).toBe(2.5);
  expect(merged.kept.map((s) => s.pointer)).toEqual(['/wavelength', '/wedgeAngles']);
});

test('a value already equal to the new default is neither taken nor kept; absent fields take it', () => {
  const values = { wavelength: 2.6, beamCenter: {} } as JsonValue;
  const merged = mergeNewDefaults(values, undefined, defaultShifts(morning, noon));
  expect(merged.values).toEqual({
    wavelength: 2.6,
    beamCenter: { comRadius: 60, method: 'center_of_mass' },
    wedgeAngles: [-45, 45],
    thickness: 0.1,
  });
  expect(merged.taken.map((s) => s.pointer)).not.toContain('/wavelength');
  expect(merged.kept).toEqual([]);
});

test('an unset nullable group stays unset; an empty form (no values) takes everything from the model', () => {
  const nullable = buildFieldModel({
    type: 'object',
    properties: { tof: { type: ['object', 'null'], properties: { cut: { type: 'number', default: 0 } } } },
  });
  const later = overlayDefaults(nullable, [override('/tof/cut', 500)]);
  const merged = mergeNewDefaults({ tof: null }, undefined, defaultShifts(nullable, later));
  expect(merged.values).toEqual({ tof: null });
  expect(mergeNewDefaults(undefined, undefined, defaultShifts(nullable, later)).values).toBeUndefined();
});

test('the branches of a choice, each with its own const at one pointer, are not a change of default', () => {
  const choice = buildFieldModel({
    type: 'object',
    properties: {
      job: {
        oneOf: [
          {
            type: 'object',
            properties: { mode: { const: 'average', default: 'average' }, n: { type: 'number', default: 1 } },
          },
          { type: 'object', properties: { mode: { const: 'each_scan' }, m: { type: 'number', default: 2 } } },
        ],
      },
    },
  });
  const later = overlayDefaults(choice, [override('/job/n', 3)]);
  expect(defaultShifts(choice, later).map((s) => s.pointer)).toEqual(['/job/n']);
});
