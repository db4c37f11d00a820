/**
 * Issue 33, case 8: "Reset section" on a list replaces its rows with fresh ones; the changes of the
 * rows it replaced must go with them, or the "N changed" badge stays after the reset and the next
 * added row counts one extra. On the shipped EQSANS schema.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm } from '../../src/forms/index';
import { buildFieldModel, loadSchema } from '../../src/schemas/index';

afterEach(cleanup);

test('Reset section on Scans clears its badge, and a row added after counts once', async () => {
  const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
  const user = userEvent.setup();
  render(<SubmissionForm model={model} />);
  const section = screen.getByRole('heading', { name: /^Scans/ }).closest('section')!;
  const badge = () => section.querySelector('.formulary-changed-count')?.textContent ?? null;
  await user.click(screen.getByRole('button', { name: /^Add row to Scans/ }));
  await user.type(screen.getByRole('textbox', { name: 'Run number, row 2' }), '12345');
  await user.tab();
  await waitFor(() => expect(badge()).toBe('2 changed'));
  await user.click(screen.getByRole('button', { name: /Reset section Scans/ }));
  await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Run number, row 2' })).toBeNull());
  await waitFor(() => expect(badge()).toBeNull());
  await user.click(screen.getByRole('button', { name: /^Add row to Scans/ }));
  await waitFor(() => expect(badge()).toBe('1 changed'));
});
