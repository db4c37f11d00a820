/**
 * A schema whose root is not an object (issue 25): a list, a text, a number, a fixed-position list or
 * a choice at the root renders as that one input, and submit sends that value itself, never `{}` or
 * `{"": value}` ("Request: must be a list" / "must be text" before).
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import { buildFieldModel, defaultsOf } from '../../src/schemas/index';

afterEach(cleanup);

/** The input (not the form, which the root's title names too), once it has rendered. */
const inputNamed = async (name: RegExp) =>
  (await screen.findAllByLabelText(name)).find((e) => e.tagName === 'INPUT') as HTMLInputElement;

function renderForm(schema: object, formData?: unknown) {
  const handle = createRef<SubmissionFormHandle>();
  const onSubmit = vi.fn();
  render(
    <SubmissionForm
      schema={schema}
      formData={formData}
      formRef={handle}
      onSubmit={onSubmit}
      search={false}
      showImport={false}
    />,
  );
  const submit = async () => {
    await userEvent.setup().click(screen.getByRole('button', { name: /submit/i }));
    return onSubmit.mock.calls.at(-1)?.[0] as unknown;
  };
  return { handle, submit, user: userEvent.setup() };
}

test('a root text field: typed text is the request, and its default is what defaultsOf gives', async () => {
  const schema = { title: 'Sample name', type: 'string', default: 'water' };
  expect(defaultsOf(buildFieldModel(schema))).toBe('water');
  const { handle, submit, user } = renderForm(schema);
  expect(handle.current!.getRequest()).toBe('water');
  const input = await inputNamed(/Sample name/);
  await user.clear(input);
  await user.type(input, 'D2O');
  expect(await submit()).toBe('D2O');
  expect(handle.current!.validate()).toEqual([]);
});

test('a root number: empty is refused at the field; typed is sent as a number', async () => {
  const { handle, submit, user } = renderForm({ title: 'Wavelength', type: 'number', minimum: 1 });
  expect(await submit()).toBeUndefined();
  expect(handle.current!.validate().map((e) => e.pointer)).toEqual(['']);
  await user.type(await inputNamed(/Wavelength/), '6');
  expect(await submit()).toBe(6);
});

test('a root list of objects: rows added in the form, the list is the request', async () => {
  const schema = {
    title: 'Samples',
    type: 'array',
    items: { type: 'object', properties: { name: { type: 'string' }, thickness: { type: 'number' } } },
  };
  const { handle, submit, user } = renderForm(schema, [{ name: 'a', thickness: 1 }]);
  expect(handle.current!.getRequest()).toEqual([{ name: 'a', thickness: 1 }]);
  await user.click(screen.getByRole('button', { name: 'Add row to Samples' }));
  await user.type(screen.getByLabelText('Name, row 2'), 'b');
  expect(await submit()).toEqual([{ name: 'a', thickness: 1 }, { name: 'b' }]);
  expect(handle.current!.importRequest([{ name: 'c' }])).toEqual([]);
  expect(handle.current!.getRequest()).toEqual([{ name: 'c' }]);
});

test('a root fixed-position list and a root choice submit an array and the chosen object', async () => {
  const tuple = renderForm({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'array',
    prefixItems: [
      { title: 'Low', type: 'number', default: 0.1 },
      { title: 'High', type: 'number', default: 2 },
    ],
    items: false,
  });
  expect(await tuple.submit()).toEqual([0.1, 2]);
  cleanup();
  const choice = renderForm(
    {
      oneOf: [
        { title: 'Run', type: 'object', properties: { kind: { const: 'run' }, run: { type: 'integer' } } },
        { title: 'File', type: 'object', properties: { kind: { const: 'file' }, path: { type: 'string' } } },
      ],
    },
    { kind: 'file', path: '/data/x.nxs' },
  );
  expect(await choice.submit()).toEqual({ kind: 'file', path: '/data/x.nxs' });
});

test('leaving a root field checks the value itself: no "must be text" for typed text', async () => {
  // The keystroke check built its sparse request as {} and set the root value into it (a no-op).
  const { handle, user } = renderForm({ title: 'Sample name', type: 'string', minLength: 2 });
  const input = await inputNamed(/Sample name/);
  await user.type(input, 'D2O');
  await user.tab();
  expect(document.querySelector('.formulary-widget__error')).toBeNull();
  await user.clear(input);
  await user.type(input, 'x');
  await user.tab();
  expect(document.querySelector('.formulary-widget__error')?.textContent).toBe(
    'must be at least 2 characters',
  );
  expect(handle.current!.getRequest()).toBe('x');
});
