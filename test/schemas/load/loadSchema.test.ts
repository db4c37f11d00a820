/**
 * loadSchema on real files: external refs across files and folders are internalised under the
 * dialect's definitions container, $ref siblings apply, locate() finds file:line:col, ajv compiles
 * the result; also URLs over http and object sources with a baseUrl.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSchema, SchemaLoadError } from '../../../src/schemas/load/index';
import { compileWithAjv } from './compileWithAjv';

const fixtures = resolve(__dirname, '../../fixtures/schemas');
const fixture = (name: string) => join(fixtures, name);

/** Every $ref string in a schema value. */
function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

/** 1-based line and column of the first occurrence of `needle` in a file. */
function positionIn(file: string, needle: string) {
  const text = readFileSync(file, 'utf8');
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('draft-07 schema with refs across files', () => {
  const path = fixture('bundle/sans.schema.json');

  test('reads every file once and reports the dialect from $schema', async () => {
    const loaded = await loadSchema(path);
    expect(loaded.dialect).toBe('draft-07');
    expect([...loaded.files.keys()].sort()).toEqual(
      [path, fixture('bundle/common.json'), fixture('bundle/sub/panel.json')].sort(),
    );
    expect(loaded.files.get(fixture('bundle/sub/panel.json'))).toBe(
      readFileSync(fixture('bundle/sub/panel.json'), 'utf8'),
    );
    expect(loaded.rootFile).toBe(path);
    expect(loaded.diagnostics).toEqual([]);
  });

  test('internalises external refs under definitions; every $ref is local', async () => {
    const { schema } = await loadSchema(path);
    const refs = refsOf(schema);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.startsWith('#/definitions/') || ref === '#').toBe(true);
    const definitions = schema.definitions as Record<string, Record<string, unknown>>;
    expect(definitions['common.runList']).toMatchObject({ type: 'string', 'x-input': 'run-list' });
    // the local definition is still there, and its x- rule untouched
    expect(definitions.binning).toMatchObject({ properties: { Qmin: { 'x-lessThan': '1/Qmax' } } });
    // a fragment's own $id would re-base ajv's refs; it is not copied
    for (const def of Object.values(definitions)) expect(def.$id).toBeUndefined();
    expect(schema.$id).toBe('https://facility.example/schemas/sans.schema.json');
  });

  test('$ref with siblings becomes allOf beside the siblings, which win over the target', async () => {
    const { schema } = await loadSchema(path);
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props.sampleRuns).toEqual({
      title: 'Sample runs',
      default: '',
      allOf: [{ $ref: '#/definitions/common.runList' }],
    });
    // without siblings the $ref stays as written (rewritten to the bundle)
    expect(props.backgroundRuns).toEqual({ $ref: '#/definitions/common.runList' });
  });

  test('ajv compiles the bundle and applies rules from every file', async () => {
    const loaded = await loadSchema(path);
    const validate = compileWithAjv(loaded);
    const good = {
      sampleRuns: '1-3',
      wavelength: { min: 2, max: 4 },
      detector: { name: 'main', beamCentreRun: 5 },
    };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, sampleRuns: 12 })).toBe(false);
    expect(validate({ ...good, wavelength: { min: 0 } })).toBe(false); // exclusiveMinimum from common.json
    expect(validate({ ...good, detector: { beamCentreRun: 0 } })).toBe(false); // ../common.json from sub/
    expect(validate({ wavelength: {} })).toBe(false); // required sampleRuns
  });

  test('locate maps bundled pointers back to the file, pointer, line and column written', async () => {
    const loaded = await loadSchema(path);
    expect(loaded.locate('/properties/sampleRuns/title')).toEqual({
      file: path,
      pointer: '/properties/sampleRuns/title',
      ...positionIn(path, '"title": "Sample runs"'),
    });
    // the wrapped $ref points at the $ref the author wrote
    expect(loaded.locate('#/properties/sampleRuns/allOf/0/$ref')).toEqual({
      file: path,
      pointer: '/properties/sampleRuns/$ref',
      ...positionIn(path, '"$ref": "common.json#/definitions/runList",'),
    });
    const common = fixture('bundle/common.json');
    expect(loaded.locate('/definitions/common.runList/x-input')).toEqual({
      file: common,
      pointer: '/definitions/runList/x-input',
      ...positionIn(common, '"x-input"'),
    });
    expect(loaded.locate('/definitions/panel/properties/name')).toMatchObject({
      file: fixture('bundle/sub/panel.json'),
      pointer: '/properties/name',
    });
    expect(loaded.locate('/properties/nothingHere')).toBeUndefined();
  });
});

