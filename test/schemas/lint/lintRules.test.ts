/**
 * Every lint rule fires on its broken fixture (test/fixtures/lint/<rule>.schema.json) at the place
 * the mistake is written, and stays quiet on the shipped instrument schemas.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type LintOptions, lintRules, readSchemaTranslation } from '../../../src/schemas/index';
import { instrumentCatalogue } from '../../../src/schemas/instruments/index';
import { fixture, lintFile, repoRoot } from './lintTestKit';

/** Where each fixture's mistake is: a pointer inside the fixture file. */
const expectedAt: Record<string, string[]> = {
  'schema-valid': ['/properties/wavelengthMin/minimum'],
  'unresolved-ref': ['/properties/sampleRuns'],
  'unknown-keyword': ['/properties/sampleThickness/x-unit'],
  'default-invalid': [
    '/properties/binning/default',
    '/properties/numberOfBins/default',
    '/properties/iptsNumber/default',
  ],
  'advanced-no-default': ['/properties/smearingPixelSizeX'],
  'advanced-required-no-default': ['/properties/corrections/properties/errorWeighting'],
  'rule-target': ['/properties/Qmin/x-lessThan', '/x-atMostOneTrue'],
  'duplicate-label': ['/properties/sample_run'],
  'missing-units': ['/properties/wavelengthMin'],
  'unit-mismatch': ['/properties/sampleThickness_cm'],
  'unsafe-pattern': ['/properties/runs/pattern', '/properties/maskFile/pattern'],
  'ambiguous-oneof': ['/properties/absoluteScale/oneOf/1'],
  'impossible-condition': ['/if/properties/binning'],
  'example-invalid': ['/examples/0'],
  'field-example-invalid': ['/properties/contact/examples/1', '/properties/wavelength/examples/0'],
  // With the fixture's translation (<rule>.fr.json): a description and an enum label left out; an
  // enum value and a field the schema does not have, each found at the nearest node it still has.
  'translation-missing': ['/properties/sample/properties/thickness', '/properties/sample/properties/binning'],
  'translation-stale': ['/properties/sample/properties/binning', '/properties/sample'],
};

/** The translation a translation rule's fixture is linted with (test/fixtures/lint/<rule>.fr.json). */
function translationsFor(rule: string): LintOptions {
  const file = fixture(`${rule}.fr.json`);
  if (!existsSync(file)) return {};
  return {
    translations: [{ file, translation: readSchemaTranslation(JSON.parse(readFileSync(file, 'utf8'))) }],
  };
}

describe('each rule fires on its fixture', () => {
  test('every rule has a fixture and an expectation', () => {
    const fixtures = readdirSync(join(repoRoot, 'test/fixtures/lint')).map((f) =>
      f.replace(/\.schema\.json$|\.fr\.json$/, ''),
    );
    for (const rule of lintRules) {
      expect(fixtures, rule.id).toContain(rule.id);
      expect(expectedAt[rule.id], rule.id).toBeDefined();
      expect(rule.description.length, rule.id).toBeGreaterThan(20);
    }
  });

  for (const rule of lintRules) {
    test(rule.id, async () => {
      const diagnostics = await lintFile(fixture(`${rule.id}.schema.json`), translationsFor(rule.id));
      const own = diagnostics.filter((d) => d.rule === rule.id);
      expect(own.map((d) => d.pointer).sort()).toEqual([...expectedAt[rule.id]!].sort());
      for (const d of own) {
        expect(d.severity).toBe(rule.severity);
        expect(d.file).toMatch(new RegExp(`${rule.id}\\.schema\\.json$`));
        expect(d.line).toBeGreaterThan(1);
        expect(d.column).toBeGreaterThan(0);
      }
    });
  }
});

