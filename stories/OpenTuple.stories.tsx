/**
 * An open tuple for form authors (issue 25): a list whose first items have fixed meanings (draft-07
 * `items: [...]`, 2020-12 `prefixItems`) and whose further items follow one schema (`additionalItems`,
 * 2020-12 `items`). The positions are one labelled input each; the further items are rows with Add and
 * Remove, within minItems/maxItems counted over the whole array. The request is shown as it is built.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { SubmissionForm } from '../src/forms/index';

/** A wedge list: the detector and its distance, then up to four runs to reduce, each at least 1. */
const OPEN_TUPLE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Wedge reduction',
  type: 'object',
  properties: {
    scan: {
      title: 'Scan',
      description: 'The detector and its distance, then the runs to reduce.',
      type: 'array',
      items: [
        { title: 'Detector', type: 'string', enum: ['main', 'wing'], default: 'main' },
        { title: 'Distance', type: 'number', minimum: 1, maximum: 20, default: 4, 'x-units': 'm' },
      ],
      additionalItems: { title: 'Run', type: 'integer', minimum: 1, default: 12345 },
      minItems: 3,
      maxItems: 6,
    },
    extras: {
      title: 'Extras',
      description: 'A label, then anything (items: true): one JSON input a row.',
      type: 'array',
      items: [{ title: 'Label', type: 'string', default: 'note' }],
      additionalItems: true,
    },
  },
};

function OpenTupleStory({ schema }: { schema: object }): ReactNode {
  const [request, setRequest] = useState<unknown>(undefined);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: '1rem' }}>
      <SubmissionForm schema={schema} onChange={setRequest} search={false} />
      <pre data-testid="request" style={{ whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(request ?? null, null, 2)}
      </pre>
    </div>
  );
}

const meta: Meta<typeof OpenTupleStory> = {
  title: 'Forms/Open tuple',
  component: OpenTupleStory,
  args: { schema: OPEN_TUPLE_SCHEMA },
  parameters: { layout: 'padded' },
};
export default meta;

export const DetectorThenRuns: StoryObj<typeof OpenTupleStory> = { name: 'Detector, distance, then runs' };

export const Modern: StoryObj<typeof OpenTupleStory> = {
  name: '2020-12 prefixItems, then rows of objects',
  args: {
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        window: {
          title: 'Wavelength window',
          type: 'array',
          prefixItems: [
            { title: 'Minimum', type: 'number', default: 2.5, 'x-units': 'Å' },
            { title: 'Maximum', type: 'number', default: 8, 'x-units': 'Å' },
          ],
          items: {
            title: 'Band',
            type: 'object',
            properties: {
              centre: { title: 'Centre', type: 'number', 'x-units': 'Å' },
              width: { title: 'Width', type: ['number', 'null'], default: null, 'x-units': 'Å' },
            },
          },
        },
      },
    },
  },
};
