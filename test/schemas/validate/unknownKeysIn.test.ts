/**
 * unknownKeysIn names the keys of a request the schema has no field for: in objects, list rows and
 * the selected branch of a choice, never inside a field's own value (a free JSON field is the
 * scientist's to fill).
 */
import { expect, test } from 'vitest';
import { buildFieldModel, loadSchema, unknownKeysIn } from '../../../src/schemas/index';

test('the documented example, and keys in rows, in the selected branch, but not inside a field', async () => {
  const model = buildFieldModel(
    await loadSchema({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        Qmin: { type: 'number' },
        Qmax: { type: 'number' },
        scans: { type: 'array', items: { type: 'object', properties: { run: { type: 'string' } } } },
        job: {
          oneOf: [
            { type: 'object', properties: { mode: { const: 'average' }, weighting: { type: 'string' } } },
            { type: 'object', properties: { mode: { const: 'separate' }, prefix: { type: 'string' } } },
          ],
        },
        extra: { type: 'object' },
      },
    }),
  );
  expect(unknownKeysIn(model.root, { Qmin: 0, Qmx: 1 })).toEqual([{ pointer: '/Qmx', value: 1 }]);
  const request = {
    scans: [{ run: '1' }, { run: '2', rnu: '3' }],
    job: { mode: 'separate', prefix: 'a', weighting: 'equal' },
    extra: { anything: { goes: true } },
    'a/b': 2,
  };
  expect(unknownKeysIn(model.root, request)).toEqual([
    { pointer: '/scans/1/rnu', value: '3' },
    { pointer: '/job/weighting', value: 'equal' },
    { pointer: '/a~1b', value: 2 },
  ]);
});
