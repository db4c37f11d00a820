/**
 * ajv's errors worded from the catalogues: a French user sees French for every keyword ajv reports
 * (pattern, multipleOf, const, uniqueItems, minProperties, contains, propertyNames, not, tuples...),
 * in the form's validator and in the linter's schema-valid findings; English keeps its sentences.
 * Real ajv errors from real schemas in each dialect, no hand-made error objects except for the
 * keywords only a discriminator or ajv-formats option raises.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  buildFieldModel,
  createValidator,
  lintSchema,
  loadSchema,
  withLocale,
} from '../../../src/schemas/index';
import { keywordMessage } from '../../../src/schemas/validate/keywordMessage';

/** Words ajv writes in English; none may reach a French message. */
const ajvEnglish = /\b(must|should|NOT|equal|allowed|valid)\b/;

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    code: { type: 'string', pattern: '^[A-Z]+$' },
    step: { type: 'number', multipleOf: 0.5 },
    fixed: { const: 'fixe' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    opts: { type: 'object', minProperties: 2, additionalProperties: true },
    few: { type: 'object', maxProperties: 1, additionalProperties: true },
    hasFive: { type: 'array', contains: { const: 5 } },
    names: { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: true },
    notText: { not: { type: 'string' } },
    pair: { type: 'array', items: [{ type: 'number' }, { type: 'number' }], additionalItems: false },
  },
};
const bad = {
  code: 'abc',
  step: 0.3,
  fixed: 'autre',
  tags: ['a', 'b', 'a'],
  opts: { a: 1 },
  few: { x: 1, y: 2 },
  hasFive: [1],
  names: { AB: 1 },
  notText: 'x',
  pair: [1, 2, 3],
};

function messagesIn(locale: string): Map<string, string[]> {
  const validator = createValidator(buildFieldModel(schema as never), { locale });
  const byRule = new Map<string, string[]>();
  for (const e of validator.validate(bad)) byRule.set(e.rule, [...(byRule.get(e.rule) ?? []), e.message]);
  return byRule;
}

describe('ajv keywords in the catalogue', () => {
  it('words every failure of the request in French, with the params', () => {
    const fr = messagesIn('fr');
    expect(fr.get('pattern')).toEqual([
      'n’a pas la forme attendue (motif ^[A-Z]+$)',
      'n’a pas la forme attendue (motif ^[a-z]+$)', // the key AB, under propertyNames
    ]);
    expect(fr.get('multipleOf')).toEqual(['doit être un multiple de 0,5']);
    expect(fr.get('uniqueItems')).toEqual([
      'ne doit pas répéter une valeur (les éléments 1 et 3 sont identiques)',
    ]);
    expect(fr.get('minProperties')).toEqual(['doit compter au moins 2 entrées']);
    expect(fr.get('maxProperties')).toEqual(['doit compter au plus 1 entrée']);
    expect(fr.get('contains')).toEqual(['doit contenir au moins 1 valeur de la forme attendue']);
    expect(fr.get('propertyNames')).toEqual(['le nom « AB » n’est pas permis ici']);
    expect(fr.get('not')).toEqual(['est une valeur que le schéma exclut ici']);
    expect(fr.get('additionalItems')).toEqual(['doit compter au plus 2 valeurs']);
    for (const [rule, messages] of fr)
      for (const message of messages) expect(`${rule}: ${message}`).not.toMatch(ajvEnglish);
  });

  it('says the same failures in English in our words, not ajv’s', () => {
    const en = messagesIn('en');
    expect(en.get('minProperties')).toEqual(['must have at least 2 entries']);
    expect(en.get('contains')).toEqual(['must hold at least 1 value of the expected form']);
    expect(en.get('additionalItems')).toEqual(['must have at most 2 values']);
    expect(en.get('uniqueItems')).toEqual(['must not repeat a value (items 1 and 3 are the same)']);
  });

  it('words a const and a 2020-12 tuple and contains range from real ajv errors', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const check = ajv.compile({
      type: 'object',
      properties: {
        c: { const: 3 },
        t: { prefixItems: [{ type: 'number' }], items: false },
        n: { type: 'array', contains: { type: 'number' }, minContains: 2, maxContains: 3 },
        u: { type: 'array', prefixItems: [{ type: 'number' }], unevaluatedItems: false },
      },
    });
    check({ c: 4, t: [1, 2], n: [1, 'a'], u: [1, 2, 3] });
    const fr = withLocale('fr', () => (check.errors ?? []).map((e) => [e.keyword, keywordMessage(e)]));
    expect(fr).toEqual(
      expect.arrayContaining([
        ['const', 'doit être 3'],
        ['items', 'doit compter au plus 1 valeur'],
        ['contains', 'doit contenir de 2 à 3 valeurs de la forme attendue'],
        ['unevaluatedItems', 'doit compter au plus 1 valeur'],
      ]),
    );
  });

  it('words the discriminator and format limits (raised only with those ajv options)', () => {
    const error = (keyword: string, params: Record<string, unknown>) => ({
      keyword,
      params,
      instancePath: '',
      schemaPath: '#',
      message: 'ajv English',
    });
    withLocale('fr', () => {
      expect(keywordMessage(error('discriminator', { error: 'tag', tag: 'kind' }))).toBe(
        '« kind » doit être du texte',
      );
      expect(keywordMessage(error('formatMinimum', { comparison: '>=', limit: '2024-01-01' }))).toBe(
        'doit être au moins 2024-01-01',
      );
      // A facility's own keyword: its name, never ajv's English, in a language other than English.
      expect(keywordMessage(error('x-facilityCheck', {}))).toBe('n’est pas valide (x-facilityCheck)');
    });
    expect(withLocale('en', () => keywordMessage(error('x-facilityCheck', {})))).toBe('ajv English');
  });

  it("words the linter's meta-schema findings and strict-mode findings in French", async () => {
    const loaded = await loadSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        a: { type: 'number', minimum: 'zero' },
        b: { type: 'string', minLength: -1 },
        c: { items: 5 },
      },
    });
    const found = withLocale('fr', () => lintSchema(loaded)).filter((d) => d.rule === 'schema-valid');
    expect(found.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        'non conforme à draft-07 : /properties/a/minimum doit être number',
        'non conforme à draft-07 : /properties/b/minLength doit être au moins 0',
        'non conforme à draft-07 : /properties/c/items doit être object, boolean ou array',
      ]),
    );
    for (const d of found) expect(d.message).not.toMatch(ajvEnglish);

    const strict = await loadSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { d: { properties: { e: { type: 'string' } } } },
    });
    const strictFound = withLocale('fr', () => lintSchema(strict)).filter((d) => d.rule === 'schema-valid');
    expect(strictFound.map((d) => d.message)).toEqual([
      'mode strict d’ajv : le mot-clé « properties » s’applique aux valeurs object, mais aucun "type": "object" n’est déclaré à côté',
    ]);
  });
});
