/**
 * The form engine on the shipped instrument schemas, without React: an example request imported into
 * the form comes back out unchanged and valid; the defaults alone build a request whose only errors
 * are missing required values. Values live in a plain object standing in for react-hook-form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createFormEngine, type ValueStore } from '../../src/forms/engine/FormEngine';
import { conditionTest, validatorOf } from '../../src/forms/engine/schemasBridge';
import { buildFieldModel, defaultsOf, type FieldModel, loadSchema } from '../../src/schemas/index';

const instruments = ['eqsans', 'powder', 'reflectometer'];

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
  const loaded = await loadSchema(resolve(`src/schemas/instruments/${id}.schema.json`));
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
    const unknown = engine.importRequest(example);
    expect(unknown).toEqual([]);
    const built = engine.validateAll();
    expect(built.errors).toEqual([]);
    expect(built.request).toEqual(example);
  });
});
