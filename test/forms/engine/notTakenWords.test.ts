/**
 * The import notice's reasons for values the form could not take (an object or list of the wrong
 * type, a mode no branch has) come from the catalogue, in the language the form is built in.
 */
import { expect, test } from 'vitest';
import { flattenValues } from '../../../src/forms/engine/flattenValues';
import { buildFieldModel, withLocale } from '../../../src/schemas/index';

const model = buildFieldModel({
  type: 'object',
  properties: {
    sample: { type: 'object', properties: { name: { type: 'string' } } },
    scans: { type: 'array', items: { type: 'object', properties: { run: { type: 'integer' } } } },
    mode: {
      oneOf: [
        {
          title: 'Averaged',
          type: 'object',
          properties: { kind: { const: 'averaged' } },
          required: ['kind'],
        },
        { title: 'Each scan', type: 'object', properties: { kind: { const: 'each' } }, required: ['kind'] },
      ],
    },
  },
});

const request = { sample: 12, scans: 'all of them', mode: { kind: 'fused' } };

function reasons(locale: string): string[] {
  let id = 0;
  return withLocale(locale, () =>
    flattenValues(model, request, () => String(id++)).notTaken.map((n) => `${n.pointer} ${n.message}`),
  );
}

test('the reasons are worded in English', () => {
  expect(reasons('en')).toEqual([
    '/sample a number where an object belongs: its defaults were used',
    '/scans text where a list belongs: the default rows were used',
    '/mode/kind none of "averaged", "each": "Averaged" was used',
  ]);
});

test('the reasons are worded in French, with no English left', () => {
  const french = reasons('fr');
  expect(french).toEqual([
    '/sample un nombre à la place d’un objet : ses valeurs par défaut ont été utilisées',
    '/scans du texte à la place d’une liste : les lignes par défaut ont été utilisées',
    '/mode/kind aucune de "averaged", "each" : « Averaged » a été retenu',
  ]);
  for (const line of french) expect(line).not.toMatch(/where|belongs|was used|defaults/);
});
