/**
 * reveal() (search jumps, error-summary links) on a nullable field that is unset: its input is
 * disabled, so focus lands on the field's "Unset" toggle instead of staying where it was.
 */
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import { buildFieldModel } from '../../src/schemas/index';

afterEach(cleanup);

const model = buildFieldModel({
  type: 'object',
  properties: {
    geometry: {
      type: 'object',
      properties: {
        sampleThickness: { type: ['number', 'null'], default: null, 'x-units': 'cm' },
        sampleApertureSize: { type: 'number', default: 12, 'x-units': 'mm' },
      },
    },
  },
});

test('revealing an unset nullable field focuses its Unset toggle; a set field focuses its input', async () => {
  const handle = createRef<SubmissionFormHandle>();
  render(<SubmissionForm model={model} idPrefix="r-" formRef={handle} showImport={false} search={false} />);
  act(() => handle.current?.reveal('/geometry/sampleThickness'));
  await waitFor(() => expect(document.activeElement?.id).toBe('r-.geometry.sampleThickness-unset'));
  act(() => handle.current?.reveal('/geometry/sampleApertureSize'));
  await waitFor(() => expect(document.activeElement?.id).toBe('r-.geometry.sampleApertureSize'));
});
