/**
 * Property: on random schemas and random queries, FieldIndex.search returns exactly what the plain
 * linear filter returns (same fields, same order), and every hit really contains every query word.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildFieldModel, FieldIndex, linearSearch, words } from '../../../src/schemas/index';

const vocabulary = [
  'Q',
  'min',
  'max',
  'Log',
  'bins',
  'per',
  'decade',
  'wavelength',
  'Wave',
  'step',
  'détecteur',
  'Énergie',
  'transmission',
  'thickness',
  'run',
  'Run',
  'sample',
  'beam',
  'center',
  'X',
  '2',
  '10',
  'mask',
  'phi',
  'Å',
  'meV',
  'cm',
  'background',
  'fit',
  'q',
];
const word = fc.constantFrom(...vocabulary);
const phrase = fc.array(word, { minLength: 1, maxLength: 4 });
const camelKey = phrase.map((ws) => ws.map((w, i) => (i === 0 ? w.toLowerCase() : w)).join(''));

const field = fc.record(
  {
    title: phrase.map((ws) => ws.join(' ')),
    description: phrase.map((ws) => ws.join(' ')),
    'x-units': fc.constantFrom('Å', '1/Å', 'meV', 'cm', 'µs'),
    enumLabels: fc.array(
      phrase.map((ws) => ws.join(' ')),
      { minLength: 1, maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

const schemaArb = fc
  .uniqueArray(fc.tuple(camelKey, field, fc.constantFrom(null, 'groupA', 'groupB')), {
    selector: ([k]) => k,
    minLength: 1,
    maxLength: 25,
  })
  .map((props) => {
    const root: Record<string, unknown> = {};
    const groups: Record<string, Record<string, unknown>> = {};
    for (const [key, f, group] of props) {
      const { enumLabels, ...rest } = f;
      const schema: Record<string, unknown> = { type: 'number', ...rest };
      if (enumLabels) {
        delete schema.type;
        schema.oneOf = enumLabels.map((title, i) => ({ const: `v${i}`, title }));
      }
      if (group) {
        groups[group] = { ...groups[group], [key]: schema };
      } else root[key] = schema;
    }
    for (const [name, properties] of Object.entries(groups))
      root[name] = { type: 'object', title: name, properties };
    return { type: 'object', properties: root };
  });

const queryArb = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
  fc
    .array(
      word.map((w) => w.slice(0, 1 + (w.length >> 1))),
      { minLength: 1, maxLength: 3 },
    )
    .map((ws) => ws.join(' ')),
  camelKey,
  fc.string({ maxLength: 6 }),
);

describe('FieldIndex equals the linear filter', () => {
  test('same hits, same order, on random schemas and queries', () => {
    fc.assert(
      fc.property(schemaArb, fc.array(queryArb, { minLength: 1, maxLength: 8 }), (schema, queries) => {
        const index = new FieldIndex(buildFieldModel(schema));
        for (const q of queries) {
          const hits = index.search(q);
          expect(hits, q).toEqual(linearSearch(index.entries, q));
          for (const h of hits)
            for (const w of words(q))
              expect([...h.entry.nameWords, ...h.entry.descriptionWords].some((x) => x.startsWith(w))).toBe(
                true,
              );
        }
      }),
      { numRuns: 200 },
    );
  });
});
