/**
 * Unknown keywords are warnings with their file and line (errors with strict), property names are
 * never keywords; aliases rename a facility's keywords while loading without touching its files;
 * formulary.config.json is checked field by field.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkConfig, loadConfig, loadSchema, SchemaLoadError } from '../../../src/schemas/load/index';
import { compileWithAjv } from './compileWithAjv';

const fixtures = resolve(__dirname, '../../fixtures/schemas');
const fixture = (name: string) => join(fixtures, name);

function lineOf(file: string, needle: string): number {
  const text = readFileSync(file, 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('unknown keywords', () => {
  const file = fixture('unknown-keywords.json');

  test('each is a warning at its place; property and definition names are not keywords', async () => {
    const loaded = await loadSchema(file);
    const unknown = loaded.diagnostics.filter((d) => d.rule === 'unknown-keyword');
    expect(unknown.map((d) => d.location.schemaPointer).sort()).toEqual(
      [
        '#/$defs/notAKeyword/minimun',
        '#/properties/items/additionalItems', // not a 2020-12 keyword
        '#/properties/items/x-unit',
        '#/properties/title/titel',
      ].sort(),
    );
    for (const d of unknown) {
      expect(d.severity).toBe('warning');
      expect(d.location.file).toBe(file);
    }
    const titel = unknown.find((d) => d.message.includes('"titel"'))!;
    expect(loaded.locate(titel.location.schemaPointer)).toMatchObject({
      file,
      line: lineOf(file, '"titel"'),
    });
    // the schema still loads whole
    expect(Object.keys(loaded.schema.properties as object)).toEqual(['title', 'enum', 'items', 'properties']);
  });

  test('in draft-07 additionalItems is a keyword', async () => {
    const source = JSON.parse(readFileSync(file, 'utf8'));
    source.$schema = 'http://json-schema.org/draft-07/schema#';
    const loaded = await loadSchema(source);
    const pointers = loaded.diagnostics
      .filter((d) => d.rule === 'unknown-keyword')
      .map((d) => d.location.schemaPointer);
    expect(pointers).not.toContain('#/properties/items/additionalItems');
    expect(pointers).toContain('#/properties/title/titel');
  });

  test('strict makes them errors; the schema still loads', async () => {
    const loaded = await loadSchema(file, { strict: true });
    const unknown = loaded.diagnostics.filter((d) => d.rule === 'unknown-keyword');
    expect(unknown).toHaveLength(4);
    for (const d of unknown) expect(d.severity).toBe('error');
    expect(loaded.schema.properties).toBeDefined();
  });

  test('extraKeywords declares a facility keyword known', async () => {
    const loaded = await loadSchema(file, { extraKeywords: ['titel', 'minimun'] });
    expect(loaded.diagnostics.map((d) => d.location.schemaPointer).sort()).toEqual([
      '#/properties/items/additionalItems',
      '#/properties/items/x-unit',
    ]);
  });
});

describe('aliases', () => {
  const file = fixture('aliases/facility.json');
  const aliases = { 'x-units': 'unit', 'x-lessThan': ['mustBeBelow', 'lessThan'], 'x-requires': 'needs' };

  test('rename the facility keywords to ours while loading, leaving the file as it was', async () => {
    const before = readFileSync(file, 'utf8');
    const loaded = await loadSchema(file, { aliases });
    const props = loaded.schema.properties as Record<string, Record<string, unknown>>;
    expect(props.Qmin).toEqual({ type: 'number', 'x-units': '1/Å', 'x-lessThan': '1/Qmax' });
    expect(props.partner).toMatchObject({ 'x-requires': ['1/Qmin'], facilityId: 42 });
    // a property NAMED like an alias is a name, not a keyword
    expect(props.unit).toMatchObject({ type: 'string' });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(loaded.files.get(file)).toBe(before);
    // the renamed keyword is located where the facility wrote its own name
    expect(loaded.locate('/properties/Qmin/x-lessThan')).toEqual({
      file,
      pointer: '/properties/Qmin/mustBeBelow',
      line: lineOf(file, '"mustBeBelow"'),
      column: expect.any(Number),
    });
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('"facilityId"')]);
    // ajv accepts the renamed keywords, and checks their values against vocabulary.ts
    expect(() => compileWithAjv(loaded, ['facilityId'])).not.toThrow();
    const badShape = await loadSchema({ properties: { a: { mustBeBelow: 'Qmax' } } }, { aliases });
    expect(() => compileWithAjv(badShape)).toThrow(/x-lessThan/);
  });

  test('without aliases the facility names are unknown keywords', async () => {
    const loaded = await loadSchema(file);
    const names = loaded.diagnostics.map((d) => d.location.schemaPointer.split('/').pop());
    expect(names.sort()).toEqual(['facilityId', 'mustBeBelow', 'needs', 'unit', 'unit']);
  });

  test('a node with both names is an alias-conflict error and ours is kept', async () => {
    const loaded = await loadSchema(
      { properties: { a: { type: 'number', unit: 'mm', 'x-units': 'm' } } },
      { aliases },
    );
    expect((loaded.schema.properties as Record<string, unknown>).a).toMatchObject({
      'x-units': 'm',
      unit: 'mm',
    });
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'alias-conflict',
        severity: 'error',
        location: expect.objectContaining({ schemaPointer: '#/properties/a/unit' }),
      }),
    );
  });

  test('only our keywords can be aliased, and never onto a JSON Schema keyword', async () => {
    await expect(loadSchema({}, { aliases: { title: 'name' } })).rejects.toThrow(/only Formulary keywords/);
    await expect(loadSchema({}, { aliases: { 'x-requires': 'required' } })).rejects.toThrow(
      /"required" is a JSON Schema keyword/,
    );
    await expect(
      loadSchema({}, { aliases: { 'x-requires': 'needs', 'x-lessThan': 'needs' } }),
    ).rejects.toThrow(/aliased to both/);
    await expect(loadSchema({}, { aliases: { 'x-units': 'unit' } })).resolves.toBeDefined();
  });
});

describe('formulary.config.json', () => {
  test('loadConfig returns settings loadSchema accepts as options', async () => {
    const config = await loadConfig(fixture('config/formulary.config.json'));
    expect(config).toEqual({
      aliases: { 'x-units': 'unit', 'x-lessThan': ['mustBeBelow', 'lessThan'], 'x-requires': 'needs' },
      strict: false,
      defaultDialect: 'draft-07',
      extraKeywords: ['facilityId'],
      unitsRequiredFor: ['number', 'numberList'],
      acronyms: ['IPTS', 'TOF'],
    });
    const loaded = await loadSchema(fixture('aliases/facility.json'), config);
    expect(loaded.diagnostics).toEqual([]);
    expect((await loadSchema({ type: 'object' }, config)).dialect).toBe('draft-07');
  });

  test('a bad alias is an error naming the field and its line', async () => {
    const file = fixture('config/bad-alias.config.json');
    const error = (await loadConfig(file).catch((e: unknown) => e)) as SchemaLoadError;
    expect(error).toBeInstanceOf(SchemaLoadError);
    expect(error.message).toContain('"required" is a JSON Schema keyword');
    expect(error).toMatchObject({ file, pointer: '/aliases/x-requires', line: lineOf(file, '"x-requires"') });
  });

  test('an unknown field is an error, not ignored', async () => {
    const file = fixture('config/typo.config.json');
    const error = (await loadConfig(file).catch((e: unknown) => e)) as SchemaLoadError;
    expect(error.message).toContain('unknown field "stric"');
    expect(error).toMatchObject({ file, pointer: '/stric', line: 2 });
  });

  test('checkConfig checks values given in code', () => {
    expect(() => checkConfig({ defaultDialect: 'draft-04' })).toThrow(/defaultDialect/);
    expect(() => checkConfig({ strict: 'yes' })).toThrow(/"strict" must be true or false/);
    expect(() => checkConfig({ extraKeywords: 'x-foo' })).toThrow(/list of strings/);
    expect(checkConfig({ strict: true })).toEqual({ strict: true });
  });
});

test('a keyword copied twice (refs to a file and to a part of it) is reported once', async () => {
  const read = async (url: string) =>
    url.endsWith('common.json')
      ? JSON.stringify({ definitions: { a: { type: 'string', titel: 'typo' } } })
      : JSON.stringify({
          properties: { whole: { $ref: 'common.json' }, part: { $ref: 'common.json#/definitions/a' } },
        });
  const loaded = await loadSchema('https://facility.example/root.json', { read });
  const unknown = loaded.diagnostics.filter((d) => d.rule === 'unknown-keyword');
  expect(unknown).toHaveLength(1);
  expect(unknown[0]!.location.file).toBe('https://facility.example/common.json');
});
