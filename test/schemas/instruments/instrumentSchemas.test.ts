/**
 * The shipped instrument schemas, checked as a form author's CI would: each bundles and compiles in
 * ajv strict mode for its dialect, is big enough to matter (>= 100 leaf fields), gives every optional
 * or advanced field a default that fits it, puts units on physical quantities, offers the averaged and
 * each-scan job choice, and its example requests validate (or fail exactly where their .expected.json says).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { instrumentCatalogue } from '../../../src/schemas/instruments/index';
import { formularyKeywords } from '../../../src/schemas/vocabulary';
import { leafFields, resolved } from './leafFields';
import { bundledSchema, compileStrict, keywordValueErrors, readJson, repoRoot } from './loadInstrumentSchema';

type Schema = Record<string, unknown>;
interface ExpectedError {
  pointer: string;
  rule: string;
}

const crossFieldRules = new Set<string>(
  formularyKeywords.flatMap((k) => (k.rule === undefined ? [] : [k.rule])),
);
/** ajv keywords that only wrap the real error of a subschema at the same place. */
const wrapperKeywords = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);

/** Keys that name a physical quantity: a number with such a key must say its unit. */
const physicalKey =
  /wavelength|^q(min|max)|qmin$|qmax$|thickness|radius|distance|offset|aperture|angle|tof|temperature|energy|height|width|^(ei|a|b|c|alpha|beta|gamma)$/i;
const unitless = /factor|fraction|bins|peakwidth|backgroundwidth|tolerance|ratio|count|number|pixel|data$/i;

const examplesOf = (id: string): string[] =>
  readdirSync(join(repoRoot, 'examples', id)).filter(
    (f) => f.endsWith('.json') && !f.endsWith('.expected.json'),
  );

const isNumberField = (s: Schema): boolean => {
  const types = [s.type, ...(Array.isArray(s.anyOf) ? s.anyOf.map((b) => (b as Schema).type) : [])].flat();
  return types.includes('number') || types.includes('integer');
};

describe.each(instrumentCatalogue.map((entry) => [entry.id, entry] as const))(
  'instrument %s',
  (id, entry) => {
    const load = bundledSchema(entry.schemaPath);

    it('compiles in ajv strict mode for its dialect', async () => {
      const schema = await load;
      const declared = String(schema.$schema);
      expect(declared).toContain(entry.dialect === 'draft-07' ? 'draft-07' : entry.dialect);
      expect(() => compileStrict(schema)).not.toThrow();
    });

    it('uses our keywords with values of the documented shape', async () => {
      expect(keywordValueErrors(await load)).toEqual([]);
    });

    it('has at least 100 leaf fields', async () => {
      expect(leafFields(await load).length).toBeGreaterThanOrEqual(100);
    });

    it('gives every optional or advanced field a default that its own schema accepts', async () => {
      const schema = await load;
      const lax = new Ajv({ strict: false, allErrors: true });
      const missing: string[] = [];
      const failing: string[] = [];
      for (const leaf of leafFields(schema)) {
        const optional = !leaf.required || leaf.advanced;
        if (!('default' in leaf.schema)) {
          if (optional && !('const' in leaf.schema)) missing.push(leaf.pointer);
          continue;
        }
        const own = { ...leaf.schema, definitions: schema.definitions, $defs: schema.$defs };
        delete (own as Schema).$schema;
        if (!lax.validate(own, leaf.schema.default)) failing.push(`${leaf.pointer}: ${lax.errorsText()}`);
      }
      expect(missing).toEqual([]);
      expect(failing).toEqual([]);
    });

    it('states the unit of every number that is a physical quantity', async () => {
      const withoutUnits = leafFields(await load)
        .filter((leaf) => isNumberField(leaf.schema))
        .filter((leaf) => {
          const key = leaf.pointer.split('/').pop() ?? '';
          return physicalKey.test(key) && !unitless.test(key);
        })
        .filter((leaf) => typeof leaf.schema['x-units'] !== 'string')
        .map((leaf) => leaf.pointer);
      expect(withoutUnits).toEqual([]);
    });

    it('offers the job as a choice: one averaged reduction, or each scan alone', async () => {
      const schema = await load;
      const job = resolved(schema, (schema.properties as Record<string, Schema>).job as Schema);
      const branches = (job.oneOf as Schema[]).map((b) => resolved(schema, b));
      const modes = branches.map((b) => ((b.properties as Record<string, Schema>).mode as Schema).const);
      expect(modes).toEqual(['average', 'each_scan']);
      for (const branch of branches) {
        const scans = resolved(schema, (branch.properties as Record<string, Schema>).scans as Schema);
        expect(scans.type).toBe('array');
        expect(resolved(schema, scans.items as Schema).type).toBe('object');
      }
    });

    it('ships an averaged and an each-scan example that validate', async () => {
      const validate = compileStrict(await load);
      const valid = examplesOf(id).filter((f) => !f.startsWith('invalid-'));
      const modes = new Set<unknown>();
      for (const file of valid) {
        const request = readJson(join(repoRoot, 'examples', id, file)) as { job: { mode: unknown } };
        validate(request);
        expect({ file, errors: validate.errors ?? [] }).toEqual({ file, errors: [] });
        modes.add(request.job.mode);
      }
      expect([...modes].sort()).toEqual(['average', 'each_scan']);
    });

    it('ships invalid examples that fail exactly where their .expected.json says', async () => {
      const validate = compileStrict(await load);
      const invalid = examplesOf(id).filter((f) => f.startsWith('invalid-'));
      expect(invalid.length).toBeGreaterThan(0);
      for (const file of invalid) {
        const expected = readJson(join(repoRoot, 'examples', id, file.replace(/\.json$/, '.expected.json')));
        const expectedSchemaErrors = (expected as ExpectedError[]).filter(
          (e) => !crossFieldRules.has(e.rule),
        );
        const crossField = (expected as ExpectedError[]).filter((e) => crossFieldRules.has(e.rule));
        expect(expectedSchemaErrors.length).toBeGreaterThan(0);
        expect(crossField.length).toBeGreaterThan(0);
        expect(validate(readJson(join(repoRoot, 'examples', id, file)))).toBe(false);
        const errors = validate.errors ?? [];
        // A oneOf branch whose discriminator (const) does not match is not the user's choice: drop it.
        const otherBranches = errors
          .filter((e) => e.keyword === 'const')
          .map((e) => /^(.*\/oneOf\/[0-9]+)\//.exec(e.schemaPath)?.[1])
          .filter((prefix): prefix is string => prefix !== undefined);
        const actual = errors
          .filter((e) => !wrapperKeywords.has(e.keyword))
          .filter((e) => !otherBranches.some((prefix) => e.schemaPath.startsWith(`${prefix}/`)))
          .map((e) => ({ pointer: e.instancePath, rule: e.keyword }));
        const key = (e: ExpectedError) => `${e.pointer} ${e.rule}`;
        const actualKeys = new Set(actual.map(key));
        // Every expected error is reported; anything else ajv says (the other oneOf branches, the
        // unevaluatedProperties after a failed branch) sits on an expected field or one of its parents.
        expect(expectedSchemaErrors.filter((e) => !actualKeys.has(key(e)))).toEqual([]);
        const related = (pointer: string) =>
          expectedSchemaErrors.some((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`));
        expect(actual.filter((e) => !related(e.pointer))).toEqual([]);
      }
    });
  },
);
