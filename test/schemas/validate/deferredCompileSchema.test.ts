/**
 * The embed's entry script validates without ajv until its second file arrives (issue 26). Here, as in
 * the embed build (vite.config.ts, deferAjv), createValidator gets deferredCompileSchema in place of
 * compileSchema, and the "second file" is the real compileSchema handed over by a loader the test
 * releases: the TypeScript checks judge first, nothing is fetched until asked, whenComplete() starts
 * the fetch and settles once ajv judges, and a failed fetch leaves the TypeScript checks in place.
 */
import { beforeEach, expect, test, vi } from 'vitest';

const schema = () => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    sampleName: { type: 'string' },
    wavelength: { type: 'number', minimum: 1, 'x-units': 'Å' },
    startedAt: { type: 'string', format: 'date' },
  },
  // Only ajv reads a `not` at the root: the TypeScript checks leave it to the server.
  not: { properties: { sampleName: { const: 'forbidden' } }, required: ['sampleName'] },
});
const request = { sampleName: 'forbidden', wavelength: 0.5, startedAt: '2026-13-45' };

async function fresh() {
  // Each test starts with no compiler announced or arrived (the source is a module-level slot).
  vi.resetModules();
  vi.doMock('../../../src/schemas/validate/compileSchema', () =>
    vi.importActual('../../../src/schemas/validate/deferredCompileSchema'),
  );
  const { buildFieldModel } = await import('../../../src/schemas/model/buildFieldModel');
  const { createValidator } = await import('../../../src/schemas/validate/createValidator');
  const source = await import('../../../src/schemas/validate/schemaCompilerSource');
  const real = await vi.importActual<typeof import('../../../src/schemas/validate/compileSchema')>(
    '../../../src/schemas/validate/compileSchema',
  );
  return { model: buildFieldModel(schema()), createValidator, source, realCompile: real.compileSchema };
}

const rulesOf = (errors: readonly { pointer: string; rule: string }[]) =>
  errors.map((e) => `${e.pointer} ${e.rule}`).sort();

beforeEach(() => vi.restoreAllMocks());

test('TypeScript checks until the compiler arrives, fetched only when asked, then ajv judges', async () => {
  const { model, createValidator, source, realCompile } = await fresh();
  let release: () => void = () => {};
  const load = vi.fn(
    () =>
      new Promise<typeof realCompile>((done) => {
        release = () => done(realCompile);
      }),
  );
  source.setSchemaCompilerLoader(load);
  const validator = createValidator(model);

  // A field's own limit and format are checked now; the root `not` is not, and nothing is fetched.
  expect(rulesOf(validator.validate(request))).toEqual(['/startedAt format', '/wavelength minimum']);
  expect(validator.limitation).toBeUndefined();
  expect(load).not.toHaveBeenCalled();

  const pending = validator.whenComplete?.();
  expect(pending).toBeInstanceOf(Promise);
  expect(validator.whenComplete?.()).toBeInstanceOf(Promise);
  expect(load).toHaveBeenCalledTimes(1);
  release();
  await pending;

  const errors = validator.validate(request);
  // ajv's root error has the empty pointer.
  expect(rulesOf(errors)).toEqual([' not', '/startedAt format', '/wavelength minimum']);
  expect(validator.whenComplete?.()).toBeUndefined();
  expect(load).toHaveBeenCalledTimes(1);
});

test('a failed fetch settles the wait and keeps the TypeScript checks', async () => {
  const { model, createValidator, source } = await fresh();
  const load = vi.fn(() => Promise.reject(new Error('404')));
  source.setSchemaCompilerLoader(load);
  const validator = createValidator(model);
  await validator.whenComplete?.();
  expect(load).toHaveBeenCalledTimes(1);
  expect(rulesOf(validator.validate(request))).toEqual(['/startedAt format', '/wavelength minimum']);
});

test('without a registered loader nothing is awaited: the TypeScript checks are all there is', async () => {
  const { model, createValidator } = await fresh();
  const validator = createValidator(model);
  expect(validator.whenComplete?.()).toBeUndefined();
  expect(rulesOf(validator.validate(request))).toEqual(['/startedAt format', '/wavelength minimum']);
});

test('a schema the arrived compiler refuses still settles the wait; validate then says why', async () => {
  const { model, createValidator, source } = await fresh();
  source.setSchemaCompilerLoader(async () => () => {
    throw new Error('strict mode: unknown keyword');
  });
  const validator = createValidator(model);
  await expect(validator.whenComplete?.()).resolves.toBeUndefined();
  expect(() => validator.validate(request)).toThrow('unknown keyword');
});