describe('messages help the author', () => {
  test('unknown-keyword suggests our keyword', async () => {
    const [d] = (await lintFile(fixture('unknown-keyword.schema.json'))).filter(
      (x) => x.rule === 'unknown-keyword',
    );
    expect(d!.message).toContain('did you mean "x-units"');
  });

  test('default-invalid says what is wrong with the default', async () => {
    const messages = (await lintFile(fixture('default-invalid.schema.json')))
      .map((d) => d.message)
      .join('\n');
    expect(messages).toContain('"logarithmic" is not one of "linear", "log"');
    expect(messages).toContain('2000 is above the maximum 1000');
    expect(messages).toContain('does not match the pattern');
  });

  test('missing-units suggests a unit that fits the quantity', async () => {
    const { lintSchema } = await import('../../../src/schemas/lint/lintSchema');
    const { loadSchema } = await import('../../../src/schemas/load/loadSchema');
    const { buildFieldModel } = await import('../../../src/schemas/model/buildFieldModel');
    const loaded = await loadSchema({
      properties: {
        scatteringAngle: { type: 'number' },
        Qmax: { type: 'number' },
        apertureRadius: { type: 'number' },
        wavelength: { type: 'number' },
      },
    });
    const messages = lintSchema(loaded, { model: buildFieldModel(loaded) })
      .filter((d) => d.rule === 'missing-units')
      .map((d) => `${d.pointer}: ${/"x-units": "([^"]+)"/.exec(d.message)?.[1]}`);
    expect(messages.sort()).toEqual([
      '/properties/Qmax: 1/Å',
      '/properties/apertureRadius: mm',
      '/properties/scatteringAngle: degrees',
      '/properties/wavelength: Å',
    ]);
  });

  test('field-example-invalid and default-invalid name a value of the wrong format', async () => {
    const found = (await lintFile(fixture('field-example-invalid.schema.json'))).map(
      (d) => `${d.rule}: ${d.message}`,
    );
    expect(found).toContain(
      'default-invalid: the default fails its own field: "31/12/2026" is not a valid date',
    );
    expect(found).toContain(
      'field-example-invalid: example 1 fails its own field: "ask at the desk" is not a valid email',
    );
  });

  test('format is checked only where the dialect asserts it', async () => {
    const { lintSchema } = await import('../../../src/schemas/lint/lintSchema');
    const { loadSchema } = await import('../../../src/schemas/load/loadSchema');
    const { buildFieldModel } = await import('../../../src/schemas/model/buildFieldModel');
    const field = { type: 'string', format: 'email', default: 'nobody', examples: ['x'] };
    const rulesOf = async (schema: object) => {
      const loaded = await loadSchema(schema);
      const diagnostics = lintSchema(loaded, { model: buildFieldModel(loaded) });
      return diagnostics.map((d) => d.rule).filter((r) => r.endsWith('-invalid'));
    };
    const draft07 = { $schema: 'http://json-schema.org/draft-07/schema#', properties: { mail: field } };
    const modern = { $schema: 'https://json-schema.org/draft/2020-12/schema', properties: { mail: field } };
    expect((await rulesOf(draft07)).sort()).toEqual(['default-invalid', 'field-example-invalid']);
    expect(await rulesOf(modern)).toEqual([]);
  });

  test('rule-target suggests the field that was meant', async () => {
    const messages = (await lintFile(fixture('rule-target.schema.json'))).map((d) => d.message).join('\n');
    expect(messages).toContain('did you mean /Qmax?');
    expect(messages).toContain('/outputName, which is not a boolean');
  });

  test('a misspelt type is one finding that names the type meant, in draft-07 and 2020-12', async () => {
    for (const $schema of [
      'http://json-schema.org/draft-07/schema#',
      'https://json-schema.org/draft/2020-12/schema',
    ]) {
      const found = (
        await lintFile({
          $schema,
          type: 'object',
          properties: { y: { type: 'numbr' }, x: { type: ['number', 'nul'] }, z: { items: 5 } },
        })
      ).filter((d) => d.rule === 'schema-valid');
      expect(found.map((d) => [d.pointer, d.message.replace(/^not valid [^:]+: /, '')])).toEqual([
        [
          '/properties/y/type',
          expect.stringContaining('"numbr" is not a JSON Schema type (did you mean "number"?)'),
        ],
        [
          '/properties/x/type/1',
          expect.stringContaining('"nul" is not a JSON Schema type (did you mean "null"?)'),
        ],
        [
          '/properties/z/items',
          expect.stringMatching(/^\/properties\/z\/items must be object(, boolean, or array| or boolean)$/),
        ],
      ]);
    }
  });

  test('a key that ends in its unit needs no x-units', async () => {
    const found = await lintFile({
      type: 'object',
      properties: { sampleThickness_cm: { type: 'number' }, sampleThickness: { type: 'number' } },
    });
    expect(found.filter((d) => d.rule === 'missing-units').map((d) => d.pointer)).toEqual([
      '/properties/sampleThickness',
    ]);
  });

  test('a rule can be switched off or made an error by configuration', async () => {
    const off = await lintFile(fixture('missing-units.schema.json'), { rules: { 'missing-units': 'off' } });
    expect(off.filter((d) => d.rule === 'missing-units')).toEqual([]);
    const error = await lintFile(fixture('missing-units.schema.json'), {
      rules: { 'missing-units': 'error' },
    });
    expect(error.find((d) => d.rule === 'missing-units')?.severity).toBe('error');
  });

  test('the quantity list is configurable', async () => {
    const custom = await lintFile(fixture('missing-units.schema.json'), { quantities: ['bins'] });
    expect(custom.filter((d) => d.rule === 'missing-units')).toEqual([]);
  });

  test('strict turns unknown keywords into errors; extraKeywords accepts them', async () => {
    const strict = await lintFile(fixture('unknown-keyword.schema.json'), { strict: true });
    expect(strict.find((d) => d.rule === 'unknown-keyword')?.severity).toBe('error');
    const extra = await lintFile(fixture('unknown-keyword.schema.json'), { extraKeywords: ['x-unit'] });
    expect(extra.filter((d) => d.rule === 'unknown-keyword')).toEqual([]);
  });
});

describe('quiet on the shipped schemas', () => {
  for (const entry of instrumentCatalogue) {
    test(entry.id, async () => {
      const diagnostics = await lintFile(join(repoRoot, entry.schemaPath));
      expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`)).toEqual([]);
    });
  }
});
