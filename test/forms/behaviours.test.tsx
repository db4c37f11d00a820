/**
 * The form's behaviours as a user meets them: conditions, lists, choices, validation timing, cross-field
 * errors, the error summary, advanced sections, "changed" and reset, import. On the SANS-like fixture.
 */
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { countRenders, stopCountingRenders } from '../../src/forms/index';
import { setup } from './formHelpers';

afterEach(() => {
  cleanup();
  stopCountingRenders();
});

describe('conditions', () => {
  test('a field shown by if/then appears when its condition holds, keeps its value when hidden, and is left out of the request', async () => {
    const { user, input, request } = setup();
    expect(document.getElementById('f-.reduction.binsPerDecade')).toBeNull();
    expect(request().reduction).not.toHaveProperty('binsPerDecade');
    await user.click(input('/reduction/useLogBinning'));
    const bins = input('/reduction/binsPerDecade');
    await user.clear(bins);
    await user.type(bins, '20');
    expect((request().reduction as Record<string, unknown>).binsPerDecade).toBe(20);
    await user.click(input('/reduction/useLogBinning'));
    expect(document.getElementById('f-.reduction.binsPerDecade')).toBeNull();
    expect(request().reduction).not.toHaveProperty('binsPerDecade');
    await user.click(input('/reduction/useLogBinning'));
    expect(input('/reduction/binsPerDecade').value).toBe('20');
  });

  test('toggling the condition re-renders its gate, not the form', async () => {
    const { user, input } = setup();
    const counts = countRenders();
    await user.click(input('/reduction/useLogBinning'));
    expect(counts.get('form')).toBeUndefined();
    expect(counts.get('gate:/reduction/binsPerDecade')).toBeGreaterThan(0);
  });
});

