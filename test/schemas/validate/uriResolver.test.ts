/**
 * Our ajv uriResolver (RFC 3986) against ajv's default (fast-uri) on the ids and refs schemas write,
 * and ajv itself resolving $id / $ref / $anchor / $dynamicRef through it for draft-07 and 2020-12.
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import fastUri from 'ajv/dist/runtime/uri';
import { describe, expect, test } from 'vitest';
import { compileSchema } from '../../../src/schemas/validate/compileSchema';
import { parseUri, resolveUri, serializeUri, uriResolver } from '../../../src/schemas/validate/uriResolver';

const uris = [
  '',
  '#',
  '#/definitions/a',
  '#/definitions/a b',
  '#/definitions/é',
  '#/x%25y',
  '#/a%2Fb',
  '#/properties/~1path~0',
  '#anchor',
  'common.json',
  'common.json#/definitions/runList',
  'formulary-1',
  'formulary-1#/properties/a',
  '/a/b.json',
  'http://x.org/s.json',
  'HTTP://Example.COM:80/a/b/../c?q#frag%20x',
  'https://x.org:443/a',
  'http://u:p@X.org:8080/a',
  'http://x.org/%7e%41',
  'http://x.org/a%2fb',
  'http://x.org/é/a',
  'https://x.org/a b',
  'http://x.org',
  'urn:example:instrument:eqsans',
  'file:///C:/x/y.json',
  'https://facility.example/schemas/2024/eqsans.schema.json#/$defs/sample',
];

describe('uriResolver matches fast-uri on what schemas write', () => {
  test.each(uris)('parse and serialize %j', (uri) => {
    expect(serializeUri(parseUri(uri))).toBe(fastUri.serialize(fastUri.parse(uri)));
    expect(parseUri(uri).fragment).toBe(fastUri.parse(uri).fragment);
  });

  const pairs: [string, string][] = [
    ['', '#/a'],
    ['', 'common.json'],
    ['', ''],
    ['http://x.org/a/b.json', 'c.json#/d'],
    ['http://x.org/a/b.json', '../c.json'],
    ['http://x.org/a/b.json', './sub/c.json'],
    ['http://x.org/a/b.json', '/root.json'],
    ['http://x.org/a/b.json', '#/definitions/x'],
    ['http://x.org/a/b.json#/x', '#/y'],
    ['http://x.org/a', ''],
    ['http://x.org/a?q', '?r'],
    ['http://x.org/a/b', '.'],
    ['http://x.org/a', '//y.org/b'],
    ['HTTP://X.ORG/a', 'HTTP://Y.ORG/B'],
    ['formulary-1', '#/x'],
    ['a/b.json', 'c.json'],
    ['urn:a:b', '#foo'],
    ['urn:example:x', 'urn:example:y#/a'],
    ['tag:x,2020:a', 'b'],
    ['https://facility.example/schemas/eqsans.json', 'common.json#/definitions/run list'],
  ];
  test.each(pairs)('resolve(%j, %j)', (base, ref) => {
    expect(resolveUri(base, ref)).toBe(fastUri.resolve(base, ref));
  });
});

const schemaWithIds = {
  $id: 'https://facility.example/schemas/eqsans.json',
  type: 'object',
  properties: {
    sample: { $ref: 'parts/sample.json' },
    run: { $ref: '#/definitions/run' },
    label: { $ref: '#label' },
  },
  definitions: {
    sample: {
      $id: 'parts/sample.json',
      type: 'object',
      properties: { thickness: { $ref: '../units.json#/definitions/length' } },
      required: ['thickness'],
    },
    units: { $id: 'units.json', definitions: { length: { type: 'number', minimum: 0 } } },
    run: { type: 'integer', minimum: 1 },
    label: { $anchor: 'label', type: 'string', maxLength: 3 },
  },
};

describe('ajv resolves ids and refs through uriResolver', () => {
  test('draft-07: nested relative $id and a ref climbing out of it', () => {
    const ajv = new Ajv({ uriResolver, allErrors: true, strict: false });
    const validate = ajv.compile({
      ...schemaWithIds,
      properties: { ...schemaWithIds.properties, label: {} },
    });
    expect(validate({ sample: { thickness: 2 }, run: 3 })).toBe(true);
    expect(validate({ sample: { thickness: -1 }, run: 0 })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual(['/run', '/sample/thickness']);
  });

  test('2020-12: $anchor and $dynamicRef', () => {
    const ajv = new Ajv2020({ uriResolver, allErrors: true, strict: false });
    const validate = ajv.compile(schemaWithIds);
    expect(validate({ label: 'abc' })).toBe(true);
    expect(validate({ label: 'abcd' })).toBe(false);
    const tree = ajv.compile({
      $id: 'https://facility.example/tree',
      $dynamicAnchor: 'node',
      type: 'object',
      properties: { value: { type: 'number' }, children: { type: 'array', items: { $dynamicRef: '#node' } } },
    });
    expect(tree({ value: 1, children: [{ value: 2, children: [] }] })).toBe(true);
    expect(tree({ value: 1, children: [{ value: 'x' }] })).toBe(false);
  });

  test('compileSchema uses it: a property whose name needs escaping in a fragment still validates', () => {
    const schema = {
      type: 'object',
      properties: { 'run list/α b': { type: 'integer' } },
      definitions: {},
    };
    const compiled = compileSchema(schema, 'draft-07');
    expect(compiled.ajv.opts.uriResolver).toBe(uriResolver);
    expect(compiled.validate({ 'run list/α b': 1 })).toEqual([]);
    expect(compiled.validate({ 'run list/α b': 'x' }).map((e) => e.instancePath)).toEqual(['/run list~1α b']);
  });
});
