/**
 * A union of an object and a plain value (issue 25): oneOf/anyOf of {type: object, ...} and
 * {type: number} or an enum, and `type: ["object", "number"]`, is a choice: the user picks "A number"
 * or the object's fields, each branch shows its own inputs, switching keeps each branch's values in the
 * form, and the request is the chosen branch's value (a number, a text, an object). Before, the field was
 * a raw JSON box.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import { buildFieldModel, createValidator, defaultsOf } from '../../src/schemas/index';

afterEach(cleanup);

const wavelength = {
  title: 'Wavelength',
  oneOf: [
    { title: 'Fixed', type: 'number', minimum: 0.5, 'x-units': 'Å' },
    {
      title: 'Band',
      type: 'object',
      properties: { min: { title: 'Band min', type: 'number' }, max: { title: 'Band max', type: 'number' } },
      required: ['min', 'max'],
    },
  ],
};
const schema = {
  type: 'object',
  properties: {
    wavelength,
    mode: {
      title: 'Mode',
      anyOf: [
        { type: 'string', enum: ['auto', 'off'] },
        { type: 'object', properties: { tolerance: { title: 'Tolerance', type: 'number', default: 0.1 } } },
      ],
      default: 'auto',
    },
  },
};

function renderForm(formData?: unknown) {
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
  return { handle, onSubmit, user: userEvent.setup() };
}

test('the model: a choice with a value branch and an object branch; defaults pick the value branch', () => {
  const model = buildFieldModel(schema);
  const node = model.byPointer.get('/wavelength');
  expect(node?.type).toBe('choice');
  expect(node?.type === 'choice' && node.branches.map((b) => b.label)).toEqual(['Fixed', 'Band']);
  expect(model.diagnostics.filter((d) => d.rule === 'unmodelled-union')).toEqual([]);
  expect(defaultsOf(model)).toEqual({ mode: 'auto' });
  const multi = buildFieldModel({ type: ['object', 'number'], properties: { a: { type: 'string' } } });
  const root = multi.root.children[0]!;
  expect(root.type === 'choice' && root.branches.map((b) => b.label)).toEqual(['Fields', 'A number']);
  expect(defaultsOf(multi)).toEqual({});
});

test('pick a branch, fill its inputs, switch back: each branch keeps its values, the request is the chosen one', async () => {
  const { handle, onSubmit, user } = renderForm();
  await user.type(await screen.findByRole('textbox', { name: /^Wavelength/ }), '6');
  expect(handle.current!.getRequest()).toEqual({ wavelength: 6, mode: 'auto' });
  await user.click(screen.getByRole('radio', { name: 'Band' }));
  expect(screen.getByRole('status').textContent).toBe(
    '“Fixed” is kept in the form but not sent while “Band” is chosen.',
  );
  expect(screen.queryByRole('textbox', { name: /^Wavelength/ })).toBeNull();
  await user.type(screen.getByLabelText(/^Band min/), '2');
  await user.type(screen.getByLabelText(/^Band max/), '8');
  expect(handle.current!.getRequest()).toEqual({ wavelength: { min: 2, max: 8 }, mode: 'auto' });
  await user.click(screen.getByRole('radio', { name: 'Fixed' }));
  expect(screen.getByRole('textbox', { name: /^Wavelength/ })).toHaveProperty('value', '6');
  await user.click(screen.getByRole('button', { name: /submit/i }));
  expect(onSubmit).toHaveBeenLastCalledWith({ wavelength: 6, mode: 'auto' });
  // The enum branch is a select of its values; the object branch its fields with their defaults.
  await user.click(screen.getByRole('radio', { name: 'Fields' }));
  expect(handle.current!.getRequest()).toEqual({ wavelength: 6, mode: { tolerance: 0.1 } });
});

test('a request imports into the branch its value fits, and a value of no branch is reported', async () => {
  const { handle } = renderForm({ wavelength: { min: 1, max: 3 }, mode: 'off' });
  expect(await screen.findByLabelText(/^Band min/)).toHaveProperty('value', '1');
  expect(handle.current!.getRequest()).toEqual({ wavelength: { min: 1, max: 3 }, mode: 'off' });
  handle.current!.importRequest({ wavelength: 0.1 });
  expect(handle.current!.validate().map((e) => e.pointer)).toContain('/wavelength');
  const model = buildFieldModel(schema);
  expect(createValidator(model).validate({ wavelength: 7, mode: 'auto' })).toEqual([]);
});
