/**
 * Text that is not a value, in drafts (SubmissionForm's onDraftChange texts and draftTexts): typed
 * text reaches the draft even when no value changed, a field in a closed section keeps its restored
 * text and refuses submit, and a text for a field the schema lacks is listed, not dropped.
 */
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { setup } from './formHelpers';

afterEach(cleanup);

test('text that is not a value reaches onDraftChange, and leaves it once fixed', async () => {
  const onDraftChange = vi.fn();
  const { user, input } = setup({ onDraftChange });
  await user.clear(input('/sample/thickness'));
  await user.type(input('/sample/thickness'), '0,2');
  await waitFor(() =>
    expect(onDraftChange.mock.lastCall?.[1]).toEqual({
      '/sample/thickness': { text: '0,2', message: expect.stringMatching(/\S/) },
    }),
  );
  await user.clear(input('/sample/thickness'));
  await user.type(input('/sample/thickness'), '0.2');
  await waitFor(() => expect(onDraftChange.mock.lastCall?.[1]).toEqual({}));
  expect(onDraftChange.mock.lastCall?.[0]).toMatchObject({ sample: { thickness: 0.2 } });
});

test('a restored text in a closed section refuses submit with its message until fixed', async () => {
  const onUnknownKeys = vi.fn();
  const { user, onSubmit, onError, handle, input } = setup({
    formData: { sample: { runNumber: [12345] }, job: { mode: 'average', scans: [{ run: 88980 }] } },
    draftTexts: {
      '/expert/flightPathOffset': { text: '1,5', message: 'Use a point for decimals.' },
      '/expert/gone': { text: 'x', message: 'old field' },
    },
    onUnknownKeys,
  });
  // Closed: the widget is not mounted, yet the text holds submit back and is listed.
  expect(document.getElementById('f-.expert.flightPathOffset')).toBeNull();
  expect(onUnknownKeys).toHaveBeenCalledWith([{ pointer: '/expert/gone', value: 'x' }]);
  await user.click(screen.getByRole('button', { name: 'Submit request' }));
  expect(onSubmit).not.toHaveBeenCalled();
  expect(onError).toHaveBeenCalled();
  expect(onError.mock.calls[0]![0]).toEqual([
    { pointer: '/expert/flightPathOffset', message: 'Use a point for decimals.', rule: 'input' },
  ]);
  // The summary opens the section; the widget shows the text and words its own message about it.
  expect(screen.getByRole('alert').textContent).toContain("'1,5' is not a number");
  act(() => handle.current!.reveal('/expert/flightPathOffset'));
  await waitFor(() => expect(input('/expert/flightPathOffset').value).toBe('1,5'));
  await user.clear(input('/expert/flightPathOffset'));
  await user.type(input('/expert/flightPathOffset'), '1.5');
  await user.click(screen.getByRole('button', { name: 'Submit request' }));
  expect(onSubmit).toHaveBeenCalledTimes(1);
  expect(onSubmit.mock.calls[0]![0]).toMatchObject({ expert: { flightPathOffset: 1.5 } });
});
