/**
 * A list whose schema default supplies rows: those rows start unchanged, compare with (and reset to)
 * their own default row, and rows the user adds compare with the item's defaults.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import { buildFieldModel } from '../../src/schemas/index';

afterEach(cleanup);

const model = buildFieldModel({
  type: 'object',
  properties: {
    backgrounds: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          run: { type: 'integer', default: 0 },
          scale: { type: 'number', default: 1 },
          windows: {
            type: 'array',
            items: { type: 'object', properties: { lo: { type: 'number', default: 0 } } },
          },
        },
      },
      default: [{ run: 100, scale: 0.5, windows: [{ lo: 2 }] }, { run: 200 }],
    },
  },
});

/** Lets the changed marks catch up: they render once typing pauses for 200 ms, in idle time (useIdleStore). */
const settle = () => act(() => new Promise((done) => setTimeout(done, 400)));
const changedPaths = () =>
  [...document.querySelectorAll<HTMLElement>('[data-changed="true"]')].map((e) => e.dataset.path);
const changedCounts = () =>
  [...document.querySelectorAll('.formulary-changed-count')].map((e) => e.textContent);
const fieldsEndingIn = (suffix: string) => [
  ...document.querySelectorAll<HTMLElement>(`.formulary-field[data-path$="${suffix}"]`),
];

function renderForm(formData?: unknown) {
  const handle = createRef<SubmissionFormHandle>();
  render(
    <SubmissionForm
      model={model}
      formData={formData}
      idPrefix="d-"
      formRef={handle}
      showImport={false}
      search={false}
    />,
  );
  return {
    handle,
    request: () => handle.current!.getRequest() as { backgrounds: Record<string, unknown>[] },
  };
}

const defaultRows = [
  { run: 100, scale: 0.5, windows: [{ lo: 2 }] },
  { run: 200, scale: 1, windows: [] },
];

test('rows from the list default start unchanged, inner rows included', async () => {
  const { request } = renderForm();
  await settle();
  expect(request().backgrounds).toEqual(defaultRows);
  expect(changedPaths()).toEqual([]);
  expect(changedCounts()).toEqual([]);
});

test('imported data equal to the default rows shows no change; one different value shows one', async () => {
  cleanup();
  renderForm({ backgrounds: defaultRows });
  await settle();
  expect(changedPaths()).toEqual([]);
  expect(changedCounts()).toEqual([]);
  cleanup();
  renderForm({ backgrounds: [defaultRows[0], { ...defaultRows[1], run: 201 }] });
  await settle();
  expect(changedPaths()).toEqual([fieldsEndingIn('/run')[1]!.dataset.path]);
  expect(changedCounts()).toEqual(['1 changed']);
});

test('a field of a default row is changed against its default row, and reset gives that row back', async () => {
  const user = userEvent.setup();
  const { request } = renderForm();
  const scale = fieldsEndingIn('/scale')[0]!;
  const input = within(scale).getByRole('textbox') as HTMLInputElement;
  await user.clear(input);
  await user.type(input, '0.75');
  await settle();
  expect(changedPaths()).toEqual([scale.dataset.path]);
  await user.click(within(scale).getByRole('button', { name: /^Reset Scale to its default, row 1$/ }));
  await settle();
  expect(request().backgrounds[0]).toEqual({ run: 100, scale: 0.5, windows: [{ lo: 2 }] });
  expect(input.value).toBe('0.5');
  expect(changedPaths()).toEqual([]);
});

test('an added row compares with the item defaults; only the row count is a change', async () => {
  const user = userEvent.setup();
  const { request } = renderForm();
  await user.click(screen.getByRole('button', { name: /^Add row to Backgrounds$/ }));
  await settle();
  expect(request().backgrounds[2]).toEqual({ run: 0, scale: 1, windows: [] });
  expect(fieldsEndingIn('/run').length).toBe(3);
  expect(changedPaths()).toEqual([]);
  expect(changedCounts()).toEqual(['1 changed']);
});
