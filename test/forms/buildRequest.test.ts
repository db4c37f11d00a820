/**
 * buildRequest on flat values: hidden fields are left out of the request and kept when a draft asks
 * for them; a key then and else share is one field, in the request on either side.
 */
import { expect, test } from 'vitest';
import { buildRequest } from '../../src/forms/engine/buildRequest';
import { flattenValues } from '../../src/forms/engine/flattenValues';
import { conditionTest } from '../../src/forms/engine/schemasBridge';
import { buildFieldModel } from '../../src/schemas/index';

const model = buildFieldModel({
  type: 'object',
  properties: { mode: { enum: ['number', 'text'], default: 'number' }, note: { type: 'string' } },
  if: { properties: { mode: { const: 'number' } } },
  // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
  then: { properties: { x: { type: 'number', default: 1 }, onlyThen: { type: 'integer', default: 7 } } },
  else: { properties: { x: { type: 'string', default: 's' } } },
});

function valuesFor(request: unknown) {
  let id = 0;
  const { values } = flattenValues(model, request, () => String(id++));
  return (name: string) => values[name];
}

test('a hidden field is left out of the request and kept in the draft values', () => {
  const read = valuesFor({ mode: 'text', x: 'typed', onlyThen: 9 });
  expect(buildRequest(model, read, conditionTest).request).toEqual({ mode: 'text', x: 'typed' });
  expect(buildRequest(model, read, conditionTest, { keepHidden: true }).request).toEqual({
    mode: 'text',
    x: 'typed',
    onlyThen: 9,
  });
});

test('a key then and else share is in the request on either side', () => {
  for (const [mode, x] of [
    ['number', 3],
    ['text', 'three'],
  ] as const) {
    const read = valuesFor({ mode, x });
    expect(
      (buildRequest(model, read, conditionTest, { keepHidden: true }).request as Record<string, unknown>).x,
    ).toBe(x);
    expect((buildRequest(model, read, conditionTest).request as Record<string, unknown>).x).toBe(x);
  }
});
