/**
 * The form's search box as a user meets it: / and Ctrl+K focus it, matches listed with marks, section
 * path and units; Enter and click jump into closed advanced parts and unselected choice branches and
 * focus the field; "show only matches" filters the form; Esc restores; the sort control reorders.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { SubmissionForm } from '../../../src/forms/index';
import { buildFieldModel } from '../../../src/schemas/index';
import { searchSchema } from '../../schemas/search/searchModel';

const idOf = (path: string) =>
  `s-${path.replace(/[^A-Za-z0-9_-]/g, (c) => (c === '/' ? '.' : `_${c.charCodeAt(0).toString(16)}`))}`;

function setup(search?: boolean) {
  const model = buildFieldModel(searchSchema);
  const view = render(<SubmissionForm model={model} idPrefix="s-" showImport={false} search={search} />);
  const box = () => screen.getByRole('combobox', { name: 'Find a field' });
  const options = () => within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option');
  return { view, box, options, user: userEvent.setup() };
}

afterEach(() => {
  cleanup();
});

const focusedId = () => document.activeElement?.id;

/** Generous waits: the machine running the suite may be busy; nothing here asserts a time. */
const slow = { timeout: 5000 };

describe('FieldSearch', { timeout: 30_000 }, () => {
  test('/ and Ctrl+K focus the box; typing lists matches with marked words, path and units', async () => {
    const { box, options, user } = setup();
    await user.click(document.body);
    await user.keyboard('/');
    expect(document.activeElement).toBe(box());
    await user.tab();
    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(box());
    await user.type(box(), 'q bin');
    const labels = options().map((o) => o.querySelector('.formulary-search__result-label')?.textContent);
    expect(labels).toEqual(['Log Q bins per decade', 'Number of Q bins']);
    const first = options()[0]!;
    expect([...first.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Q', 'bin']);
    expect(first.textContent).toContain('Binning');
    expect(screen.getByText('2 fields match').textContent).toBe('2 fields match');
    await user.clear(box());
    await user.type(box(), 'cutoff');
    expect(options()[0]?.textContent).toContain('(1/Å)');
    expect(options()[0]?.textContent).toContain('Binning › Advanced');
  });

  test('Enter opens the closed advanced part and focuses the field', async () => {
    const { box, user } = setup();
    expect(document.getElementById(idOf('/binning/qmaxCutoff'))).toBeNull();
    await user.type(box(), 'q max cut');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focusedId()).toBe(idOf('/binning/qmaxCutoff')), slow);
  });

  test('a click selects the choice branch holding the field and focuses it', async () => {
    const { box, options, user } = setup();
    expect(document.getElementById(idOf('/job/suffix'))).toBeNull();
    await user.type(box(), 'suffix');
    expect(options()[0]?.textContent).toContain('Job › Separate');
    await user.click(options()[0]!);
    await waitFor(() => expect(focusedId()).toBe(idOf('/job/suffix')), slow);
    expect((screen.getByRole('radio', { name: 'Separate' }) as HTMLInputElement).checked).toBe(true);
  });

  test('arrow keys pick the result Enter goes to', async () => {
    const { box, options, user } = setup();
    await user.type(box(), 'bins');
    await user.keyboard('{ArrowDown}');
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focusedId()).toBe(idOf('/binning/numQBins')), slow);
  });

  test('show only matches filters the form; Esc restores it', async () => {
    const { box, user } = setup();
    await user.type(box(), 'thick');
    await user.click(screen.getByRole('checkbox', { name: 'Show only matches' }));
    await waitFor(() => expect(document.getElementById(idOf('/binning/Qmin'))).toBeNull(), slow);
    expect(document.getElementById(idOf('/sample/thickness'))).not.toBeNull();
    expect(document.getElementById(idOf('/sample/temperature'))).toBeNull();
    // Typing on narrows the form with it, advanced parts holding a match included.
    await user.clear(box());
    await user.type(box(), 'cutoff');
    await waitFor(() => expect(document.getElementById(idOf('/binning/qmaxCutoff'))).not.toBeNull(), slow);
    expect(document.getElementById(idOf('/sample/thickness'))).toBeNull();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.getElementById(idOf('/binning/Qmin'))).not.toBeNull(), slow);
    expect(document.getElementById(idOf('/sample/thickness'))).not.toBeNull();
    expect((box() as HTMLInputElement).value).toBe('');
    expect((screen.getByRole('checkbox', { name: 'Show only matches' }) as HTMLInputElement).checked).toBe(
      false,
    );
  });

  test('sort by changed first lists the changed field on top', async () => {
    const { box, options, user } = setup();
    const temperature = document.getElementById(idOf('/sample/temperature')) as HTMLInputElement;
    await user.type(temperature, '300');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'changedFirst');
    await user.click(box());
    await waitFor(() => expect(options()[0]?.textContent).toContain('Température'), slow);
    expect(options()[0]?.textContent).toContain('300');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'label');
    await user.click(box());
    await waitFor(() => expect(options()[0]?.textContent).toContain('Bin type'), slow);
  });

  test('search={false} renders no box', () => {
    setup(false);
    expect(screen.queryByRole('combobox', { name: 'Find a field' })).toBeNull();
  });
});
