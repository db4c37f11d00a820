/**
 * carryValues: what the author typed survives a reload of the schema where its field still exists; a
 * default changed in the schema shows (untouched values are not carried); what has no place is reported.
 */
import { describe, expect, test } from 'vitest';
import { carryValues } from '../../src/preview/carryValues';
import { buildFieldModel, defaultsOf } from '../../src/schemas/index';

const before = buildFieldModel({
  type: 'object',
  properties: {
    ipts: { type: ['string', 'null'], default: null },
    thickness: { type: 'number', default: 0.1 },
    mode: { type: 'string', enum: ['average', 'each'], default: 'average' },
    note: { type: 'string', default: '' },
    sample: {
      type: 'object',
      properties: {
        name: { type: 'string', default: '' },
        runs: { type: 'array', items: { type: 'integer' }, default: [] },
      },
    },
  },
});

describe('carryValues', () => {
  test('a typed value whose field still exists is kept, under its renamed title too', () => {
    const after = buildFieldModel({
      type: 'object',
      properties: {
        ipts: { type: ['string', 'null'], title: 'Proposal', default: null },
        thickness: { type: 'number', default: 0.1 },
        mode: { type: 'string', enum: ['average', 'each'], default: 'average' },
        note: { type: 'string', default: '' },
        sample: {
          type: 'object',
          properties: {
            name: { type: 'string', default: '' },
            runs: { type: 'array', items: { type: 'integer' }, default: [] },
          },
        },
        added: { type: 'number', default: 3 },
      },
    });
    const typed = {
      ...(defaultsOf(before) as Record<string, unknown>),
      ipts: 'IPTS-1',
      sample: { name: 'Si', runs: [5, 6] },
    };
    const carried = carryValues(typed, before, after);
    expect(carried.formData).toEqual({ ipts: 'IPTS-1', sample: { name: 'Si', runs: [5, 6] } });
    expect(carried.notApplied).toEqual([]);
  });

  test('a value left at its default is not carried, so a new default in the schema shows', () => {
    const after = buildFieldModel({
      type: 'object',
      properties: {
        thickness: { type: 'number', default: 0.2 },
        ipts: { type: ['string', 'null'], default: null },
      },
    });
    const carried = carryValues(
      { ...(defaultsOf(before) as Record<string, unknown>), ipts: 'IPTS-2' },
      before,
      after,
    );
    expect(carried.formData).toEqual({ ipts: 'IPTS-2' });
  });

  test('a typed value whose field is gone, or no longer fits, is reported with its reason, never dropped silently', () => {
    const after = buildFieldModel({
      type: 'object',
      properties: {
        mode: { type: 'string', enum: ['sum', 'each'], default: 'sum' },
        thickness: { type: 'boolean', default: false },
      },
    });
    const typed = {
      ...(defaultsOf(before) as Record<string, unknown>),
      note: 'keep me',
      mode: 'average',
      thickness: 0.5,
    };
    // mode was left at its default: not typed, so not carried and not reported.
    const carried = carryValues(typed, before, after);
    expect(carried.formData).toEqual({});
    expect(carried.notApplied.map((v) => [v.pointer, v.value, v.reason])).toEqual([
      ['/thickness', 0.5, 'field is now yes/no'],
      ['/note', 'keep me', 'field no longer exists'],
    ]);
  });
});
