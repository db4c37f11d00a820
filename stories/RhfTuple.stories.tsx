/**
 * Tuples in a react-hook-form page, for form authors and the web developers who embed the fields: a
 * host's useForm holds <FormularyFields> and formularyResolver. A beam centre [x, y] (draft-07
 * `items: [...]`), a Q range [Q min, Q max] with Q min < Q max between its positions, and an open
 * tuple (a detector, then runs). Send shows the request handleSubmit got, or nothing while an error
 * stands at its position.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormularyFields, formularyResolver } from '../src/forms/rhf/index';
import { buildFieldModel } from '../src/schemas/index';

/** Draft-07: positions in `items: [...]`, further items in `additionalItems`. */
const BEAM_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Beam and Q window',
  type: 'object',
  properties: {
    beamCentre: {
      title: 'Beam centre',
      description: 'Where the direct beam hits the main detector.',
      type: 'array',
      items: [
        { title: 'x', type: 'number', default: 0, 'x-units': 'm' },
        { title: 'y', type: 'number', default: 0, 'x-units': 'm' },
      ],
      additionalItems: false,
    },
    qRange: {
      title: 'Q range',
      type: 'array',
      items: [
        {
          title: 'Q min',
          type: 'number',
          exclusiveMinimum: 0,
          default: 0.005,
          'x-units': '1/Å',
          'x-lessThan': '1/1',
        },
        { title: 'Q max', type: 'number', maximum: 2, default: 0.5, 'x-units': '1/Å' },
      ],
      additionalItems: false,
    },
    sampleRuns: {
      title: 'Sample runs',
      type: 'array',
      items: [{ title: 'Detector', type: 'string', enum: ['main', 'wing', 'midrange'], default: 'main' }],
      additionalItems: { title: 'Run', type: 'integer', minimum: 1 },
      minItems: 2,
      maxItems: 4,
    },
  },
};

function RhfTupleStory({ schema }: { schema: object }): ReactNode {
  const model = useMemo(() => buildFieldModel(schema), [schema]);
  const form = useForm<{ reduction: Record<string, unknown> }>({
    resolver: formularyResolver(model, { name: 'reduction' }),
  });
  const [sent, setSent] = useState<unknown>(undefined);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: '1rem' }}>
      <form onSubmit={form.handleSubmit((values) => setSent(values.reduction))} noValidate>
        <FormularyFields model={model} control={form.control} methods={form} name="reduction" />
        <button type="submit">Send</button>
      </form>
      <pre data-testid="request" style={{ whiteSpace: 'pre-wrap' }}>
        {sent === undefined ? 'Nothing sent yet.' : JSON.stringify(sent, null, 2)}
      </pre>
    </div>
  );
}

const meta: Meta<typeof RhfTupleStory> = {
  title: 'Forms/react-hook-form tuples',
  component: RhfTupleStory,
  args: { schema: BEAM_SCHEMA },
  parameters: { layout: 'padded' },
};
export default meta;

export const BeamCentreAndQRange: StoryObj<typeof RhfTupleStory> = {
  name: 'Beam centre, Q range, then runs',
};
