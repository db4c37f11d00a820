/**
 * Issue 33, case 2, on the shipped EQSANS schema with the averaged job selected: a search jump that
 * must switch the job mode says what it changed and offers Undo (it used to switch silently, the radios
 * off screen); a field both job modes share ("Sample name") is one result, and picking it switches
 * nothing.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../../src/forms/index';
import { buildFieldModel, loadSchema } from '../../../src/schemas/index';

afterEach(cleanup);

async function averaged() {
  const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
  const handle = createRef<SubmissionFormHandle>();
  const user = userEvent.setup();
  render(
    <SubmissionForm model={model} formRef={handle} formData={{ job: { mode: 'average', scans: [{}] } }} />,
  );
  const mode = () => ((handle.current!.getRequest() as Record<string, unknown>).job as { mode: string }).mode;
  const search = async (text: string) => {
    await user.click(document.body);
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard(text);
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option').length,
      ).toBeGreaterThan(0),
    );
    return within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option');
  };
  return { user, mode, search };
}

test('a jump that switches the job mode says so, and Undo switches it back', async () => {
  const { user, mode, search } = await averaged();
  expect(mode()).toBe('average');
  await search('max parallel');
  await user.keyboard('{Enter}');
  expect(mode()).toBe('each_scan');
  const notice = await screen.findByText(/To show Max parallel jobs/);
  expect(notice.textContent).toContain(
    'changed from “One reduction of all scans (averaged)” to “Each scan reduced separately”',
  );
  await user.click(within(notice).getByRole('button', { name: 'Undo' }));
  expect(mode()).toBe('average');
  expect(screen.queryByText(/To show Max parallel jobs/)).toBeNull();
});

test('a field both job modes share is one result, and picking it keeps the mode', async () => {
  const { user, mode, search } = await averaged();
  const options = await search('sample name');
  const labels = options.map((o) => o.querySelector('.formulary-search__result-label')?.textContent);
  expect(labels.filter((l) => l === 'Sample name')).toHaveLength(1);
  await user.click(options[labels.indexOf('Sample name')]!);
  expect(mode()).toBe('average');
  expect(screen.queryByText(/To show/)).toBeNull();
});
