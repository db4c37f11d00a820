/**
 * vocabulary.ts against the real thing: each dialect's keyword list is exactly what the matching ajv
 * class knows (minus ajv's non-standard extras), our keywords register with ajv and their value
 * schemas accept the documented examples, docs/vocabulary.md covers every keyword, and FieldRefs resolve.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Dialect } from '../../../src/schemas/FieldModel';
import {
  formularyKeywords,
  jsonSchemaKeywords,
  knownKeywords,
  resolveFieldRef,
  uiSchemaKeys,
  vocabularyKeyword,
} from '../../../src/schemas/vocabulary';
import { ajvFor } from './compileWithAjv';

const dialects: Dialect[] = ['draft-07', '2019-09', '2020-12'];

describe('dialect keyword lists', () => {
  test.each(dialects)('every %s keyword is one the matching ajv class knows', (dialect) => {
    const ajv = ajvFor(dialect);
    // RULES.keywords is what strict mode checks a schema's keywords against
    // $anchor is the exception: ajv's strict mode rejects it, and the loader removes it (refs become pointers)
    for (const keyword of jsonSchemaKeywords(dialect).filter((k) => k !== '$anchor')) {
      expect([keyword, Object.hasOwn(ajv.RULES.keywords, keyword)]).toEqual([keyword, true]);
    }
    expect(Object.hasOwn(ajv.RULES.keywords, 'titel')).toBe(false);
  });

  test('keywords that changed between dialects are in the right lists', () => {
    expect(knownKeywords('draft-07').has('additionalItems')).toBe(true);
    expect(knownKeywords('2020-12').has('additionalItems')).toBe(false);
    expect(knownKeywords('draft-07').has('prefixItems')).toBe(false);
    expect(knownKeywords('2020-12').has('prefixItems')).toBe(true);
    expect(knownKeywords('2019-09').has('$recursiveRef')).toBe(true);
    expect(knownKeywords('2020-12').has('$recursiveRef')).toBe(false);
    expect(knownKeywords('2020-12').has('$dynamicRef')).toBe(true);
    expect(knownKeywords('draft-07').has('dependentRequired')).toBe(false);
    for (const d of dialects) {
      expect(knownKeywords(d).has('x-lessThan')).toBe(true);
      expect(knownKeywords(d).has('ui:order')).toBe(true);
      expect(knownKeywords(d).has('x-lessthan')).toBe(false);
    }
  });
});

describe('our keywords', () => {
  const examples: Record<string, unknown[]> = {
    'x-advanced': [true],
    'x-units': ['Å', '1/Å'],
    'x-order': [-1, 2.5],
    'x-group': ['Masks'],
    'x-widget': ['runList'],
    'x-input': ['run-list', 'number-list', 'path'],
    'x-placeholder': ['12345-12350'],
    'x-lessThan': ['1/Qmax', ['1/Qmax', '/reduction/limit']],
    'x-requires': ['1/partner', ['1/a', '1/b']],
    'x-atMostOneTrue': [['0/useA', '0/useB']],
    'x-sameLength': [['0/wedgeMin', '0/wedgeMax']],
    'x-requiredWhen': [
      { pointer: '1/binType', equals: 'log' },
      { pointer: '1/mode', in: ['a', 'b'] },
      [
        { pointer: '/sample/run', set: true },
        { pointer: '1/x', equals: null },
      ],
    ],
    'x-messages': [{ lessThan: 'Q min must be below Q max' }],
  };
  const wrong: Record<string, unknown[]> = {
    'x-advanced': ['yes'],
    'x-input': ['runs'],
    'x-lessThan': ['Qmax', []],
    'x-atMostOneTrue': [['0/only']],
    'x-requiredWhen': [{ pointer: '1/a' }, { pointer: '1/a', equals: 1, set: true }],
  };

  test('each has an example here, and ajv accepts the examples', () => {
    expect(Object.keys(examples).sort()).toEqual(formularyKeywords.map((k) => k.name).sort());
    const ajv = ajvFor('2020-12');
    for (const [keyword, values] of Object.entries(examples)) {
      for (const value of values) expect(() => ajv.compile({ [keyword]: value })).not.toThrow();
    }
  });

  test('ajv rejects values of the wrong shape, naming the keyword', () => {
    const ajv = ajvFor('draft-07');
    for (const [keyword, values] of Object.entries(wrong)) {
      for (const value of values) expect(() => ajv.compile({ [keyword]: value })).toThrow(keyword);
    }
  });

  test('docs/vocabulary.md documents every keyword and ui: key', () => {
    const docs = readFileSync(resolve(__dirname, '../../../docs/vocabulary.md'), 'utf8');
    for (const k of [...formularyKeywords, ...uiSchemaKeys])
      expect([k.name, docs.includes(`\`${k.name}\``)]).toEqual([k.name, true]);
  });

  test('vocabularyKeyword finds ours and nothing else', () => {
    expect(vocabularyKeyword('x-sameLength')?.rule).toBe('sameLength');
    expect(vocabularyKeyword('ui:help')?.valueTypes).toEqual(['string']);
    expect(vocabularyKeyword('title')).toBeUndefined();
  });
});

describe('resolveFieldRef', () => {
  test.each([
    ['/reduction/Qmin', '1/Qmax', '/reduction/Qmax'],
    ['/reduction/Qmin', '0', '/reduction/Qmin'],
    ['/reduction', '0/useA', '/reduction/useA'],
    ['/a/b/c', '2/x/y', '/a/x/y'],
    ['/a/b', '2/top', '/top'],
    ['/a', '1', ''],
    ['/scans/*/Qmin', '1/Qmax', '/scans/*/Qmax'],
    ['/scans/*/Qmin', '/absolute/Qmax', '/absolute/Qmax'],
  ])('from %s, %s is %s', (owner, ref, expected) => {
    expect(resolveFieldRef(owner, ref)).toBe(expected);
  });

  test('climbing above the root or a bare name is an error that says so', () => {
    expect(() => resolveFieldRef('/a', '2/b')).toThrow(/climbs 2 levels/);
    expect(() => resolveFieldRef('/a/b', 'Qmax')).toThrow(/not a JSON Pointer/);
    expect(() => resolveFieldRef('/a/b', '01/x')).toThrow(/not a JSON Pointer/);
  });
});
