/**
 * A list whose schema allows null has an "Unset" state of its own: it starts unset when the schema
 * gives it no default (as defaultsOf), "Unset" sends null rather than [], unticking brings the rows
 * back, and adding a row sets it. (The fuzzer found null coming back as [].)
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import { buildFieldModel } from '../../src/schemas/index';

afterEach(cleanup);

const model = buildFieldModel({
  type: 'object',
  properties: {
    angles: {
      title: 'Angles',
      type: ['array', 'null'],
      items: { type: 'object', properties: { angle: { type: 'number', default: 1 } } },
      minItems: 1,
    },
  },
});

const unsetBox = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Angles: unset' });

function renderForm(formData?: unknown) {
  const handle = createRef<SubmissionFormHandle>();
  render(<SubmissionForm model={model} formData={formData} formRef={handle} />);
  return { request: () => handle.current!.getRequest(), user: userEvent.setup() };
}

test('"Unset" sends null, unticking brings the same rows back, and the list says it is unset', async () => {
  const { request, user } = renderForm({ angles: [{ angle: 3 }, { angle: 4 }] });
  const toggle = screen.getByRole('checkbox', { name: 'Angles: unset' });
  expect((toggle as HTMLInputElement).checked).toBe(false);
  await user.click(toggle);
  expect(request()).toEqual({ angles: null });
  expect(screen.getByText(/Unset: sent as null/)).toBeTruthy();
  expect(screen.queryByRole('table')).toBeNull();
  await user.click(toggle);
  expect(request()).toEqual({ angles: [{ angle: 3 }, { angle: 4 }] });
});

test('a list imported as null shows unset; adding a row sets it, with minItems honoured on untick', async () => {
  const { request, user } = renderForm({ angles: null });
  expect(unsetBox().checked).toBe(true);
  expect(request()).toEqual({ angles: null });
  await user.click(screen.getByRole('button', { name: 'Add row to Angles' }));
  expect(request()).toEqual({ angles: [{ angle: 1 }] });
  expect(unsetBox().checked).toBe(false);
  cleanup();
  const again = renderForm({ angles: null });
  await again.user.click(screen.getByRole('checkbox', { name: 'Angles: unset' }));
  expect(again.request()).toEqual({ angles: [{ angle: 1 }] });
});