describe('lists', () => {
  test('rows can be added up to maxItems, duplicated, moved and removed down to minItems', async () => {
    const { user, input, request, screen } = setup();
    const runs = () =>
      ((request().job as Record<string, unknown>).scans as { run?: number }[]).map((s) => s.run);
    const firstRun = document.querySelector<HTMLInputElement>(
      '[data-path^="/job/scans/~r"][data-path$="/run"] input',
    )!;
    await user.type(firstRun, '1');
    expect(screen.getByRole('button', { name: 'Remove row 1' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Duplicate row 1' }));
    expect(runs()).toEqual([1, 1]);
    await user.click(screen.getByRole('button', { name: 'Add row to Scans' }));
    expect(runs()).toEqual([1, 1, undefined]);
    expect(screen.getByRole('button', { name: 'Add row to Scans' })).toHaveProperty('disabled', true);
    const third = screen.getByLabelText('Run, row 3');
    await user.type(third, '3');
    await user.click(screen.getByRole('button', { name: 'Move row 3 up' }));
    expect(runs()).toEqual([1, 3, 1]);
    await user.click(screen.getByRole('button', { name: 'Move row 1 down' }));
    expect(runs()).toEqual([3, 1, 1]);
    expect((screen.getByLabelText('Run, row 1') as HTMLInputElement).value).toBe('3');
    await user.click(screen.getByRole('button', { name: 'Remove row 2' }));
    expect(runs()).toEqual([3, 1]);
    void input;
  });

  test('moving a row re-renders no field', async () => {
    const { user, screen } = setup();
    await user.click(screen.getByRole('button', { name: 'Add row to Scans' }));
    const counts = countRenders();
    await user.click(screen.getByRole('button', { name: 'Move row 2 up' }));
    expect([...counts.keys()].filter((k) => k.startsWith('field:'))).toEqual([]);
  });
});

describe('choices', () => {
  test('switching branch and back keeps what was typed in each branch', async () => {
    const { user, input, request, screen } = setup();
    await user.clear(input('/job/outputName'));
    await user.type(input('/job/outputName'), 'lysozyme');
    await user.click(screen.getByRole('radio', { name: 'Each scan separately' }));
    expect((request().job as Record<string, unknown>).mode).toBe('each');
    expect(request().job).not.toHaveProperty('outputName');
    await user.clear(input('/job/suffix'));
    await user.type(input('/job/suffix'), '_T');
    await user.click(screen.getByRole('radio', { name: 'Average the scans' }));
    expect(input('/job/outputName').value).toBe('lysozyme');
    expect(request().job).toMatchObject({ mode: 'average', outputName: 'lysozyme' });
    await user.click(screen.getByRole('radio', { name: 'Each scan separately' }));
    expect(input('/job/suffix').value).toBe('_T');
  });

  test('picking another branch is one change: its discriminator is not counted again', async () => {
    const { user, screen } = setup();
    await user.click(screen.getByRole('radio', { name: 'Each scan separately' }));
    const section = screen.getByRole('radio', { name: 'Each scan separately' }).closest('section')!;
    await waitFor(() =>
      expect(section.querySelector('.formulary-changed-count')?.textContent).toBe('1 changed'),
    );
    await user.click(screen.getByRole('radio', { name: 'Average the scans' }));
    await waitFor(() => expect(section.querySelector('.formulary-changed-count')).toBeNull());
  });
});

describe('validation', () => {
  test('a field is checked on blur, then live once it has an error', async () => {
    const { user, input, at } = setup();
    const thickness = input('/sample/thickness');
    await user.clear(thickness);
    await user.type(thickness, '0');
    expect(at('/sample/thickness').queryByText('must be more than 0 cm')).toBeNull();
    await user.tab();
    expect(at('/sample/thickness').getByText('must be more than 0 cm')).toBeTruthy();
    expect(thickness.getAttribute('aria-invalid')).toBe('true');
    const describedBy = thickness.getAttribute('aria-describedby') ?? '';
    const errorEl = describedBy
      .split(' ')
      .map((id) => document.getElementById(id))
      .find((el) => el?.textContent === 'must be more than 0 cm');
    expect(errorEl).toBeTruthy();
    await user.click(thickness);
    await user.type(thickness, '.5');
    expect(at('/sample/thickness').queryByText('must be more than 0 cm')).toBeNull();
  });

  test('a cross-field rule shows its error on every field involved, and fixing one clears both', async () => {
    const { user, at } = setup();
    await user.click(at('/reduction/Qmin').getByRole('checkbox', { name: /unset/ }));
    const qmin = at('/reduction/Qmin').getByRole('textbox');
    await user.clear(qmin);
    await user.type(qmin, '2');
    await user.tab();
    await user.click(at('/reduction/Qmax').getByRole('checkbox', { name: /unset/ }));
    const qmax = at('/reduction/Qmax').getByRole('textbox');
    await user.clear(qmax);
    await user.type(qmax, '1');
    await user.tab();
    expect(at('/reduction/Qmin').getByText('Q min must be less than Q max.')).toBeTruthy();
    expect(at('/reduction/Qmax').getByText('Q min must be less than Q max.')).toBeTruthy();
    await user.click(qmax);
    await user.type(qmax, '0');
    expect(at('/reduction/Qmin').queryByText('Q min must be less than Q max.')).toBeNull();
    expect(at('/reduction/Qmax').queryByText('Q min must be less than Q max.')).toBeNull();
  });

  test('the error summary lists errors and its links open the section and focus the field', async () => {
    const { user, handle, onSubmit, onError } = setup();
    act(() => {
      handle.current!.importRequest({ sample: { runNumber: [1] }, expert: { flightPathOffset: 50 } });
    });
    expect(document.getElementById('f-.expert.flightPathOffset')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    const link = [...summary.querySelectorAll('a')].find((a) =>
      a.textContent?.includes('Flight path offset'),
    );
    expect(link).toBeTruthy();
    // The advanced section opened by itself because it holds an error.
    expect(document.getElementById('f-.expert.flightPathOffset')).not.toBeNull();
    await user.click(link!);
    expect(document.activeElement?.id).toBe('f-.expert.flightPathOffset');
  });

  test('a refused submit moves focus to the error summary', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    await act(() => new Promise((done) => requestAnimationFrame(() => done(undefined))));
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });

  test('onValidityChange reports validity in idle time after changes', async () => {
    const onValidityChange = vi.fn();
    const { user, input } = setup({ onValidityChange });
    await user.type(input('/sample/runNumber'), '1');
    await vi.waitFor(() => expect(onValidityChange).toHaveBeenLastCalledWith(false));
    await user.type(screen.getByLabelText('Run, row 1'), '5');
    await vi.waitFor(() => expect(onValidityChange).toHaveBeenLastCalledWith(true));
  });

  test('submit is refused while typed text is not a value', async () => {
    const { user, input, onSubmit } = setup();
    await user.type(input('/sample/runNumber'), '1');
    await user.type(screen.getByLabelText('Run, row 1'), '5');
    const thickness = input('/sample/thickness');
    await user.clear(thickness);
    await user.type(thickness, '1,5');
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/1,5/);
  });

  test('text that is not a value outlives a closed part: submit stays refused and reopening shows it', async () => {
    const { user, input, onSubmit, request } = setup();
    await user.type(input('/sample/runNumber'), '1');
    await user.type(screen.getByLabelText('Run, row 1'), '5');
    const part = screen.getByRole('button', { name: /Advanced \(1\)/ });
    await user.click(part);
    await user.clear(input('/reduction/wavelengthStep'));
    await user.type(input('/reduction/wavelengthStep'), '0.2.5');
    await user.click(part);
    expect(document.getElementById('f-.reduction.wavelengthStep')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Wavelength step');
    // The summary opened the part again: the text is back with its message, and fixing it submits.
    const step = input('/reduction/wavelengthStep');
    expect(step.value).toBe('0.2.5');
    expect(step.getAttribute('aria-invalid')).toBe('true');
    await user.clear(step);
    await user.type(step, '0.25');
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(onSubmit).toHaveBeenCalled();
    expect((request().reduction as Record<string, unknown>).wavelengthStep).toBe(0.25);
  });

  test('kept text goes with a section reset, and a hidden field’s text does not hold submit back', async () => {
    const { user, input, onSubmit } = setup();
    await user.type(input('/sample/runNumber'), '1');
    await user.type(screen.getByLabelText('Run, row 1'), '5');
    // Hidden by its condition: its bad text no longer matters to the request.
    await user.click(input('/reduction/useLogBinning'));
    await user.clear(input('/reduction/binsPerDecade'));
    await user.type(input('/reduction/binsPerDecade'), 'x');
    await user.click(input('/reduction/useLogBinning'));
    expect(document.getElementById('f-.reduction.binsPerDecade')).toBeNull();
    // Kept in a closed part, then reset with its section.
    const part = screen.getByRole('button', { name: /Advanced \(1\)/ });
    await user.click(part);
    await user.clear(input('/reduction/wavelengthStep'));
    await user.type(input('/reduction/wavelengthStep'), '0.2.5');
    await user.click(part);
    // Marks follow a pause in typing (useIdleStore).
    await user.click(await screen.findByRole('button', { name: /Reset section Reduction/ }));
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(onSubmit).toHaveBeenCalled();
    await user.click(part);
    expect(input('/reduction/wavelengthStep').value).toBe('0.1');
  });
});

describe('advanced parts, changed and reset', () => {
  test('an advanced section is collapsed and not rendered until opened; it counts changed values', async () => {
    const { user, handle } = setup();
    expect(document.getElementById('f-.expert.solidAngle')).toBeNull();
    const toggle = screen.getByRole('button', { name: /Expert options/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => {
      handle.current!.importRequest({ expert: { flightPathOffset: 5, solidAngle: false } });
    });
    // The count follows in idle time (useIdleStore).
    await waitFor(() => expect(toggle.closest('section')!.textContent).toContain('2 changed'));
    expect(document.getElementById('f-.expert.solidAngle')).toBeNull();
    await user.click(toggle);
    expect(document.getElementById('f-.expert.solidAngle')).not.toBeNull();
  });

  test('an advanced field inside a normal section sits in a collapsed part with its own count', async () => {
    const { user, handle } = setup();
    const part = screen.getByRole('button', { name: /Advanced \(1\)/ });
    expect(document.getElementById('f-.reduction.wavelengthStep')).toBeNull();
    act(() => {
      handle.current!.importRequest({ reduction: { wavelengthStep: 0.2 } });
    });
    await waitFor(() => expect(part.textContent).toContain('1 changed'));
    await user.click(part);
    expect(document.getElementById('f-.reduction.wavelengthStep')).not.toBeNull();
  });

  test('a changed field can be reset, and a section reset restores all its fields', async () => {
    const { user, input, request } = setup();
    const thickness = input('/sample/thickness');
    await user.clear(thickness);
    await user.type(thickness, '0.3');
    await user.type(input('/sample/runNumber'), '7');
    const section = thickness.closest('section')!;
    // Marks follow a pause in typing (useIdleStore).
    await waitFor(() => expect(section.textContent).toContain('2 changed'));
    await user.click(screen.getByRole('button', { name: 'Reset Sample thickness to its default' }));
    expect(input('/sample/thickness').value).toBe('0.1');
    await waitFor(() => expect(section.textContent).toContain('1 changed'));
    await user.click(screen.getByRole('button', { name: /Reset section Sample/ }));
    expect(request().sample).toEqual({ thickness: 0.1 });
    expect(section.textContent).not.toContain('changed');
  });
});

describe('import and output', () => {
  test('imported keys the schema lacks are listed in a notice and left out of the request', () => {
    const { handle, request } = setup();
    let unknown: unknown;
    act(() => {
      unknown = handle.current!.importRequest({ sample: { runNumber: [5], colour: 'blue' }, extra: 1 });
    });
    expect(unknown).toEqual([
      { pointer: '/sample/colour', value: 'blue' },
      { pointer: '/extra', value: 1 },
    ]);
    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain('/sample/colour');
    expect(notice.textContent).toContain('/extra');
    expect(request()).not.toHaveProperty('extra');
    expect(request().sample).toEqual({ runNumber: [5], thickness: 0.1 });
  });

  test('an import shows its value even when it equals what the field last rendered before typing', async () => {
    // Typed keystrokes re-render nothing, so the widget last rendered with "2": an import of 2 must
    // still replace the typed "23" (the uncontrolled input would otherwise keep showing it).
    const { user, input, handle, request } = setup();
    const thickness = input('/sample/thickness');
    await user.clear(thickness);
    await user.type(thickness, '2');
    await user.type(thickness, '3');
    expect((request().sample as Record<string, unknown>).thickness).toBe(23);
    act(() => {
      handle.current!.importRequest({ sample: { thickness: 2 } });
    });
    expect(input('/sample/thickness').value).toBe('2');
    expect((request().sample as Record<string, unknown>).thickness).toBe(2);
  });

  test('an unset field set by typing, unset, then set again gets back what was typed last', async () => {
    const { user, input, request } = setup();
    const unset = screen.getByRole('checkbox', { name: 'Q min: unset' });
    await user.click(unset);
    const qmin = input('/reduction/Qmin');
    await user.type(qmin, '0.5');
    await user.type(qmin, '1');
    expect((request().reduction as Record<string, unknown>).Qmin).toBe(0.51);
    await user.click(unset);
    expect((request().reduction as Record<string, unknown>).Qmin).toBeNull();
    expect(input('/reduction/Qmin').disabled).toBe(true);
    await user.click(unset);
    expect((request().reduction as Record<string, unknown>).Qmin).toBe(0.51);
    expect(input('/reduction/Qmin').value).toBe('0.51');
  });

  test('a message shown while typing keeps the typed text', async () => {
    const { user, input } = setup();
    const thickness = input('/sample/thickness');
    await user.clear(thickness);
    await user.type(thickness, '1,5');
    expect(thickness.value).toBe('1,5');
    await user.tab();
    expect(thickness.value).toBe('1,5');
    expect(thickness.closest('[data-widget]')!.textContent).toMatch(/'1,5' is not a number/);
  });

  test('pasting a request JSON imports it', async () => {
    const { user, input } = setup();
    await user.click(screen.getByText('Import a request (JSON)'));
    const area = screen.getByLabelText('Paste a request');
    await user.click(area);
    await user.paste('{"sample": {"thickness": 0.25}}');
    await user.click(screen.getByRole('button', { name: 'Import pasted request' }));
    expect(input('/sample/thickness').value).toBe('0.25');
  });

  test('onChange receives the request, and unset nullable fields are null', async () => {
    const { user, input, onChange } = setup();
    await user.type(input('/sample/runNumber'), '9');
    await act(async () => {});
    const last = onChange.mock.calls.at(-1)![0];
    expect(last.sample.runNumber).toEqual([9]);
    expect(last.reduction.Qmin).toBeNull();
  });

  test('readOnly and disabled forms refuse edits and submit', () => {
    setup({ readOnly: true });
    expect(screen.getByRole('button', { name: 'Submit request' })).toHaveProperty('disabled', true);
  });
});