describe('2020-12 schema', () => {
  test('internalises under $defs, resolves $anchor refs, and ajv2020 compiles it', async () => {
    const loaded = await loadSchema(fixture('bundle2020/root.json'));
    expect(loaded.dialect).toBe('2020-12');
    const defs = loaded.schema.$defs as Record<string, unknown>;
    expect(Object.keys(defs).sort()).toEqual(['defs.q', 'defs.qRange', 'defs.wedge', 'flag']);
    expect(defs['defs.wedge']).not.toHaveProperty('$anchor');
    const props = loaded.schema.properties as Record<string, unknown>;
    expect(props.angles).toEqual({ $ref: '#/$defs/defs.wedge' });
    const validate = compileWithAjv(loaded);
    expect(validate({ q: [0.01, 0.5], angles: [-30, 60], local: true })).toBe(true);
    expect(validate({ q: [0.01, -1] })).toBe(false);
    expect(validate({ q: [0.01, 0.2, 0.3] })).toBe(false); // items: false after prefixItems
  });

  test('a schema without $schema is 2020-12 unless defaultDialect says otherwise', async () => {
    const plain = { type: 'object', properties: { a: { type: 'string' } } };
    expect((await loadSchema(plain)).dialect).toBe('2020-12');
    expect((await loadSchema(plain, { defaultDialect: 'draft-07' })).dialect).toBe('draft-07');
    const withRef = { properties: { r: { $ref: 'common.json#/definitions/run' } } };
    const loaded = await loadSchema(withRef, { baseUrl: `${fixture('bundle')}/`, defaultDialect: '2019-09' });
    expect(loaded.schema.$defs).toEqual({ 'common.run': { type: 'integer', minimum: 1 } });
    // common.json says draft-07; the root is 2019-09: said, not silently mixed
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'dialect-mismatch',
        location: expect.objectContaining({ file: fixture('bundle/common.json') }),
      }),
    );
    expect(compileWithAjv(loaded)({ r: 0 })).toBe(false);
  });
});

describe('object sources', () => {
  test('are not modified, and relative refs resolve against baseUrl', async () => {
    const source = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: { d: { $ref: 'sub/panel.json', title: 'Detector' } },
    };
    const before = JSON.stringify(source);
    const loaded = await loadSchema(source, { baseUrl: fixture('bundle/sans.schema.json') });
    expect(JSON.stringify(source)).toBe(before);
    expect(loaded.schema.properties).toEqual({
      d: { title: 'Detector', allOf: [{ $ref: '#/definitions/panel' }] },
    });
    expect(loaded.locate('/definitions/panel/properties/beamCentreRun')?.file).toBe(
      fixture('bundle/sub/panel.json'),
    );
  });

  test('without baseUrl a relative ref is an error that says so', async () => {
    const error = await loadSchema({ properties: { d: { $ref: 'other.json' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaLoadError);
    expect((error as SchemaLoadError).message).toContain('baseUrl');
    expect((error as SchemaLoadError).pointer).toBe('/properties/d');
  });
});

describe("unresolvedRefs: 'report' (the linter)", () => {
  // Read from memory: the root, and a neighbour whose own ref points at nothing.
  const files: Record<string, string> = {
    'file:///facility/sans.schema.json': JSON.stringify(
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        properties: {
          mask: { $ref: 'masks.json#/definitions/wedge', title: 'Mask' },
          panel: { $ref: 'panel.json' },
          thickness: { type: 'number' },
        },
      },
      null,
      2,
    ),
    'file:///facility/panel.json': JSON.stringify(
      { properties: { run: { $ref: '#/definitions/nope' } } },
      null,
      2,
    ),
  };
  const read = async (url: string) => {
    const text = files[url];
    if (text === undefined) throw new Error('ENOENT: no such file');
    return text;
  };

  test('the default stops at the first $ref it cannot resolve', async () => {
    const error = await loadSchema('file:///facility/sans.schema.json', { read }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaLoadError);
  });

  test("'report' names every one, in its own file with a line, and drops only those $refs", async () => {
    const loaded = await loadSchema('file:///facility/sans.schema.json', { read, unresolvedRefs: 'report' });
    const unresolved = loaded.diagnostics.filter((d) => d.rule === 'unresolved-ref');
    expect(unresolved.map((d) => [d.severity, d.location.file])).toEqual([
      ['error', '/facility/sans.schema.json'],
      ['error', '/facility/panel.json'],
    ]);
    expect(unresolved[0]?.message).toMatch(/cannot read .*masks\.json.*ENOENT/);
    expect(unresolved[1]?.message).toContain('#/definitions/nope');
    for (const d of unresolved) expect(loaded.locate(d.location.schemaPointer)?.line).toBeGreaterThan(1);
    const properties = loaded.schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.mask).toEqual({ title: 'Mask' });
    expect(properties.thickness).toEqual({ type: 'number' });
    expect(refsOf(loaded.schema)).toEqual(['#/definitions/panel']);
  });
});

