/**
 * Fixed-position lists (tuples) in a react-hook-form host (<FormularyFields>, RhfTuple): a Q range
 * [Q min, Q max], an untitled beam centre [x, y] and an open wedge scan (detector, distance, then
 * runs). Each position is its own labelled field registered at "reduction.<key>.<i>"; typed values
 * submit through useForm + formularyResolver as the nested request, which plain ajv accepts against
 * the schema; an error at position 2 is shown at position 2 only; rest rows keep to minItems/maxItems
 * counted past the positions; the draft-07 spelling (`items: [...]`) gives the same request.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Ajv2020 from 'ajv/dist/2020';
import type { UseFormReturn } from 'react-hook-form';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SubmissionForm } from '../../../src/forms/index';
import { buildFieldModel, type FieldModel } from '../../../src/schemas/index';
import { LocaleContext } from '../../../src/widgets/index';
import { TupleHost, type TupleHostValues, tupleSchema, tupleSchemaDraft07 } from './tupleHost';

afterEach(cleanup);

const byId = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id}`);
  return element as HTMLInputElement;
};
/** The input of an RHF name under "reduction" (ids are the prefix plus the RHF name). */
const at = (name: string) => byId(`t-reduction.${name}`);
const fieldOf = (name: string) => at(name).closest('.formulary-field') as HTMLElement;

async function retype(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text !== '') await user.type(input, text);
}

function setup(model: FieldModel, locale = 'en') {
  const onSubmit = vi.fn();
  let form: UseFormReturn<TupleHostValues> | undefined;
  render(
    <LocaleContext.Provider value={locale}>
      <TupleHost model={model} onSubmit={onSubmit} expose={(f) => (form = f)} />
    </LocaleContext.Provider>,
  );
  return { onSubmit, form: () => form!, user: userEvent.setup() };
}

