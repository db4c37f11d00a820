/**
 * Regressions the form round-trip fuzzer found (test/fuzz/formRoundTrip.fuzz.test.tsx), each with its
 * shrunk input: a key named "__proto__" is data in both directions, and the form's default request is
 * the one defaultsOf (and so `formulary defaults`) gives.
 */
import { cleanup, render } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import { buildFieldModel, defaultsOf } from '../../src/schemas/index';

afterEach(cleanup);

function requestOf(schemaText: string, formData?: unknown) {
  const model = buildFieldModel(JSON.parse(schemaText));
  const handle = createRef<SubmissionFormHandle>();
  render(<SubmissionForm model={model} formData={formData} formRef={handle} />);
  return { model, request: handle.current!.getRequest() };
}

test('a null in a field named "__proto__" comes back as null, not dropped', () => {
  const { request } = requestOf(
    '{"type":"object","properties":{"__proto__":{"type":["string","null"]}}}',
    JSON.parse('{"__proto__":null}'),
  );
  expect(JSON.stringify(request)).toBe('{"__proto__":null}');
  expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
});

test('a field named "__proto__" that the request lacks stays absent (it is not the prototype)', () => {
  const { request } = requestOf('{"type":"object","properties":{"__proto__":true}}', {});
  expect(JSON.stringify(request)).toBe('{}');
});

test("a list default's rows get the item's defaults, in the form and in defaultsOf alike", () => {
  const { model, request } = requestOf(
    '{"type":"object","properties":{"q":{"type":"array","minItems":1,"default":[{}, {"max":true}],"items":{"type":"object","properties":{"max":{"type":"boolean","default":false}}}}}}',
  );
  expect(request).toEqual({ q: [{ max: false }, { max: true }] });
  expect(defaultsOf(model)).toEqual(request);
});

const nullableList =
  '{"type":"object","properties":{"q":{"type":"object","properties":{"q":{"anyOf":[{"type":"array","items":{"type":"boolean"}},{"type":"null"}]}}}}}';

test('a nullable list given as null comes back null, through formData and through import', () => {
  // Shrunk fuzzer input (6,000 runs, seed 20261207): the engine had no "unset" list, so null became [].
  const { request } = requestOf(nullableList, { q: { q: null } });
  expect(request).toEqual({ q: { q: null } });
  cleanup();
  const model = buildFieldModel(JSON.parse(nullableList));
  const handle = createRef<SubmissionFormHandle>();
  render(<SubmissionForm model={model} formData={{ q: { q: [true] } }} formRef={handle} />);
  expect(handle.current!.importRequest({ q: { q: null } })).toEqual([]);
  expect(handle.current!.getRequest()).toEqual({ q: { q: null } });
  expect(handle.current!.importRequest({ q: { q: [] } })).toEqual([]);
  expect(handle.current!.getRequest()).toEqual({ q: { q: [] } });
});

test('a nullable list without a default starts unset, as defaultsOf says', () => {
  const { model, request } = requestOf(nullableList);
  expect(request).toEqual({ q: { q: null } });
  expect(defaultsOf(model)).toEqual(request);
});
