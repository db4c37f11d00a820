/**
 * The host page of the react-hook-form tuple tests (test/forms/rhf/tuples.test.tsx, and in Chromium
 * test/e2e/rhfTuple.test.ts): a small SANS reduction whose Q range [Q min, Q max] and beam centre
 * [x, y] are fixed-position lists (2020-12 `prefixItems`), and whose wedge scan is an open tuple (a
 * detector and a distance, then runs), inside a host's useForm with formularyResolver.
 */
import type { ReactNode } from 'react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { FormularyFields, formularyResolver } from '../../../src/forms/rhf/index';
import type { FieldModel } from '../../../src/schemas/index';

/** Q range with Q min < Q max between its positions; beam centre untitled; a wedge scan of 3 to 5 items. */
export const tupleSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Wedge reduction',
  type: 'object',
  properties: {
    qRange: {
      title: 'Q range',
      description: 'The Q window of the 1D binning.',
      type: 'array',
      prefixItems: [
        { title: 'Q min', type: 'number', exclusiveMinimum: 0, 'x-units': '1/Å', 'x-lessThan': '1/1' },
        { title: 'Q max', type: 'number', exclusiveMinimum: 0, maximum: 2, 'x-units': '1/Å' },
      ],
      items: false,
      minItems: 2,
    },
    beamCentre: {
      type: 'array',
      prefixItems: [
        { type: 'number', default: 0, 'x-units': 'mm' },
        { type: 'number', default: 0, 'x-units': 'mm' },
      ],
      items: false,
    },
    wedge: {
      title: 'Wedge scan',
      type: 'array',
      prefixItems: [
        { title: 'Detector', type: 'string', enum: ['main', 'wing'], default: 'main' },
        { title: 'Distance', type: 'number', minimum: 1, maximum: 20, default: 4, 'x-units': 'm' },
      ],
      items: { title: 'Run', type: 'integer', minimum: 1, default: 12345 },
      minItems: 3,
      maxItems: 5,
    },
  },
  required: ['qRange'],
};

/** The same schema in draft-07's words: `items: [...]` for the positions, `additionalItems` after. */
export const tupleSchemaDraft07 = (() => {
  const copy = structuredClone(tupleSchema) as unknown as {
    $schema: string;
    properties: Record<string, Record<string, unknown>>;
  };
  copy.$schema = 'http://json-schema.org/draft-07/schema#';
  for (const property of Object.values(copy.properties)) {
    property.additionalItems = property.items;
    property.items = property.prefixItems;
    delete property.prefixItems;
  }
  return copy;
})();

export interface TupleHostValues {
  title: string;
  reduction: Record<string, unknown>;
}

export function TupleHost({
  model,
  onSubmit,
  expose,
}: {
  model: FieldModel;
  onSubmit: (values: TupleHostValues) => void;
  expose?: (form: UseFormReturn<TupleHostValues>) => void;
}): ReactNode {
  const form = useForm<TupleHostValues>({
    defaultValues: { title: '' },
    resolver: formularyResolver(model, { name: 'reduction' }),
  });
  expose?.(form);
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <label htmlFor="title">Title</label>
      <input id="title" {...form.register('title')} />
      <FormularyFields model={model} control={form.control} name="reduction" idPrefix="t-" methods={form} />
      <button type="submit">Send</button>
    </form>
  );
}
