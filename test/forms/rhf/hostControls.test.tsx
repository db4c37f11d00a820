/**
 * What a host does with its useForm on <FormularyFields>' fields (EQSANS): setValue shows in our
 * widget, watch sees what the user typed, dirtyFields marks our fields and reset brings them back;
 * picking a job branch and back keeps what was typed and sends only the selected branch; text that is
 * not a value refuses submit with the widget's message; and in mode onChange each keystroke asks the
 * resolver about one field only.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { type Resolver, type UseFormReturn, useForm } from 'react-hook-form';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { FormularyFields, formularyResolver } from '../../../src/forms/rhf/index';
import { buildFieldModel, type FieldModel, loadSchema } from '../../../src/schemas/index';

let model: FieldModel;
beforeAll(async () => {
  model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
});
afterEach(cleanup);

type Values = { reduction: Record<string, unknown> };

function Host({
  resolver,
  mode = 'onSubmit',
  onSubmit,
  expose,
  sections,
  withReset,
}: {
  resolver: Resolver<Values>;
  mode?: 'onChange' | 'onBlur' | 'onSubmit';
  onSubmit: (values: Values) => void;
  expose: (form: UseFormReturn<Values>) => void;
  sections?: string[];
  withReset?: boolean;
}): ReactNode {
  const form = useForm<Values>({ mode, resolver });
  expose(form);
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <FormularyFields
        model={model}
        control={form.control}
        name="reduction"
        idPrefix="h-"
        sections={sections}
        methods={withReset ? form : undefined}
      />
      <button type="submit">Send</button>
    </form>
  );
}

const input = (name: string) => document.getElementById(`h-reduction.${name}`) as HTMLInputElement;

function setup(
  mode: 'onChange' | 'onBlur' | 'onSubmit' = 'onSubmit',
  sections?: string[],
  withReset = false,
) {
  const calls: (string[] | undefined)[] = [];
  const inner = formularyResolver<Values>(model, { name: 'reduction' });
  const resolver: Resolver<Values> = (values, context, options) => {
    calls.push(options.names?.map(String));
    return inner(values, context, options);
  };
  const onSubmit = vi.fn();
  let form!: UseFormReturn<Values>;
  render(
    <Host
      resolver={resolver}
      mode={mode}
      onSubmit={onSubmit}
      expose={(f) => (form = f)}
      sections={sections}
      withReset={withReset}
    />,
  );
  return { calls, onSubmit, form: () => form, user: userEvent.setup() };
}

test('setValue, watch, dirtyFields and reset work on our fields', { timeout: 30_000 }, async () => {
  const { form, user } = setup();
  expect(input('job.outputName').value).toBe('averaged');
  act(() => form().setValue('reduction.job.outputName' as never, 'from the host' as never));
  await waitFor(() => expect(input('job.outputName').value).toBe('from the host'));
  await user.clear(input('iptsNumber'));
  await user.type(input('iptsNumber'), '19800');
  expect(form().getValues('reduction.iptsNumber')).toBe(19800);
  expect(form().watch('reduction.iptsNumber')).toBe(19800);
  expect(form().getFieldState('reduction.iptsNumber').isDirty).toBe(true);
  const field = input('iptsNumber').closest('.formulary-field') as HTMLElement;
  await waitFor(() => expect(field.dataset.changed).toBe('true'));
  act(() => form().reset());
  await waitFor(() => expect(input('iptsNumber').value).toBe(''));
  expect(input('job.outputName').value).toBe('averaged');
  expect(form().getFieldState('reduction.iptsNumber').isDirty).toBe(false);
});

test('a branch picked and back keeps what was typed; only the selected branch is sent', {
  timeout: 30_000,
}, async () => {
  const { user, onSubmit, form } = setup();
  await user.clear(input('job.outputName'));
  await user.type(input('job.outputName'), 'kept');
  await user.click(screen.getByRole('radio', { name: /each scan/i }));
  expect(form().getValues('reduction.job.mode')).toBe('each_scan');
  await user.click(screen.getByRole('radio', { name: /average/i }));
  expect(input('job.outputName').value).toBe('kept');
  await user.type(input('iptsNumber'), '19800');
  await user.type(input('job.scans.0.runNumber'), '88980');
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  const job = onSubmit.mock.calls[0]![0].reduction.job;
  expect(job.mode).toBe('average');
  expect(job.outputName).toBe('kept');
});

test('text that is not a value is held, shown to watch, and refuses submit with the widget message', {
  timeout: 30_000,
}, async () => {
  const { user, onSubmit, form } = setup();
  await user.type(input('iptsNumber'), '19800');
  await user.type(input('job.scans.0.runNumber'), '88980');
  await user.clear(input('job.scans.0.thickness'));
  await user.type(input('job.scans.0.thickness'), '0.2.5');
  expect(form().getValues('reduction.job.scans.0.thickness')).toBe('0.2.5');
  await user.click(screen.getByRole('button', { name: 'Send' }));
  const field = input('job.scans.0.thickness').closest('.formulary-field') as HTMLElement;
  await waitFor(() => expect(field.textContent).toMatch(/not a number/));
  expect(form().getFieldState('reduction.job.scans.0.thickness').error?.type).toBe('input');
  expect(onSubmit).not.toHaveBeenCalled();
  expect(input('job.scans.0.thickness').value).toBe('0.2.5');
  await user.clear(input('job.scans.0.thickness'));
  await user.type(input('job.scans.0.thickness'), '0.25');
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]![0].reduction.job.scans[0].thickness).toBe(0.25);
});

test('in mode onChange a keystroke asks the resolver about one field and its rule partners', {
  timeout: 30_000,
}, async () => {
  const { user, calls } = setup('onChange');
  calls.length = 0;
  await user.type(input('iptsNumber'), '19');
  expect(calls.length).toBeGreaterThan(0);
  for (const names of calls) expect(names).toEqual(['reduction.iptsNumber']);
  // Q max: its own check, then Q min's through the rule (RHF's deps), one field per call.
  const placeholder = screen.queryByRole('button', { name: 'Show Binning' });
  if (placeholder) await user.click(placeholder);
  await user.click(document.getElementById('h-reduction.binning.Qmax-unset') as HTMLElement);
  calls.length = 0;
  await user.type(input('binning.Qmax'), '0.5');
  expect(calls).toContainEqual(['reduction.binning.Qmax']);
  expect(calls).toContainEqual(['reduction.binning.Qmin']);
  for (const names of calls) expect(names).toHaveLength(1);
});

test('in mode onBlur a field is checked when left, alone', { timeout: 30_000 }, async () => {
  const { user, calls } = setup('onBlur');
  await user.type(input('job.scans.0.thickness'), '5');
  expect(calls).toEqual([]);
  await user.clear(input('job.scans.0.thickness'));
  await user.type(input('job.scans.0.thickness'), '-1');
  await user.tab();
  await waitFor(() => expect(calls.length).toBeGreaterThan(0));
  for (const names of calls) expect(names).toEqual(['reduction.job.scans.0.thickness']);
  const field = input('job.scans.0.thickness').closest('.formulary-field') as HTMLElement;
  await waitFor(() => expect(field.querySelector('[id$="-error"]')?.textContent).toMatch(/\S/));
});

test('one section alone: only it is rendered, and the request still holds every section', {
  timeout: 30_000,
}, async () => {
  const { user, onSubmit } = setup('onSubmit', ['General', '/job']);
  expect(screen.queryByRole('heading', { name: 'Binning' })).toBeNull();
  expect(screen.getByRole('heading', { name: 'General' })).toBeTruthy();
  await user.type(input('iptsNumber'), '19800');
  await user.type(input('job.scans.0.runNumber'), '88980');
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  const sent = onSubmit.mock.calls[0]![0].reduction;
  expect(sent.iptsNumber).toBe(19800);
  expect(sent.binning).toBeDefined();
  expect(sent.wavelength.wavelengthStep).toBe(0.1);
});

test('a condition shows its fields when it holds; hidden ones are left out of the request', {
  timeout: 30_000,
}, async () => {
  const { user, onSubmit, form } = setup();
  await user.type(input('iptsNumber'), '19800');
  await user.type(input('job.scans.0.runNumber'), '88980');
  const placeholder = screen.queryByRole('button', { name: 'Show Absolute scale' });
  if (placeholder) await user.click(placeholder);
  expect(document.getElementById('h-reduction.absoluteScale.StandardAbsoluteScale')).toBeTruthy();
  expect(document.getElementById('h-reduction.absoluteScale.DBScalingBeamRadius')).toBeNull();
  act(() => form().setValue('reduction.absoluteScale.absoluteScaleMethod' as never, 'direct_beam' as never));
  await waitFor(() =>
    expect(document.getElementById('h-reduction.absoluteScale.DBScalingBeamRadius')).toBeTruthy(),
  );
  expect(document.getElementById('h-reduction.absoluteScale.StandardAbsoluteScale')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  const scale = onSubmit.mock.calls[0]![0].reduction.absoluteScale;
  expect(scale.absoluteScaleMethod).toBe('direct_beam');
  expect(scale.DBScalingBeamRadius).toBe(40);
  expect(scale).not.toHaveProperty('StandardAbsoluteScale');
  // The hidden field's value stays in the form, for when the condition turns back.
  expect(form().getValues('reduction.absoluteScale' as never)).toHaveProperty('StandardAbsoluteScale', 1);
});

test('list rows: add with the item defaults, move, remove; the request keeps their order', {
  timeout: 30_000,
}, async () => {
  const { user, onSubmit, form } = setup();
  await user.type(input('iptsNumber'), '19800');
  await user.type(input('job.scans.0.runNumber'), '88980');
  await user.click(screen.getByRole('button', { name: 'Add row to Scans' }));
  await user.type(input('job.scans.1.runNumber'), '88981');
  await user.click(screen.getByRole('button', { name: 'Add row to Scans' }));
  await user.type(input('job.scans.2.runNumber'), '88982');
  await user.click(screen.getByRole('button', { name: 'Move row 2 up' }));
  await user.click(screen.getByRole('button', { name: 'Remove row 3' }));
  expect(input('job.scans.0.runNumber').value).toBe('88981');
  expect(form().getFieldState('reduction.job.scans' as never).isDirty).toBe(true);
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  const scans = onSubmit.mock.calls[0]![0].reduction.job.scans;
  expect(scans.map((s: { runNumber: unknown }) => s.runNumber)).toEqual(['88981', '88980']);
  expect(scans[0].thickness).toBe(scans[1].thickness);
});

test('Reset section puts that section back to its defaults, clears its errors, and leaves the others', {
  timeout: 30_000,
}, async () => {
  const { user, form } = setup('onSubmit', undefined, true);
  await user.type(input('iptsNumber'), '19800');
  const placeholder = screen.queryByRole('button', { name: 'Show Binning' });
  if (placeholder) await user.click(placeholder);
  const qmax = input('binning.Qmax').value;
  for (const [name, text] of [
    ['binning.Qmax', '0.01'],
    ['binning.Qmin', '0.5'],
  ] as const) {
    // An unset field is ticked on first (its "Unset" box), as a user would.
    if (input(name).disabled) await user.click(document.getElementById(`h-reduction.${name}-unset`)!);
    await user.clear(input(name));
    await user.type(input(name), text);
  }
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(form().getFieldState('reduction.binning.Qmin' as never).error).toBeDefined());
  // Without the host's methods there is no such button; here there is, one per changed section.
  expect(screen.queryByRole('button', { name: 'Reset section General' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Reset section Binning' }));
  await waitFor(() => expect(input('binning.Qmax').value).toBe(qmax));
  expect(form().getFieldState('reduction.binning.Qmin' as never).error).toBeUndefined();
  expect(form().getFieldState('reduction.binning.Qmax' as never).isDirty).toBe(false);
  expect(screen.queryByRole('button', { name: 'Reset section Binning' })).toBeNull();
  expect(form().getValues('reduction.iptsNumber' as never)).toBe(19800);
});

test("without the host's resetField sections offer no Reset section", { timeout: 30_000 }, async () => {
  const { user } = setup();
  await user.type(input('iptsNumber'), '19800');
  await waitFor(() => expect(screen.getByText('1 changed')).toBeTruthy());
  expect(screen.queryByRole('button', { name: /Reset section/ })).toBeNull();
});
