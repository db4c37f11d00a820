/**
 * Labels on the shipped EQSANS schema, where a section, its choice and the list inside share the name
 * "Scans": the error summary says where a problem is without saying a label twice, the section's
 * choice is named for screen readers but not shown again under its heading, and a unitless number
 * field's message does not talk about units.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm } from '../../src/forms/index';
import { buildFieldModel, loadSchema } from '../../src/schemas/index';

afterEach(cleanup);

test('a scan row problem reads "Scans, row 1, Run number", not "Scans, Scans, …"', async () => {
  const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
  const user = userEvent.setup();
  render(<SubmissionForm model={model} />);
  await user.type(screen.getByRole('textbox', { name: /^IPTS/ }), '12a');
  await user.click(screen.getByRole('button', { name: 'Submit request' }));
  const items = [...screen.getByRole('alert').querySelectorAll('li')].map((li) => li.textContent);
  expect(items).toContain('Scans, row 1, Run number: Run number is required');
  expect(items).toContain("IPTS: '12a' is not a number: type digits only, without letters.");
});

test('the Scans section shows its title once; its choice keeps the name for screen readers', async () => {
  const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
  render(<SubmissionForm model={model} />);
  const picker = screen.getByRole('group', { name: 'Scans' });
  expect(picker.querySelector('legend')?.className).toBe('formulary-visually-hidden');
  expect(screen.getByRole('heading', { name: /^Scans/ })).toBeTruthy();
});
