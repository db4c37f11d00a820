/** The submission form end to end in happy-dom: values, request, submit refusal, render counts. */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { countRenders, SubmissionForm, stopCountingRenders } from '../../src/forms/index';
import { sansModel, sansValidator } from './fixtureModel';

afterEach(() => {
  cleanup();
  stopCountingRenders();
});

function setup(extra: Partial<Parameters<typeof SubmissionForm>[0]> = {}) {
  const onSubmit = vi.fn();
  const onError = vi.fn();
  const model = sansModel();
  const view = render(
    <SubmissionForm
      model={model}
      validator={sansValidator()}
      onSubmit={onSubmit}
      onError={onError}
      idPrefix="f-"
      {...extra}
    />,
  );
  return { onSubmit, onError, model, view, user: userEvent.setup() };
}

describe('SubmissionForm', () => {
  test('renders sections with headings and a table of contents', () => {
    setup();
    expect(screen.getByRole('heading', { level: 2, name: 'Sample' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Reduction' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
    expect(screen.getByLabelText(/Sample run/)).toBeTruthy();
  });

  test('submit is refused until valid, then yields the nested request', async () => {
    const { onSubmit, onError, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('Enter the sample run.');
    await user.type(screen.getByLabelText(/Sample run/), '12345');
    await user.type(screen.getByLabelText('Run, row 1'), '88980');
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      sample: { runNumber: [12345], thickness: 0.1 },
      reduction: { Qmin: null, Qmax: null, useLogBinning: false, wavelengthStep: 0.1 },
      job: {
        mode: 'average',
        scans: [{ run: 88980, concentration: null, thickness: 0.1, transmission: null }],
        outputName: 'averaged',
      },
      expert: { solidAngle: true, flightPathOffset: 0 },
    });
  });

  test('text that is not yet a value changes the draft, not the request: no onChange for it', async () => {
    const onChange = vi.fn();
    const onDraftChange = vi.fn();
    const { user } = setup({ onChange, onDraftChange });
    const input = screen.getByLabelText(/Sample thickness/) as HTMLInputElement;
    await user.clear(input);
    await user.type(input, '0.2');
    await act(async () => {});
    const requests = onChange.mock.calls.length;
    expect(onChange.mock.calls.at(-1)?.[0].sample.thickness).toBe(0.2);
    const drafts = onDraftChange.mock.calls.length;
    await user.type(input, 'x');
    await act(async () => {});
    expect(input.value).toBe('0.2x');
    // The draft keeps the text; the request, and so onChange, is as it was.
    expect(onDraftChange.mock.calls.length).toBeGreaterThan(drafts);
    expect(onChange.mock.calls.length).toBe(requests);
    // Fixing the text to a new value is a change again.
    await user.type(input, '{Backspace}5');
    await act(async () => {});
    expect(onChange.mock.calls.at(-1)?.[0].sample.thickness).toBe(0.25);
  });

  test('a keystroke re-renders nothing unless the field starts or stops differing from its default', async () => {
    const onChange = vi.fn();
    const { user } = setup({ onChange });
    const input = screen.getByLabelText(/Sample thickness/) as HTMLInputElement;
    let counts = countRenders();
    await user.type(input, '5');
    // Crossing the default: the field (its reset button) and the section's badge, once each, in idle time.
    await waitFor(() =>
      expect([...counts.keys()].sort()).toEqual(['changes:/sample', 'field:/sample/thickness']),
    );
    counts = countRenders();
    await user.type(input, '55');
    // Longer than the typing pause the marks wait for (useIdleStore), so a stray mark render would show.
    await act(() => new Promise((done) => setTimeout(done, 400)));
    // The input is uncontrolled: the typed text is in the DOM and the value in the form, no render.
    expect([...counts.keys()]).toEqual([]);
    expect(input.value).toBe('0.1555');
    await act(async () => {});
    expect(onChange.mock.calls.at(-1)?.[0].sample.thickness).toBe(0.1555);
  });
});
