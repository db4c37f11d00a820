/**
 * Issue 33, case 13: every control in a list row is named with its row, so no two controls in a list
 * share a name (the unset toggles, the transmission group's fields, the reset buttons), and each
 * "Advanced (n)" button names its section. Shipped EQSANS and SEQUOIA schemas, two scan rows each,
 * a changed field in each row (so its reset button shows).
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm } from '../../src/forms/index';
import { buildFieldModel, loadSchema } from '../../src/schemas/index';

afterEach(cleanup);

const ROLES = ['textbox', 'checkbox', 'switch', 'radio', 'combobox', 'spinbutton', 'button'] as const;

/** Every control's accessible name under `root`, computed by Testing Library's role queries. */
function controlNames(root: HTMLElement): string[] {
  const names: string[] = [];
  for (const role of ROLES)
    within(root).queryAllByRole(role, {
      name: (name) => {
        names.push(name);
        return true;
      },
    });
  return names;
}

function duplicates(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const again = seen.has(n);
    seen.add(n);
    return again;
  });
}

test.each(['eqsans', 'inelastic'])(
  '%s: no two controls in the scan list share a name',
  async (instrument) => {
    const model = buildFieldModel(await loadSchema(`src/schemas/instruments/${instrument}.schema.json`));
    const user = userEvent.setup();
    render(<SubmissionForm model={model} />);
    await user.click(screen.getByRole('button', { name: /^Add row to Scans/ }));
    for (const n of [1, 2]) {
      await user.type(screen.getByRole('textbox', { name: `Run number, row ${n}` }), `${100 + n}`);
    }
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Reset Run number/ }).length).toBe(2));
    const list = document.querySelector<HTMLElement>('fieldset.formulary-list[data-path$="/scans"]')!;
    const names = controlNames(list);
    expect(names.length).toBeGreaterThan(8);
    expect(names.filter((n) => n === '')).toEqual([]);
    expect(duplicates(names)).toEqual([]);
  },
);

test('each "Advanced (n)" button names its section', async () => {
  const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
  const user = userEvent.setup();
  render(<SubmissionForm model={model} />);
  // Sections past the first screenful are placeholders until shown.
  for (const show of screen.queryAllByRole('button', { name: /^Show / })) await user.click(show);
  const buttons = await screen.findAllByRole('button', { name: /^Advanced \(\d+\)/ });
  expect(buttons.length).toBeGreaterThan(1);
  const names = controlNames(document.body).filter((n) => n.startsWith('Advanced ('));
  expect(names.length).toBe(buttons.length);
  expect(duplicates(names)).toEqual([]);
  expect(names.every((n) => / in \S/.test(n))).toBe(true);
});
