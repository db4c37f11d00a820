/**
 * The form engine on the shipped instrument schemas, without React: an example request imported into
 * the form comes back out unchanged and valid; the defaults alone build a request whose only errors
 * are missing required values. Values live in a plain object standing in for react-hook-form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createFormEngine, pathOfName, type ValueStore } from '../../src/forms/engine/FormEngine';
import { nodeIndex } from '../../src/forms/engine/nodeIndex';
import { conditionTest, validatorOf } from '../../src/forms/engine/schemasBridge';
import { sparseRequest } from '../../src/forms/engine/sparseRequest';
import { buildFieldModel, defaultsOf, type FieldModel, getAt, loadSchema } from '../../src/schemas/index';
import { instrumentCatalogue } from '../../src/schemas/instruments/index';

const instruments = instrumentCatalogue.map((i) => i.id);

function plainStore(): ValueStore & { values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  return {
    values,
    get: (name) => values[name],
    set: (name, value) => {
      values[name] = value;
    },
    replaceAll: (next) => {
      for (const key of Object.keys(values)) delete values[key];
      Object.assign(values, next);
    },
    names: () => Object.keys(values),
  };
}

async function modelFor(id: string): Promise<FieldModel> {
  const entry = instrumentCatalogue.find((i) => i.id === id)!;
  const loaded = await loadSchema(resolve(entry.schemaPath));
  return buildFieldModel(loaded);
}

function engineFor(model: FieldModel) {
  const store = plainStore();
  const engine = createFormEngine({ model, store, validator: () => validatorOf(model), test: conditionTest });
  return { engine, store };
}

describe.each(instruments)('%s', (id) => {
  test('an untouched form builds the default request (object-level defaults included)', async () => {
    const model = await modelFor(id);
    const { engine } = engineFor(model);
    engine.importRequest(undefined);
    expect(engine.request().request).toEqual(defaultsOf(model));
  });

  const examples = readdirSync(resolve(`examples/${id}`)).filter(
    (f) => f.endsWith('.json') && !f.includes('invalid'),
  );

  test.each(examples)('imports %s and builds the same, valid request', async (file) => {
    const model = await modelFor(id);
    const example = JSON.parse(readFileSync(resolve(`examples/${id}/${file}`), 'utf8'));
    const { engine } = engineFor(model);
    const { unknownKeys, notTaken } = engine.importRequest(example);
    expect(unknownKeys).toEqual([]);
    expect(notTaken).toEqual([]);
    const built = engine.validateAll();
    expect(built.errors).toEqual([]);
    expect(built.request).toEqual(example);
  });
});

describe.each(instruments)('%s: checking one field on the sparse request', (id) => {
  const invalid = readdirSync(resolve(`examples/${id}`)).filter(
    (f) => f.startsWith('invalid') && !f.includes('expected'),
  );

  test.each(invalid)('finds what the whole request finds, field by field, in %s', async (file) => {
    const model = await modelFor(id);
    const example = JSON.parse(readFileSync(resolve(`examples/${id}/${file}`), 'utf8'));
    const { engine, store } = engineFor(model);
    engine.importRequest(example);
    const validator = validatorOf(model);
    const full = engine.request().request;
    let sparseUsed = 0;
    let withErrors = 0;
    for (const name of store.names()) {
      const path = pathOfName(name);
      const node = engine.nodeAt(path);
      if (node?.type !== 'field') continue;
      const pointer = engine.pointerOf(path);
      // Fields of an unselected branch are not in the request (nor rendered): nothing to check.
      if (getAt(full, pointer) === undefined) continue;
      const sparse = sparseRequest(model, nodeIndex(model), node, path, store.get, engine.rowsOf);
      if (!sparse) continue;
      sparseUsed++;
      const expected = validator.validateField(full, pointer);
      if (expected.length > 0) withErrors++;
      expect({ pointer, errors: validator.validateField(sparse, pointer) }).toEqual({
        pointer,
        errors: expected,
      });
    }
    expect(sparseUsed).toBeGreaterThan(10);
    expect(withErrors).toBeGreaterThan(0);
  });
});