describe('tuples in a react-hook-form host', () => {
  test('each position is a labelled field at "<name>.<i>"; typed values submit as the nested request', async () => {
    const model = buildFieldModel(tupleSchema);
    const { onSubmit, form, user } = setup(model);
    const qRange = screen.getByRole('group', { name: 'Q range' });
    expect(qRange.className).toContain('formulary-tuple');
    expect(qRange.textContent).toContain('2 values, in this order');
    // Titled positions take their title; untitled ones the model's "<tuple label> <n>".
    expect(within(qRange).getByLabelText(/^Q min/)).toBe(at('qRange.0'));
    expect(within(qRange).getByLabelText(/^Q max/)).toBe(at('qRange.1'));
    expect(screen.getByLabelText(/^Beam centre 1/)).toBe(at('beamCentre.0'));
    expect(screen.getByLabelText(/^Beam centre 2/)).toBe(at('beamCentre.1'));
    // No Add or Remove on a closed tuple.
    expect(within(qRange).queryByRole('button', { name: /Add|Remove/ })).toBeNull();

    await user.type(byId('title'), 'Lysozyme wedges');
    await retype(user, at('qRange.0'), '0.01');
    await retype(user, at('qRange.1'), '0.5');
    await retype(user, at('beamCentre.0'), '1.5');
    await retype(user, at('beamCentre.1'), '-2');
    // The host's own watch sees the positions as one array under the tuple's name.
    expect(form().getValues('reduction.qRange')).toEqual([0.01, 0.5]);
    await user.click(screen.getByRole('button', { name: 'Add row to Run' }));
    await retype(user, screen.getByLabelText('Run, row 4'), '88980');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const sent = onSubmit.mock.calls[0]![0] as TupleHostValues;
    expect(sent.title).toBe('Lysozyme wedges');
    expect(sent.reduction).toEqual({
      qRange: [0.01, 0.5],
      beamCentre: [1.5, -2],
      wedge: ['main', 4, 12345, 88980],
    });
    // Plain ajv, not our pipeline, accepts it against the schema as written.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    expect(ajv.validate(tupleSchema, sent.reduction), JSON.stringify(ajv.errors)).toBe(true);
  });

  test('an error at position 2 is shown at position 2, and a rule between the positions at both', async () => {
    const model = buildFieldModel(tupleSchema);
    const { onSubmit, user } = setup(model);
    await retype(user, at('qRange.0'), '0.01');
    await retype(user, at('qRange.1'), '3');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    // Q max above its maximum: the message is under Q max, and Q min is left alone.
    await waitFor(() => expect(at('qRange.1').getAttribute('aria-invalid')).toBe('true'));
    expect(fieldOf('qRange.1').textContent).toMatch(/at most 2/);
    expect(at('qRange.0').getAttribute('aria-invalid')).not.toBe('true');
    expect(fieldOf('qRange.0').textContent).not.toMatch(/at most/);
    expect(onSubmit).not.toHaveBeenCalled();
    // Q min above Q max (x-lessThan "1/1" on position 1): the rule's message on both positions.
    await retype(user, at('qRange.0'), '0.9');
    await retype(user, at('qRange.1'), '0.5');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(fieldOf('qRange.0').textContent).toMatch(/must be less than Q max/));
    expect(fieldOf('qRange.1').textContent).toMatch(/less than/);
    expect(onSubmit).not.toHaveBeenCalled();
    await retype(user, at('qRange.0'), '0.05');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect((onSubmit.mock.calls[0]![0] as TupleHostValues).reduction.qRange).toEqual([0.05, 0.5]);
  });

  test("a list's row limits are the catalogue's words in the page's language, as the form's own lists say them", () => {
    setup(buildFieldModel(tupleSchema), 'fr');
    const wedge = screen.getAllByRole('group').find((g) => g.querySelector('.formulary-list__limits'))!;
    expect(wedge.querySelector('.formulary-list__limits')?.textContent).toBe(' (1 à 3 lignes)');
  });

  test('an open tuple: rest rows after the positions, within minItems/maxItems less the positions', async () => {
    const model = buildFieldModel(tupleSchema);
    const { onSubmit, form, user } = setup(model);
    const wedge = screen.getByRole('group', { name: 'Wedge scan' });
    expect(wedge.textContent).toContain('2 values in this order, then any further items');
    const rest = within(wedge).getByRole('group', { name: /Run: items after the first 2/ });
    expect(rest.querySelector('.formulary-list__limits')?.textContent).toBe(' (1–3 rows)');
    // minItems 3: one run row to start with (the rest default), which cannot be removed.
    expect((screen.getByLabelText('Run, row 3') as HTMLInputElement).value).toBe('12345');
    expect((within(rest).getByRole('button', { name: 'Remove row 3' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    const add = within(rest).getByRole('button', { name: 'Add row to Run' }) as HTMLButtonElement;
    await user.click(add);
    await user.click(add);
    // maxItems 5: three runs after the two positions, then Add stops and says so.
    expect(add.disabled).toBe(true);
    expect(rest.textContent).toContain('At most 3 rows.');
    await retype(user, screen.getByLabelText('Run, row 4'), '88980');
    await retype(user, screen.getByLabelText('Run, row 5'), '0');
    expect(form().getValues('reduction.wedge')).toEqual(['main', 4, 12345, 88980, 0]);
    // Run 0 is below the rest schema's minimum: the error is on row 5, nowhere else.
    await retype(user, at('qRange.0'), '0.01');
    await retype(user, at('qRange.1'), '0.5');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(at('wedge.4').getAttribute('aria-invalid')).toBe('true'));
    expect(fieldOf('wedge.4').textContent).toMatch(/at least 1/);
    expect(at('wedge.3').getAttribute('aria-invalid')).not.toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
    // Remove row 4 (88980): the run after it moves up, the positions stay where they are.
    await user.click(within(rest).getByRole('button', { name: 'Remove row 4' }));
    expect(form().getValues('reduction.wedge')).toEqual(['main', 4, 12345, 0]);
    expect(add.disabled).toBe(false);
    // Move up stops at the first run: it never moves into a position.
    expect((within(rest).getByRole('button', { name: 'Move row 3 up' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await user.click(within(rest).getByRole('button', { name: 'Move row 4 up' }));
    expect(form().getValues('reduction.wedge')).toEqual(['main', 4, 0, 12345]);
    await retype(user, screen.getByLabelText('Run, row 3'), '88990');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect((onSubmit.mock.calls[0]![0] as TupleHostValues).reduction.wedge).toEqual([
      'main',
      4,
      88990,
      12345,
    ]);
  });

  test("the host's setValue and reset reach the positions", async () => {
    const model = buildFieldModel(tupleSchema);
    const { form, user } = setup(model);
    await retype(user, at('beamCentre.1'), '7');
    // Changed from its default: the mark is on the second position only.
    await waitFor(() => expect(fieldOf('beamCentre.1').dataset.changed).toBe('true'));
    expect(fieldOf('beamCentre.0').dataset.changed).toBeUndefined();
    form().setValue('reduction.beamCentre.0' as 'title', 2.5 as unknown as string);
    await waitFor(() => expect(at('beamCentre.0').value).toBe('2.5'));
    form().reset();
    await waitFor(() => expect(at('beamCentre.1').value).toBe('0'));
    expect(form().getValues('reduction.beamCentre')).toEqual([0, 0]);
  });

  test('draft-07 `items: [...]` with `additionalItems`: the same fields and the request SubmissionForm sends', async () => {
    const model = buildFieldModel(tupleSchemaDraft07);
    const { onSubmit, user } = setup(model);
    const inputs: [string, string][] = [
      ['Q min', '0.02'],
      ['Q max', '0.8'],
      ['Beam centre 2', '3'],
      ['Run, row 3', '88981'],
    ];
    for (const [label, text] of inputs)
      await retype(user, screen.getByLabelText(new RegExp(`^${label}`)), text);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const sent = (onSubmit.mock.calls[0]![0] as TupleHostValues).reduction;
    expect(sent).toEqual({ qRange: [0.02, 0.8], beamCentre: [0, 3], wedge: ['main', 4, 88981] });
    cleanup();

    const onFormSubmit = vi.fn();
    render(<SubmissionForm model={model} onSubmit={onFormSubmit} search={false} showImport={false} />);
    for (const [label, text] of inputs)
      await retype(user, screen.getByLabelText(new RegExp(`^${label}`)), text);
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    await waitFor(() => expect(onFormSubmit).toHaveBeenCalledTimes(1));
    expect(onFormSubmit.mock.calls[0]![0]).toEqual(sent);
  });

  test('a list of plain values keeps a false when a row before it is removed (useFieldArray dropped it)', async () => {
    const model = buildFieldModel({
      type: 'object',
      properties: {
        masks: {
          title: 'Mask tube',
          type: 'array',
          items: { type: 'boolean' },
          default: [true, false, false, true],
        },
      },
    });
    const { onSubmit, form, user } = setup(model);
    const list = screen.getByRole('group', { name: /^Mask tube/ });
    await user.click(within(list).getByRole('button', { name: 'Remove row 1' }));
    expect(form().getValues('reduction.masks')).toEqual([false, false, true]);
    expect((screen.getByLabelText('Mask tube, row 3') as HTMLInputElement).checked).toBe(true);
    await user.click(within(list).getByRole('button', { name: 'Move row 3 up' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect((onSubmit.mock.calls[0]![0] as TupleHostValues).reduction).toEqual({
      masks: [false, true, false],
    });
  });
});
