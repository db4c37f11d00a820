/**
 * Fixed-position lists (draft-07 `items: [...]` with `additionalItems: false`, 2020-12 `prefixItems`
 * with `items: false`) in the form: one labelled input per position, defaults per position, typed
 * values and imported arrays reach the request as an array in position order.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import { buildFieldModel, defaultsOf } from '../../src/schemas/index';

afterEach(cleanup);

const draft07 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    beamCentre: {
      type: 'array',
      items: [
        { title: 'Beam centre x', type: 'number', default: 1.5, 'x-units': 'mm' },
        { title: 'Beam centre y', type: 'number', default: -2, 'x-units': 'mm' },
        { title: 'Detector', type: 'string', enum: ['main', 'wing'], default: 'main' },
      ],
      additionalItems: false,
    },
  },
};

const modern = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    window: {
      type: 'array',
      prefixItems: [
        { type: 'number', default: 0.5 },
        { type: 'number', default: 12 },
      ],
      items: false,
    },
  },
};

describe('tuples in the model', () => {
  test('defaultsOf gives each position its default, as an array', () => {
    expect(defaultsOf(buildFieldModel(draft07))).toEqual({ beamCentre: [1.5, -2, 'main'] });
    expect(defaultsOf(buildFieldModel(modern))).toEqual({ window: [0.5, 12] });
  });

  test('each position is its own labelled field; untitled ones are numbered', () => {
    const model = buildFieldModel(modern);
    expect(model.byPointer.get('/window/0')).toMatchObject({
      type: 'field',
      kind: 'number',
      label: 'Window 1',
    });
    expect(model.byPointer.get('/window/1')).toMatchObject({ label: 'Window 2' });
    const old = buildFieldModel(draft07);
    expect(old.byPointer.get('/beamCentre/2')).toMatchObject({ kind: 'enum', label: 'Detector' });
  });
});

describe('tuples in the form', () => {
  test('one labelled input per position; typed values submit as an array', async () => {
    const handle = createRef<SubmissionFormHandle>();
    render(<SubmissionForm schema={draft07} formRef={handle} search={false} showImport={false} />);
    const user = userEvent.setup();
    const x = screen.getByLabelText(/Beam centre x/);
    await user.clear(x);
    await user.type(x, '3.25');
    expect(screen.getByLabelText(/Beam centre y/)).toBeTruthy();
    // One fieldset for the list, saying how many positions it has; no add/remove row buttons.
    const group = screen.getByRole('group', { name: 'Beam centre' });
    expect(group.className).toContain('formulary-tuple');
    expect(group.textContent).toContain('3 values, in this order');
    expect(screen.queryByRole('button', { name: /add/i })).toBeNull();
    expect(handle.current!.getRequest()).toEqual({ beamCentre: [3.25, -2, 'main'] });
  });

  test('formData given as an array fills the positions', () => {
    const handle = createRef<SubmissionFormHandle>();
    render(
      <SubmissionForm
        schema={modern}
        formData={{ window: [1, 2] }}
        formRef={handle}
        search={false}
        showImport={false}
      />,
    );
    expect(handle.current!.getRequest()).toEqual({ window: [1, 2] });
  });
});

test('an item past a closed tuple (additionalItems: false) is named on import, never dropped silently', () => {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      q: { type: 'array', items: [{ type: 'number' }, { type: 'number' }], additionalItems: false },
    },
  };
  const handle = createRef<SubmissionFormHandle>();
  render(<SubmissionForm schema={schema} formRef={handle} search={false} showImport={false} />);
  expect(handle.current!.importRequest({ q: [0.1, 2, 9] })).toEqual([{ pointer: '/q/2', value: 9 }]);
  expect(handle.current!.getRequest()).toEqual({ q: [0.1, 2] });
});
