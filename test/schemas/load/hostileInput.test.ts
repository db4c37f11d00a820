/**
 * Hostile input for the loader, each a real file or a generated one: a missing ref file, cyclic refs,
 * invalid JSON, prototype-polluting property names, a 10 MB schema, a catastrophic-backtracking pattern.
 * Each must end in a clear error or a loaded schema with diagnostics, never a hang or a polluted runtime.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadSchema, SchemaLoadError } from '../../../src/schemas/load/index';
import { compileWithAjv } from './compileWithAjv';

const fixtures = resolve(__dirname, '../../fixtures/schemas');
const fixture = (name: string) => join(fixtures, name);

async function loadError(source: string | object, options = {}): Promise<SchemaLoadError> {
  const error = await loadSchema(source, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SchemaLoadError);
  return error as SchemaLoadError;
}

function lineOf(file: string, needle: string): number {
  const text = readFileSync(file, 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('a missing ref file', () => {
  test('is an error naming the missing file and the pointer that holds the $ref', async () => {
    const file = fixture('broken/missing-file.json');
    const error = await loadError(file);
    expect(error.message).toContain(fixture('broken/does-not-exist.json'));
    expect(error.message).toContain('#/properties/sample');
    expect(error.file).toBe(file);
    expect(error.pointer).toBe('/properties/sample');
    expect(error.line).toBe(lineOf(file, '"$ref"'));
  });

  test('a file that exists but lacks the pointer names both', async () => {
    const error = await loadError(fixture('broken/missing-pointer.json'));
    expect(error.message).toContain('/definitions/noSuchThing');
    expect(error.message).toContain(fixture('bundle/common.json'));
    expect(error.pointer).toBe('/properties/sample');
  });

  test('the root file itself missing is named too', async () => {
    const error = await loadError(fixture('nope/absent.schema.json'));
    expect(error.file).toBe(fixture('nope/absent.schema.json'));
    expect(error.message).toContain('absent.schema.json');
  });
});

describe('cyclic refs', () => {
  test('recursion across two files loads, reported with the pointer chain', async () => {
    const loaded = await loadSchema(fixture('cyclic/tree.json'));
    const recursion = loaded.diagnostics.filter((d) => d.rule === 'recursive-ref');
    expect(recursion).toHaveLength(1);
    expect(recursion[0]!.severity).toBe('warning');
    expect(recursion[0]!.message).toContain('#/$defs/node/properties/children/items -> #/$defs/node');
    expect(recursion[0]!.location.file).toBe(fixture('cyclic/node.json'));
    // still a usable schema: ajv validates a three-level tree through the cycle
    const validate = compileWithAjv(loaded);
    expect(validate({ root: { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] } })).toBe(
      true,
    );
    expect(validate({ root: { children: [{ children: [{ name: 3 }] }] } })).toBe(false);
  });

  test('refs that only point at each other are an error diagnostic, and the load still returns', async () => {
    const loaded = await loadSchema(fixture('cyclic/loop.json'));
    const loop = loaded.diagnostics.find((d) => d.rule === 'ref-loop');
    expect(loop?.severity).toBe('error');
    expect(loop?.message).toContain('#/definitions/a -> #/definitions/b');
    expect(loop?.message).toContain('#/definitions/b -> #/definitions/a');
    expect(loaded.schema.definitions).toEqual({
      a: { $ref: '#/definitions/b' },
      b: { $ref: '#/definitions/a' },
    });
  });

  test('a schema that refers to itself at the root terminates', async () => {
    const loaded = await loadSchema({ type: 'object', properties: { again: { $ref: '#' } } });
    expect(loaded.diagnostics.map((d) => d.rule)).toEqual(['recursive-ref']);
  });

  test('a file that refers to itself by name is read once', async () => {
    const reads: string[] = [];
    const read = async (url: string) => {
      reads.push(url);
      return JSON.stringify({
        properties: { self: { $ref: 'self.json' }, deeper: { $ref: 'self.json#/properties/self' } },
      });
    };
    const loaded = await loadSchema('https://facility.example/self.json', { read });
    expect(reads).toEqual(['https://facility.example/self.json']);
    expect(loaded.diagnostics.some((d) => d.rule === 'recursive-ref')).toBe(true);
  });
});

test('a $ref that is not a string is an error diagnostic at its place', async () => {
  const loaded = await loadSchema({ properties: { a: { $ref: { path: 'x.json' } } } });
  expect(loaded.diagnostics).toEqual([
    expect.objectContaining({
      rule: 'invalid-ref',
      severity: 'error',
      location: expect.objectContaining({ schemaPointer: '#/properties/a/$ref' }),
    }),
  ]);
});

describe('invalid JSON', () => {
  test('names the file, line and column', async () => {
    const file = fixture('broken/invalid.json');
    const error = await loadError(file);
    expect(error.file).toBe(file);
    // the missing comma is noticed where "b" starts: line 5, column 5
    expect(error.line).toBe(lineOf(file, '"b"'));
    expect(error.column).toBe(5);
    expect(error.message).toContain(`${file}:5:5`);
  });

  test('in a referenced file, that file is named', async () => {
    const error = await loadError(fixture('broken/refs-invalid.json'));
    expect(error.file).toBe(fixture('broken/invalid.json'));
    expect(error.line).toBe(5);
  });

  test('an unknown dialect URI is named with its place and the supported ones', async () => {
    const file = fixture('broken/unknown-dialect.json');
    const error = await loadError(file);
    expect(error.message).toContain('http://json-schema.org/draft-04/schema#');
    expect(error.message).toContain('https://json-schema.org/draft/2020-12/schema');
    expect(error.pointer).toBe('/$schema');
    expect(error.line).toBe(2);
  });
});

describe('__proto__, constructor and prototype as property names', () => {
  test('stay own properties with their values; Object.prototype stays clean', async () => {
    const loaded = await loadSchema(fixture('proto/root.json'));
    const plain = {} as Record<string, unknown>;
    for (const key of ['type', 'default', 'isAdmin', 'properties']) {
      expect(Object.hasOwn(Object.prototype, key)).toBe(false);
      expect(plain[key]).toBeUndefined();
    }
    const props = loaded.schema.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(Object.keys(props)).toEqual(['__proto__', 'constructor', 'prototype', 'nested']);
    expect(Object.getOwnPropertyDescriptor(props, '__proto__')?.value).toEqual({
      type: 'string',
      default: 'polluted?',
    });
    expect(props.constructor).toEqual({ type: 'number', default: 1 });
    expect(props.prototype).toEqual({ $ref: '#/definitions/shared.__proto__' });
    const defs = loaded.schema.definitions as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(defs, 'shared.__proto__')?.value).toMatchObject({
      properties: { isAdmin: { default: true } },
    });
    const shared = defs.shared as { properties: Record<string, unknown> };
    expect(Object.getOwnPropertyDescriptor(shared.properties, '__proto__')?.value).toEqual({
      type: 'integer',
      default: 7,
    });
    expect(Object.keys(shared.properties)).toEqual(['__proto__', 'toString']);
    expect(loaded.locate('/properties/__proto__/default')?.line).toBe(
      lineOf(fixture('proto/root.json'), '"polluted?"'),
    );
  });

  test('ajv validates the bundled properties by those names', async () => {
    const validate = compileWithAjv(await loadSchema(fixture('proto/root.json')));
    expect(validate(JSON.parse('{"__proto__": "text", "constructor": 2}'))).toBe(true);
    expect(validate(JSON.parse('{"__proto__": 5}'))).toBe(false);
    expect(validate(JSON.parse('{"nested": {"__proto__": "not an integer"}}'))).toBe(false);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  test('an object source with such keys loads the same way', async () => {
    const source = JSON.parse(
      '{"properties": {"__proto__": {"type": "string"}, "prototype": {"$ref": "#/properties/__proto__"}}}',
    );
    const loaded = await loadSchema(source);
    const props = loaded.schema.properties as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(props, '__proto__')?.value).toEqual({ type: 'string' });
    expect(props.prototype).toEqual({ $ref: '#/properties/__proto__' });
  });

  test('a $ref pointer through an inherited name finds nothing instead of Object.prototype', async () => {
    const error = await loadError({ properties: { a: { $ref: '#/properties/constructor' } } });
    expect(error.message).toContain('nothing at #/properties/constructor');
  });
});

describe('a 10 MB schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('loads, keeps every field, and locates the last one', { timeout: 120_000 }, async () => {
    const generate = (count: number) => {
      const properties: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        properties[`field${i}`] = {
          $ref: '#/definitions/angle',
          title: `Field number ${i} of the generated schema`,
          description: 'A generated parameter with enough text to make the file large quickly.',
          default: i % 360,
          'x-group': `Group ${i % 50}`,
        };
      }
      const schema = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties,
        definitions: { angle: { type: 'number', 'x-units': 'degrees' } },
      };
      return JSON.stringify(schema, null, 1);
    };
    const tenMB = 10 * 1024 * 1024;
    let count = 40_000;
    let text = generate(count);
    while (text.length < tenMB) {
      count = Math.ceil((count * tenMB * 1.02) / text.length);
      text = generate(count);
    }
    const file = join(dir, 'big.schema.json');
    writeFileSync(file, text);
    const loaded = await loadSchema(file);
    const props = loaded.schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toHaveLength(count);
    expect(props[`field${count - 1}`]).toMatchObject({
      default: (count - 1) % 360,
      allOf: [{ $ref: '#/definitions/angle' }],
    });
    expect(loaded.diagnostics).toEqual([]);
    const last = loaded.locate(`/properties/field${count - 1}/title`);
    expect(last?.line).toBe(text.slice(0, text.indexOf(`"Field number ${count - 1} of`)).split('\n').length);
  });
});

describe('a pattern with catastrophic backtracking', () => {
  test('is carried through and never compiled or run while loading', async () => {
    const Original = globalThis.RegExp;
    const built: string[] = [];
    const spy = new Proxy(Original, {
      construct(target, args) {
        built.push(String(args[0]));
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        built.push(String(args[0]));
        return Reflect.apply(target, self, args);
      },
    });
    globalThis.RegExp = spy;
    let loaded: Awaited<ReturnType<typeof loadSchema>>;
    try {
      // the default "aaaa...!" against ^(a+)+$ would take minutes if anything matched it
      loaded = await loadSchema(fixture('pattern.json'));
    } finally {
      globalThis.RegExp = Original;
    }
    expect(built).not.toContain('^(a+)+$');
    const field = (loaded.schema.properties as Record<string, Record<string, unknown>>).sampleName!;
    expect(field.pattern).toBe('^(a+)+$');
    expect(field.default).toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');
  });
});
