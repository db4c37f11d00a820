/**
 * Fuzz property 3: a valid request of a random schema, given to the form as formData, comes back from
 * getRequest unchanged (what a condition hides aside), and export → import (JSON text through
 * importRequest) is the identity. Requests are drawn per field from its kind and limits, and kept only
 * when the validator accepts them, so every compared request is one a scientist could have sent.
 */
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { createRef } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import {
  buildFieldModel,
  createValidator,
  defaultsOf,
  type FieldModel,
  type FieldNode,
  jsonEquals,
  setAt,
  visibleRequest,
} from '../../src/schemas/index';
import { fieldsOutsideComparison } from './fieldsOutsideComparison';
import { budget, timeoutFor } from './fuzzBudget';
import { type FuzzDialect, schemaArbitrary } from './schemaArbitrary';

afterEach(cleanup);

/** A value the field's own constraints accept, or undefined to leave the field unset. */
function valueFor(field: FieldNode): fc.Arbitrary<unknown> {
  const low = Math.max(
    field.minimum ?? -1e4,
    field.exclusiveMinimum !== undefined ? field.exclusiveMinimum + 1 : -1e4,
  );
  const high = Math.min(
    field.maximum ?? 1e4,
    field.exclusiveMaximum !== undefined ? field.exclusiveMaximum - 1 : 1e4,
  );
  const maybe = (arb: fc.Arbitrary<unknown>) => fc.option(arb, { nil: undefined, freq: 4 });
  if (field.enum)
    return field.enum.length > 0 ? maybe(fc.constantFrom(...field.enum)) : fc.constant(undefined);
  switch (field.kind) {
    case 'number':
      return low <= high
        ? maybe(fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }))
        : fc.constant(undefined);
    case 'integer':
      return Math.ceil(low) <= Math.floor(high)
        ? maybe(fc.integer({ min: Math.ceil(low), max: Math.floor(high) }))
        : fc.constant(undefined);
    case 'boolean':
      return maybe(fc.boolean());
    case 'string':
    case 'path':
      return field.pattern || field.format
        ? fc.constant(undefined)
        : maybe(fc.string({ minLength: field.minLength ?? 0, maxLength: field.maxLength ?? 12 }));
    case 'runList':
      return field.listAs === 'text'
        ? maybe(fc.constantFrom('12345', '12345-12347', '100, 200'))
        : maybe(
            fc
              .uniqueArray(fc.integer({ min: 1, max: 99999 }), { maxLength: 4 })
              .map((a) => a.sort((x, y) => x - y)),
          );
    case 'numberList':
      return field.listAs === 'text'
        ? fc.constant(undefined)
        : maybe(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength: 3 }));
    default:
      return fc.constant(undefined);
  }
}

/** A model and a request: the defaults with the fields outside lists and choices set at random. */
function modelAndRequest(
  dialect: FuzzDialect,
): fc.Arbitrary<{ model: FieldModel; request: Record<string, unknown> }> {
  return schemaArbitrary(dialect, 3, 4)
    .map((schema) => {
      try {
        return buildFieldModel(schema);
      } catch {
        return undefined; // the pipeline property covers what throws; here only forms that build
      }
    })
    .filter((model): model is FieldModel => model !== undefined)
    .chain((model) => {
      const skipped = fieldsOutsideComparison(model);
      const plain = model.fields.filter(
        (f) => !f.pointer.includes('*') && f.conditionIds.length === 0 && !skipped(f),
      );
      return fc.tuple(...plain.map(valueFor)).map((values) => {
        const request = defaultsOf(model) as Record<string, unknown>;
        plain.forEach((field, i) => {
          if (values[i] !== undefined) {
            try {
              setAt(request, field.pointer, values[i]);
            } catch {
              // a parent that is not an object in the defaults: leave this field out
            }
          }
        });
        return { model, request };
      });
    });
}

function renderForm(model: FieldModel, formData?: unknown) {
  const handle = createRef<SubmissionFormHandle>();
  render(<SubmissionForm model={model} formData={formData} formRef={handle} />);
  return handle;
}

describe.each<FuzzDialect>(['draft-07', '2020-12'])('%s', (dialect) => {
  test(
    'a valid request in, the same request out; export then import is the identity',
    () => {
      let compared = 0;
      fc.assert(
        fc.property(modelAndRequest(dialect), ({ model, request }) => {
          if (createValidator(model).validate(request).length > 0) return;
          compared++;
          const expected = visibleRequest(model, request);
          const seeded = renderForm(model, request);
          const out = seeded.current!.getRequest();
          expect(
            jsonEquals(out, expected),
            `formData round trip\nschema: ${JSON.stringify(model.schema)}\nin:  ${JSON.stringify(expected)}\nout: ${JSON.stringify(out)}`,
          ).toBe(true);
          cleanup();
          const fresh = renderForm(model);
          const unknown = fresh.current!.importRequest(JSON.parse(JSON.stringify(out)));
          expect(unknown).toEqual([]);
          const again = fresh.current!.getRequest();
          expect(
            jsonEquals(again, out),
            `import round trip\nin:  ${JSON.stringify(out)}\nout: ${JSON.stringify(again)}`,
          ).toBe(true);
          cleanup();
        }),
        budget(25, 0.25),
      );
      // Most draws must be valid, or the property tests nothing.
      expect(compared).toBeGreaterThan(0);
    },
    timeoutFor(25, 1500, 0.25),
  );
});
