/**
 * Issue 33, case 11 (the smaller items), on the shipped schemas: an out-of-range number shows one
 * message, not the hint's "20 is above the maximum…" beside "must be at most 10 cm"; the
 * at-most-one-true message reads as a sentence; D max (which must be positive) does not suggest
 * "-30, 60". Invalid examples showing their errors on import: test/forms/importFidelity.test.tsx.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm } from '../../src/forms/index';
import { buildFieldModel, loadSchema } from '../../src/schemas/index';

afterEach(cleanup);

const modelOf = async (id: string) =>
  buildFieldModel(await loadSchema(`src/schemas/instruments/${id}.schema.json`));

test('an out-of-range thickness shows one message', async () => {
  const user = userEvent.setup();
  render(<SubmissionForm model={await modelOf('eqsans')} />);
  const thickness = screen.getByRole('textbox', { name: 'Thickness, row 1' });
  await user.clear(thickness);
  await user.type(thickness, '20');
  await user.tab();
  const field = thickness.closest('.formulary-field')!;
  await waitFor(() => expect(field.textContent).toContain('must be at most 10 cm'));
  expect(field.textContent).not.toContain('is above the maximum');
});

test('two slicing switches on: "… are both on: turn one off"', async () => {
  const user = userEvent.setup();
  render(
    <SubmissionForm
      model={await modelOf('eqsans')}
      formData={{ slicing: { useTimeSlice: true, useLogSlice: true } }}
    />,
  );
  await user.click(screen.getByRole('button', { name: 'Submit request' }));
  const summary = screen.getByRole('alert').textContent ?? '';
  expect(summary).toContain('Use time slice and Use log slice are both on: turn one off');
  expect(summary).not.toContain('are)');
});

test("D max's placeholder suggests values it allows", async () => {
  const user = userEvent.setup();
  render(<SubmissionForm model={await modelOf('powder')} />);
  for (const show of screen.queryAllByRole('button', { name: /^Show / })) await user.click(show);
  const dMax = (await screen.findByRole('textbox', { name: /^D max/ })) as HTMLInputElement;
  expect(dMax.placeholder).toMatch(/^e\.g\. /);
  const values = dMax.placeholder.slice(5).split(',').map(Number);
  expect(values.every((v) => v > 0)).toBe(true);
});
