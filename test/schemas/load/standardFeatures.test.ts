/**
 * Schemas written with any standard feature load, validate exactly and still make a form (what the form
 * cannot show as inputs is a JSON field with an info saying so): embedded resources and their base URIs,
 * $anchor, dynamic references, meta-schema $refs served from ajv's copies (nothing fetched), boolean
 * schemas at the root, an empty enum. Each of these was refused, crashed or misjudged before.
 */
import { describe, expect, test } from 'vitest';
import { loadSchema } from '../../../src/schemas/load/loadSchema';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { createValidator } from '../../../src/schemas/validate/createValidator';

/** A reader that fails the test if anything is read: every schema here is self-contained. */
const noReads = async (url: string): Promise<string> => {
  throw new Error(`nothing may be read, asked for ${url}`);
};

async function pipeline(schema: unknown) {
  const loaded = await loadSchema(schema as object, { read: noReads });
  const model = buildFieldModel(loaded);
  const validator = createValidator(model);
  return { loaded, model, valid: (data: unknown) => validator.validate(data).length === 0, validator };
}

describe('schemas are never refused for a standard feature', () => {
  test('an embedded resource ($id in $defs) is found by its URI, and its own refs by its base', async () => {
    const { valid, model } = await pipeline({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://facility.example/schemas/sans.json',
      type: 'object',
      properties: { detector: { $ref: 'detector.json' } },
      $defs: {
        detector: {
          $id: 'detector.json',
          type: 'object',
          properties: { distance: { $ref: '#/$defs/metres' } },
          $defs: { metres: { type: 'number', minimum: 1 } },
        },
      },
    });
    expect(valid({ detector: { distance: 4 } })).toBe(true);
    expect(valid({ detector: { distance: 0.5 } })).toBe(false);
    expect(model.byPointer.get('/detector/distance')?.type).toBe('field');
  });

  test('$anchor and draft-07 "$id": "#name" are $ref targets', async () => {
    const modern = await pipeline({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      properties: { angle: { $ref: '#angle' } },
      $defs: { a: { $anchor: 'angle', type: 'number', maximum: 360 } },
    });
    expect(modern.valid({ angle: 400 })).toBe(false);
    expect(modern.valid({ angle: 40 })).toBe(true);
    const draft07 = await pipeline({
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: { angle: { $ref: '#angle' } },
      definitions: { a: { $id: '#angle', type: 'number', maximum: 360 } },
    });
    expect(draft07.valid({ angle: 400 })).toBe(false);
  });

  test('a $ref to the dialect meta-schema validates a schema, read from nowhere', async () => {
    for (const $schema of [
      'http://json-schema.org/draft-07/schema#',
      'https://json-schema.org/draft/2020-12/schema',
    ]) {
      const { valid, model } = await pipeline({
        $schema,
        type: 'object',
        properties: { userSchema: { $ref: $schema } },
      });
      expect(valid({ userSchema: { type: 'number' } })).toBe(true);
      expect(valid({ userSchema: { type: 12 } })).toBe(false);
      expect(model.byPointer.get('/userSchema')).toMatchObject({ kind: 'json' });
      expect(model.diagnostics).toContainEqual(
        expect.objectContaining({ severity: 'info', rule: 'edited-as-json' }),
      );
    }
  });

  test('the draft-07 meta-schema from a 2020-12 schema is bundled from ajv, not fetched', async () => {
    const { valid } = await pipeline({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      properties: { legacy: { $ref: 'http://json-schema.org/draft-07/schema#' } },
    });
    expect(valid({ legacy: { minimum: 'zero' } })).toBe(false);
    expect(valid({ legacy: { minimum: 0 } })).toBe(true);
  });

  test('boolean schemas: a root true is a form of one JSON field, false accepts nothing', async () => {
    const anything = await pipeline(true);
    expect(anything.model.fields).toHaveLength(1);
    expect(anything.model.fields[0]?.kind).toBe('json');
    expect(anything.valid({ any: ['thing'] })).toBe(true);
    const nothing = await pipeline(false);
    expect(nothing.valid({})).toBe(false);
    expect(nothing.valid(1)).toBe(false);
  });

  test('$dynamicRef resolves through the dynamic scope: an extended tree refuses misspelled keys', async () => {
    const { valid, model } = await pipeline({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://facility.example/strict-tree',
      $dynamicAnchor: 'node',
      $ref: 'tree',
      unevaluatedProperties: false,
      $defs: {
        tree: {
          $id: 'tree',
          $dynamicAnchor: 'node',
          type: 'object',
          properties: {
            value: { type: 'number' },
            children: { type: 'array', items: { $dynamicRef: '#node' } },
          },
        },
      },
    });
    expect(valid({ value: 1, children: [{ value: 2, children: [] }] })).toBe(true);
    // Only the dynamic scope (the strict root, not the plain tree) refuses a misspelled key deep down.
    expect(valid({ value: 1, children: [{ valeu: 2 }] })).toBe(false);
    expect(model.byPointer.get('/children/*')).toMatchObject({ kind: 'json' });
  });

  test('an empty enum allows nothing, with a warning, instead of stopping the validator', async () => {
    const { valid, loaded } = await pipeline({ properties: { mode: { enum: [] } } });
    expect(valid({ mode: 'a' })).toBe(false);
    expect(valid({})).toBe(true);
    expect(loaded.diagnostics).toContainEqual(expect.objectContaining({ rule: 'empty-enum' }));
  });
});

describe('what ajv refuses is always reported', () => {
  test('a value matching two oneOf options gets one message', async () => {
    const { validator } = await pipeline({
      properties: { step: { oneOf: [{ type: 'integer' }, { minimum: 2 }] } },
    });
    expect(validator.validate({ step: 3 })).toEqual([
      { pointer: '/step', rule: 'oneOf', message: expect.stringContaining('more than one of the options') },
    ]);
    expect(validator.validate({ step: 1 })).toEqual([]);
  });

  test('required names that Object.prototype has are still required', async () => {
    const { valid } = await pipeline({ required: ['constructor', 'toString'] });
    expect(valid({})).toBe(false);
    expect(valid({ constructor: 1, toString: 2 })).toBe(true);
  });
});
