/**
 * <FormularyFields> in a host's react-hook-form page, EQSANS: fill the host's fields and ours, break
 * a cross-field rule (its message shows under Q min), fix it, submit: handleSubmit gets the request
 * SubmissionForm produces for the same inputs (both forms are filled here and compared).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { SubmissionForm } from '../../../src/forms/index';
import { buildFieldModel, type FieldModel, loadSchema } from '../../../src/schemas/index';
import { EqsansHost } from './eqsansHost';

let model: FieldModel;
beforeAll(async () => {
  model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
});
afterEach(cleanup);

const byId = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id}`);
  return element as HTMLInputElement;
};

/** Renders a lazily shown section by clicking its placeholder, if it is one. */
async function show(user: ReturnType<typeof userEvent.setup>, title: string) {
  const placeholder = screen.queryByRole('button', { name: `Show ${title}` });
  if (placeholder) await user.click(placeholder);
}

/** Types `text` into the input `id`, ticking off its "Unset" box first when the field is unset; "" empties it. */
async function enter(user: ReturnType<typeof userEvent.setup>, id: string, text: string) {
  const input = byId(id);
  if (input.disabled) await user.click(byId(`${id}-unset`));
  await user.clear(input);
  if (text !== '') await user.type(input, text);
}

/** The inputs both forms get, by pointer: typed text. */
const inputs: [string, string][] = [
  ['/iptsNumber', '19800'],
  ['/job/scans/0/runNumber', '88980'],
  ['/job/scans/0/sampleName', 'lysozyme 5 mg/ml'],
  ['/job/scans/0/thickness', '0.2'],
  ['/job/outputName', 'lysozyme_avg'],
  ['/binning/Qmax', '0.9'],
  // Typed, then emptied: an optional text field left empty is left out, as SubmissionForm leaves it
  // (it was sent as "", which the output name's pattern refuses). A field whose default is "" emptied
  // back to it is not compared: react-hook-form calls it unchanged and sends the default "".
  ['/job/outputName', ''],
];

describe('FormularyFields in a react-hook-form host (EQSANS)', () => {
  test('fill, break a cross-field rule, fix, submit: the request equals SubmissionForm’s', {
    timeout: 30_000,
  }, async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<EqsansHost model={model} onSubmit={onSubmit} />);
    await user.type(byId('title'), 'Lysozyme series');
    const hostId = (pointer: string) => `host-reduction${pointer.replace(/\//g, '.')}`;
    await show(user, 'Binning');
    for (const [pointer, text] of inputs) await enter(user, hostId(pointer), text);
    // Q min above Q max: the rule's message under Q min, and submit is refused.
    await enter(user, hostId('/binning/Qmin'), '1.5');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(byId(hostId('/binning/Qmin')).getAttribute('aria-invalid')).toBe('true'));
    const qminField = byId(hostId('/binning/Qmin')).closest('.formulary-field') as HTMLElement;
    expect(qminField.textContent).toMatch(/must be less than Q max/);
    expect(onSubmit).not.toHaveBeenCalled();
    // Fixed: the message goes as the user types (reValidateMode onChange), and submit sends.
    await enter(user, hostId('/binning/Qmin'), '0.01');
    await waitFor(() => expect(qminField.textContent).not.toMatch(/must be less than/));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const sent = onSubmit.mock.calls[0]![0];
    expect(sent.title).toBe('Lysozyme series');
    cleanup();

    // The same inputs in SubmissionForm.
    const onFormSubmit = vi.fn();
    render(<SubmissionForm model={model} idPrefix="f-" onSubmit={onFormSubmit} search={false} />);
    const formId = (pointer: string) => {
      // SubmissionForm names rows by id (~r<id>): the first scan row's id is on its element.
      const row = document.querySelector('[data-path="/job/scans"] [data-row]')?.getAttribute('data-row');
      const path = pointer.replace('/scans/0/', `/scans/~r${row}/`);
      return `f-${path.replace(/[^A-Za-z0-9_-]/g, (c) => (c === '/' ? '.' : `_${c.charCodeAt(0).toString(16)}`))}`;
    };
    await show(user, 'Binning');
    for (const [pointer, text] of [...inputs, ['/binning/Qmin', '0.01'] as [string, string]])
      await enter(user, formId(pointer), text);
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    await waitFor(() => expect(onFormSubmit).toHaveBeenCalledTimes(1));
    expect(sent.reduction).toEqual(onFormSubmit.mock.calls[0]![0]);
  });
});
