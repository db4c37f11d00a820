/**
 * A section's row estimate (sectionsOf's rowCount) sizes it before it is first rendered, so it must
 * count what the form shows at first: the default branch, the default rows, advanced fields folded.
 */
import { expect, test } from 'vitest';
import { sectionsOf } from '../../src/forms/layout/sectionsOf';
import { buildFieldModel } from '../../src/schemas';

const fields = (n: number, extra: object = {}) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`f${i}`, { type: 'number', default: i, ...extra }]),
  );

function rowsOf(schema: object): Record<string, number> {
  const model = buildFieldModel({ type: 'object', properties: schema });
  return Object.fromEntries(sectionsOf(model).map((s) => [s.title, s.rowCount]));
}

test('a choice counts its default branch and its selector, not its largest branch', () => {
  const rows = rowsOf({
    absorption: {
      oneOf: [
        { title: 'none', type: 'object', properties: { kind: { const: 'none' } } },
        { title: 'full', type: 'object', properties: { kind: { const: 'full' }, ...fields(10) } },
      ],
      default: { kind: 'none' },
    },
  });
  expect(rows.Absorption).toBe(1 + 1);
});

test('a list counts its default rows: one row each in a table, its fields each in cards', () => {
  const rows = rowsOf({
    samples: { type: 'array', items: { type: 'object', properties: fields(2) }, default: [{}, {}, {}, {}] },
    detectors: {
      type: 'array',
      items: { type: 'object', properties: fields(6) },
      default: [{}, {}],
    },
    empty: { type: 'array', items: { type: 'object', properties: fields(2) }, minItems: 1 },
  });
  expect(rows.Samples).toBe(1 + 4);
  expect(rows.Detectors).toBe(1 + 2 * 6);
  expect(rows.Empty).toBe(1 + 1);
});

test('advanced fields fold into one row, unless the section is advanced itself', () => {
  const rows = rowsOf({
    binning: {
      type: 'object',
      properties: { ...fields(3), tweak: { type: 'object', properties: fields(8, { 'x-advanced': true }) } },
    },
    expert: { type: 'object', 'x-advanced': true, properties: fields(5, { 'x-advanced': true }) },
  });
  expect(rows.Binning).toBe(3 + 1 + 1);
  expect(rows.Expert).toBe(5);
});
