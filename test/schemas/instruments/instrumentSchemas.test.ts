/**
 * The shipped instrument schemas, checked as a form author's CI would: each loads and compiles in ajv
 * strict mode for its dialect, is big enough to matter (>= 100 leaf fields), gives every optional or
 * advanced field a default that fits it, puts units on physical quantities, offers the averaged and
 * each-scan job choice, and its example requests validate, or fail exactly where .expected.json says.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildFieldModel, createValidator } from '../../../src/schemas/index';
import { instrumentCatalogue } from '../../../src/schemas/instruments/index';
import { leafFields, resolved } from './leafFields';
import {
  compileStrict,
  keywordValueErrors,
  loadInstrument,
  readJson,
  repoRoot,
} from './loadInstrumentSchema';

type Schema = Record<string, unknown>;
interface ExpectedError {
  pointer: string;
  rule: string;
}

/** Keys that name a physical quantity: a number with such a key must say its unit. */
const physicalKey =
  /wavelength|^q(min|max)|qmin$|qmax$|thickness|radius|distance|offset|aperture|angle|tof|temperature|energy|height|width|length|^(ei|a|b|c|alpha|beta|gamma)$/i;
const unitless = /factor|fraction|bins|peakwidth|backgroundwidth|tolerance|ratio|count|number|pixel|data$/i;

const examplesOf = (id: string): string[] =>
  readdirSync(join(repoRoot, 'examples', id)).filter(
    (f) => f.endsWith('.json') && !f.endsWith('.expected.json'),
  );
const readExample = (id: string, file: string): unknown => readJson(join(repoRoot, 'examples', id, file));
const key = (e: ExpectedError): string => `${e.pointer} ${e.rule}`;

const isNumberField = (s: Schema): boolean => {
  const types = [s.type, ...(Array.isArray(s.anyOf) ? s.anyOf.map((b) => (b as Schema).type) : [])].flat();
  return types.includes('number') || types.includes('integer');
};

describe.each(instrumentCatalogue.map((entry) => [entry.id, entry] as const))(
  'instrument %s',
  (id, entry) => {
    const loading = loadInstrument(entry.schemaPath);

    it('has a schema version drafts can be saved under (a whole number)', () => {
      expect(Number.isInteger(entry.schemaVersion) && entry.schemaVersion >= 0).toBe(true);
    });

    it('loads without diagnostics and compiles in ajv strict mode for its dialect', async () => {
      const loaded = await loading;
      expect(loaded.dialect).toBe(entry.dialect);
      expect(loaded.diagnostics).toEqual([]);
      expect(() => compileStrict(loaded.schema)).not.toThrow();
    });

    it('uses our keywords with values of the documented shape', async () => {
      expect(keywordValueErrors((await loading).schema)).toEqual([]);
    });

    it('has at least 100 leaf fields, counted independently and by the FieldModel', async () => {
      const loaded = await loading;
      expect(leafFields(loaded.schema).length).toBeGreaterThanOrEqual(100);
      const model = buildFieldModel(loaded);
      expect(new Set(model.fields.map((f) => f.pointer)).size).toBeGreaterThanOrEqual(100);
      expect(model.diagnostics).toEqual([]);
    });

    it('gives every optional or advanced field a default that its own schema accepts', async () => {
      const schema = (await loading).schema;
      const lax = new Ajv({ strict: false, allErrors: true });
      const missing: string[] = [];
      const failing: string[] = [];
      for (const leaf of leafFields(schema)) {
        const optional = !leaf.required || leaf.advanced;
        if (!('default' in leaf.schema)) {
          if (optional && !('const' in leaf.schema)) missing.push(leaf.pointer);
          continue;
        }
        const own: Schema = { ...leaf.schema, definitions: schema.definitions, $defs: schema.$defs };
        delete own.$schema;
        if (!lax.validate(own, leaf.schema.default)) failing.push(`${leaf.pointer}: ${lax.errorsText()}`);
      }
      expect(missing).toEqual([]);
      expect(failing).toEqual([]);
    });

    it('states the unit of every number that is a physical quantity', async () => {
      const withoutUnits = leafFields((await loading).schema)
        .filter((leaf) => isNumberField(leaf.schema))
        .filter((leaf) => {
          const name = leaf.pointer.split('/').pop() ?? '';
          return physicalKey.test(name) && !unitless.test(name);
        })
        .filter((leaf) => typeof leaf.schema['x-units'] !== 'string')
        // A dimensionless quantity says so in its description ("relative spread", "in pixels").
        .filter(
          (leaf) =>
            !/\b(relative|fraction|ratio|counts?|pixels?|index)\b/i.test(
              String(leaf.schema.description ?? ''),
            ),
        )
        .map((leaf) => leaf.pointer);
      expect(withoutUnits).toEqual([]);
    });

    it('offers the job as a choice: one averaged reduction, or each scan alone', async () => {
      const model = buildFieldModel(await loading);
      const job = model.byPointer.get('/job');
      expect(job?.type).toBe('choice');
      if (job?.type !== 'choice') return;
      expect(job.discriminator).toBe('mode');
      expect(job.branches.map((b) => b.discriminatorValue)).toEqual(['average', 'each_scan']);
      expect(model.byPointer.get('/job/scans')?.type).toBe('list');
      const schema = (await loading).schema;
      const jobSchema = resolved(schema, (schema.properties as Record<string, Schema>).job as Schema);
      expect(Array.isArray(jobSchema.oneOf)).toBe(true);
    });

    it('ships an averaged and an each-scan example that validate', async () => {
      const loaded = await loading;
      const ajvValidate = compileStrict(loaded.schema);
      const { validate } = createValidator(buildFieldModel(loaded));
      const modes = new Set<unknown>();
      for (const file of examplesOf(id).filter((f) => !f.startsWith('invalid-'))) {
        const request = readExample(id, file) as { job: { mode: unknown } };
        expect({ file, errors: validate(request) }).toEqual({ file, errors: [] });
        ajvValidate(request);
        expect({ file, errors: ajvValidate.errors ?? [] }).toEqual({ file, errors: [] });
        modes.add(request.job.mode);
      }
      expect([...modes].sort()).toEqual(['average', 'each_scan']);
    });

    it('ships invalid examples that fail exactly where their .expected.json says', async () => {
      const { validate } = createValidator(buildFieldModel(await loading));
      const invalid = examplesOf(id).filter((f) => f.startsWith('invalid-'));
      expect(invalid.length).toBeGreaterThan(0);
      const crossField = new Set(['lessThan', 'requires', 'atMostOneTrue', 'sameLength', 'requiredWhen']);
      for (const file of invalid) {
        const expected = readExample(id, file.replace(/\.json$/, '.expected.json')) as ExpectedError[];
        // Each invalid example breaks a type, a limit and at least one cross-field rule.
        expect(expected.some((e) => e.rule === 'type')).toBe(true);
        expect(
          expected.some((e) => /^(minimum|maximum|exclusiveMinimum|exclusiveMaximum)$/.test(e.rule)),
        ).toBe(true);
        expect(expected.some((e) => crossField.has(e.rule))).toBe(true);
        const actual = validate(readExample(id, file));
        expect({ file, errors: [...new Set(actual.map(key))].sort() }).toEqual({
          file,
          errors: expected.map(key).sort(),
        });
      }
    });
  },
);