describe('over http', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      try {
        const body = readFileSync(
          join(fixtures, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
        );
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test('fetches the root and its refs by URL', async () => {
    const loaded = await loadSchema(new URL(`${base}/bundle/sans.schema.json`));
    expect([...loaded.files.keys()].sort()).toEqual(
      [
        `${base}/bundle/common.json`,
        `${base}/bundle/sans.schema.json`,
        `${base}/bundle/sub/panel.json`,
      ].sort(),
    );
    expect(loaded.locate('/definitions/common.run')?.file).toBe(`${base}/bundle/common.json`);
    expect(compileWithAjv(loaded)({ sampleRuns: '1' })).toBe(true);
  });

  test('a 404 names the URL and the pointer holding the $ref', async () => {
    const error = (await loadSchema(`${base}/broken/missing-file.json`).catch(
      (e: unknown) => e,
    )) as SchemaLoadError;
    expect(error).toBeInstanceOf(SchemaLoadError);
    expect(error.message).toContain(`${base}/broken/does-not-exist.json`);
    expect(error.message).toContain('404');
    expect(error.file).toBe(`${base}/broken/missing-file.json`);
    expect(error.pointer).toBe('/properties/sample');
  });

  test('a schema from the network may not read local files', async () => {
    const read = async () => JSON.stringify({ properties: { x: { $ref: 'file:///etc/passwd' } } });
    const error = (await loadSchema(`${base}/evil.json`, { read }).catch(
      (e: unknown) => e,
    )) as SchemaLoadError;
    expect(error).toBeInstanceOf(SchemaLoadError);
    expect(error.message).toContain('local file');
  });
});

describe('what is and is not a $ref', () => {
  test('a $ref inside default, enum, const or examples is data and stays as written', async () => {
    const source = {
      type: 'object',
      default: { $ref: 'nowhere.json' },
      properties: {
        link: { enum: [{ $ref: 'a.json' }], const: { $ref: 'b.json' }, examples: [{ $ref: 'c.json' }] },
        $ref: { type: 'string', description: 'a property named $ref' },
      },
    };
    const loaded = await loadSchema(source);
    expect(loaded.schema).toEqual(source);
    expect(loaded.diagnostics).toEqual([]);
  });

  test('a $ref by the absolute $id of a file already read uses that file, not the network', async () => {
    const reads: string[] = [];
    const read = async (url: string) => {
      reads.push(url);
      return readFileSync(new URL(url), 'utf8');
    };
    const root = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: {
        again: { $ref: 'https://facility.example/schemas/sans.schema.json#/definitions/binning' },
      },
    };
    // sans.schema.json has that $id; reached through a relative ref first, it must not be fetched again
    const loaded = await loadSchema(
      { ...root, allOf: [{ $ref: 'sans.schema.json' }] },
      { baseUrl: fixture('bundle/root.json'), read },
    );
    expect(reads.every((u) => u.startsWith('file:'))).toBe(true);
    expect((loaded.schema.properties as Record<string, unknown>).again).toEqual({
      $ref: '#/definitions/sans.schema.binning',
    });
  });

  test('a byte-order mark at the start of a file is accepted; columns stay true', async () => {
    const text = '\uFEFF{\n  "type": "object",\n  "properties": { "a": { "type": "string" } }\n}\n';
    const loaded = await loadSchema('https://facility.example/bom.json', { read: async () => text });
    expect(loaded.files.get('https://facility.example/bom.json')).toBe(text);
    expect(loaded.locate('/properties/a')).toMatchObject({
      line: 3,
      column: text.split('\n')[2]!.indexOf('"a"') + 1,
    });
  });
});
