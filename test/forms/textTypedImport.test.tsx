/**
 * Requests typed as text (issue 25), on import: pasted into the import panel or given as formData,
 * "6" in a number field, "true" in a boolean, "-30, 60" in a number-list union and "" in a field that
 * may be unset are read with the widgets' parsers; the notice lists each conversion, and text that
 * cannot be read stays as it was, named with the parser's reason.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';
import { buildFieldModel } from '../../src/schemas/index';

afterEach(cleanup);

const model = buildFieldModel({
  type: 'object',
  properties: {
    wavelength: { type: 'number', 'x-units': 'Å' },
    useMonitor: { type: 'boolean', default: false },
    background: { type: ['number', 'null'], default: 2 },
    comment: { type: 'string' },
    wedgeAngle: {
      anyOf: [
        { type: 'number', minimum: -90, maximum: 270 },
        { type: 'array', items: { type: 'number', minimum: -90, maximum: 270 } },
        { type: 'null' },
      ],
    },
  },
});

const typedAsText = {
  wavelength: '6',
  useMonitor: 'true',
  background: '',
  comment: '',
  wedgeAngle: '-30, 60',
};
const typed = { wavelength: 6, useMonitor: true, background: null, comment: '', wedgeAngle: [-30, 60] };

function renderForm(formData?: unknown) {
  const handle = createRef<SubmissionFormHandle>();
  render(<SubmissionForm model={model} formData={formData} formRef={handle} search={false} />);
  return handle;
}

const noticeItems = () =>
  [...document.querySelectorAll('.formulary-import-notice li')].map((li) => li.textContent);

test('formData typed as text is read as typed values, and the notice lists each conversion', () => {
  const handle = renderForm(typedAsText);
  expect(handle.current!.getRequest()).toEqual(typed);
  expect(handle.current!.validate()).toEqual([]);
  expect(noticeItems()).toEqual([
    '/wavelength: "6" read as 6',
    '/useMonitor: "true" read as true',
    '/background: "" read as null',
    '/wedgeAngle: "-30, 60" read as [-30,60]',
  ]);
});

test('the import panel reads pasted text the same way and says so; unreadable text is named', async () => {
  const handle = renderForm();
  const user = userEvent.setup();
  await user.click(screen.getByText('Import a request (JSON)'));
  fireEvent.change(screen.getByLabelText('Paste a request'), {
    target: { value: JSON.stringify(typedAsText) },
  });
  await user.click(screen.getByRole('button', { name: 'Import pasted request' }));
  expect(handle.current!.getRequest()).toEqual(typed);
  expect(screen.getByText(/4 text values read as typed values/)).toBeTruthy();
  fireEvent.change(screen.getByLabelText('Paste a request'), {
    target: { value: JSON.stringify({ wavelength: '1,5', useMonitor: 'yes' }) },
  });
  await user.click(screen.getByRole('button', { name: 'Import pasted request' }));
  // Kept as typed, for the user to fix in its field, with the parser's own reason.
  expect(handle.current!.getRequest()).toMatchObject({ wavelength: '1,5', useMonitor: 'yes' });
  const items = noticeItems();
  expect(
    items.some((t) => t?.startsWith('/wavelength = "1,5": kept as imported') && t.includes("'1,5'")),
  ).toBe(true);
  expect(items.some((t) => t?.includes("'yes' is not true or false"))).toBe(true);
});
