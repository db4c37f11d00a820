/**
 * Conditions as the form uses them: evaluateCondition (if/then/else and dependencies, inside list rows
 * too) and visibleRequest, which leaves hidden fields out of the request without touching the values.
 */
import { describe, expect, test } from 'vitest';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { evaluateCondition } from '../../../src/schemas/validate/evaluateCondition';
import { isDangerousPattern } from '../../../src/schemas/validate/safePattern';
import { visibleRequest } from '../../../src/schemas/validate/visibleRequest';

const model = buildFieldModel({
  type: 'object',
  properties: {
    slicing: { enum: ['none', 'time'] },
    useMask: { type: ['boolean', 'null'] },
    scans: {
      type: 'array',
      items: {
        type: 'object',
        properties: { kind: { enum: ['sample', 'background'] }, run: { type: 'integer' } },
        if: { properties: { kind: { const: 'sample' } } },
        // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
        then: { properties: { thickness: { type: 'number' } } },
      },
    },
  },
  if: { properties: { slicing: { const: 'time' } }, required: ['slicing'] },
  // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
  then: { properties: { interval: { type: 'number' } } },
  else: { properties: { note: { type: 'string', pattern: '^[a-z]+(,[a-z]+)*$' } } },
  dependentSchemas: { useMask: { properties: { maskFile: { type: 'string' } } } },
});
const byScope = (scope: string, kind: 'ifThenElse' | 'dependency') =>
  model.conditions.find((c) => c.scope === scope && c.kind === kind)!;

describe('evaluateCondition', () => {
  test('if/then/else on the object that holds it', () => {
    const c = byScope('', 'ifThenElse');
    expect(evaluateCondition(model, c, { slicing: 'time' })).toBe(true);
    expect(evaluateCondition(model, c, { slicing: 'none' })).toBe(false);
    expect(evaluateCondition(model, c, {})).toBe(false);
  });
  test('a dependency holds when its key is set (null counts as unset)', () => {
    const c = byScope('', 'dependency');
    expect(evaluateCondition(model, c, { useMask: true })).toBe(true);
    expect(evaluateCondition(model, c, { useMask: null })).toBe(false);
  });
  test('inside list rows, with row indexes', () => {
    const c = byScope('/scans/*', 'ifThenElse');
    const values = { scans: [{ kind: 'background' }, { kind: 'sample' }] };
    expect(evaluateCondition(model, c, values, [0])).toBe(false);
    expect(evaluateCondition(model, c, values, [1])).toBe(true);
  });
});

describe('visibleRequest', () => {
  const values = {
    slicing: 'none',
    interval: 10,
    note: 'abc',
    useMask: null,
    maskFile: '/SNS/mask.xml',
    scans: [
      { kind: 'background', run: 1, thickness: 0.1 },
      { kind: 'sample', run: 2, thickness: 0.2 },
    ],
  };
  test('drops what unmet conditions hide, row by row', () => {
    expect(visibleRequest(model, values)).toEqual({
      slicing: 'none',
      note: 'abc',
      useMask: null,
      scans: [
        { kind: 'background', run: 1 },
        { kind: 'sample', run: 2, thickness: 0.2 },
      ],
    });
  });
  test('leaves the form values alone', () => {
    const before = JSON.stringify(values);
    visibleRequest(model, values);
    expect(JSON.stringify(values)).toBe(before);
  });
});

describe('patterns', () => {
  test.each([
    ['^(a+)+$', true],
    ['(\\d*,?)*', true],
    ['(x+x+)+y', true],
    ['^[0-9]+(,[0-9]+)*$', false],
    ['^\\s*\\d+(\\s*[,:-]\\s*\\d+)*\\s*$', false],
    ['^(IPTS-)?[0-9]+$', false],
    ['^(/[^/]+)+/?$', false],
  ])('%s dangerous: %s', (pattern, dangerous) => {
    expect(isDangerousPattern(pattern)).toBe(dangerous);
  });
  test('the model warns about a dangerous pattern, naming where it is', () => {
    const m = buildFieldModel({
      properties: { s: { type: 'string', pattern: '^(a|aa)+$' }, t: { type: 'string', pattern: '^(a+)+$' } },
    });
    const warnings = m.diagnostics.filter((d) => d.rule === 'unsafe-pattern');
    expect(warnings.map((d) => d.location.schemaPointer)).toContain('#/properties/t');
  });
});
