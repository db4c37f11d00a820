/**
 * Open tuples in the model (issue 25): draft-07 `items: [...]` with `additionalItems`, 2020-12
 * `prefixItems` with `items`. The positions stay one node each; the items after them are `rest`, a
 * list at the tuple's pointer whose rows start at the array index after the positions, with the rest
 * schema's node, limits counted over the whole array, defaults, and pointers that land on rest rows.
 */
import { describe, expect, test } from 'vitest';
import {
  buildFieldModel,
  createValidator,
  defaultsOf,
  type GroupNode,
  unknownKeysIn,
} from '../../../src/schemas/index';
import { templateOf } from '../../../src/schemas/validate/modelIndex';

const draft07 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    scan: {
      title: 'Scan',
      type: 'array',
      items: [
        { title: 'Detector', type: 'string', enum: ['main', 'wing'], default: 'main' },
        { title: 'Distance', type: 'number', default: 4, 'x-units': 'm' },
      ],
      additionalItems: { title: 'Run', type: 'integer', minimum: 1, default: 12345 },
      minItems: 3,
      maxItems: 5,
    },
  },
};

const modern = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    window: {
      type: 'array',
      prefixItems: [{ type: 'number', default: 0.5 }],
      items: {
        type: 'object',
        properties: { run: { type: 'integer' }, weight: { type: ['number', 'null'], default: 1 } },
      },
    },
    anything: { type: 'array', prefixItems: [{ type: 'string' }], items: true },
    closed: { type: 'array', prefixItems: [{ type: 'string' }], items: false },
  },
};

const tupleAt = (schema: object, pointer: string) =>
  buildFieldModel(schema).byPointer.get(pointer) as GroupNode;

describe('the rest of an open tuple', () => {
  test('is a list at the tuple pointer, after the positions, of the rest schema, with limits less the positions', () => {
    const scan = tupleAt(draft07, '/scan');
    expect(scan).toMatchObject({ type: 'group', tuple: true });
    expect(scan.children.map((c) => c.label)).toEqual(['Detector', 'Distance']);
    expect(scan.rest).toMatchObject({
      type: 'list',
      pointer: '/scan',
      firstIndex: 2,
      minItems: 1,
      maxItems: 3,
      label: 'Run',
      item: { type: 'field', kind: 'integer', pointer: '/scan/*', minimum: 1, default: 12345 },
    });
    const model = buildFieldModel(draft07);
    expect(model.byPointer.get('/scan/*')).toEqual(scan.rest?.item);
    // No "edited as JSON" note: the rest is edited as rows now.
    expect(model.diagnostics.filter((d) => d.rule === 'edited-as-json')).toEqual([]);
  });

  test('2020-12: items after prefixItems; rows of objects; true is any JSON a row; false is no rest', () => {
    const window = tupleAt(modern, '/window');
    expect(window.rest?.firstIndex).toBe(1);
    expect(window.rest?.item).toMatchObject({ type: 'group', pointer: '/window/*' });
    expect(tupleAt(modern, '/anything').rest?.item).toMatchObject({ type: 'field', kind: 'json' });
    expect(tupleAt(modern, '/closed').rest).toBeUndefined();
  });

  test('defaultsOf fills every position, then minItems rest items of the rest default', () => {
    expect(defaultsOf(buildFieldModel(draft07))).toEqual({ scan: ['main', 4, 12345] });
    expect(defaultsOf(buildFieldModel(modern))).toEqual({ window: [0.5] });
  });

  test('pointers past the positions are rest rows; those before are positions', () => {
    const model = buildFieldModel(modern);
    expect(templateOf(model, '/window/0')).toBe('/window/0');
    expect(templateOf(model, '/window/3/weight')).toBe('/window/*/weight');
  });

  test('the validator puts a rest item error on that item, counted over the whole array', () => {
    const validator = createValidator(buildFieldModel(draft07));
    const errors = validator.validate({ scan: ['main', 4, 12345, 0] });
    expect(errors.map((e) => [e.pointer, e.rule])).toEqual([['/scan/3', 'minimum']]);
    expect(validator.validate({ scan: ['main', 4, 1, 2, 3, 4] }).map((e) => e.rule)).toEqual(['maxItems']);
    const request = { scan: ['main', 4, 12345, 0] };
    expect(validator.validateField('/scan/3', 0, request).map((e) => [e.pointer, e.rule])).toEqual([
      ['/scan/3', 'minimum'],
    ]);
  });

  test('items past the positions are not unknown keys of an open tuple, but are of a closed one', () => {
    const model = buildFieldModel(modern);
    const request = { window: [0.5, { run: 1 }], anything: ['a', 1, [2]], closed: ['a', 'b'] };
    expect(unknownKeysIn(model.root, request)).toEqual([{ pointer: '/closed/1', value: 'b' }]);
  });
});
