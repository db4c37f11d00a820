/**
 * A choice whose branches have no discriminator (the keys say which): in a react-hook-form host with
 * its methods, the picker switches branch, each field starting at its default; what was typed in the
 * branch left comes back on switching back; only the selected branch is sent. Without the host's
 * methods the picker shows the branch the values select and is disabled.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { afterEach, expect, test, vi } from 'vitest';
import { FormularyFields, formularyResolver } from '../../../src/forms/rhf/index';
import { buildFieldModel } from '../../../src/schemas/index';

afterEach(cleanup);

const model = buildFieldModel({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    background: {
      title: 'Background',
      oneOf: [
        {
          title: 'From a file',
          type: 'object',
          properties: { path: { type: 'string', title: 'File', default: '/SNS/bg.nxs' } },
          required: ['path'],
          additionalProperties: false,
        },
        {
          title: 'From runs',
          type: 'object',
          properties: { runs: { type: 'integer', title: 'Run', minimum: 1 } },
          required: ['runs'],
          additionalProperties: false,
        },
      ],
    },
  },
  required: ['background'],
});

function Host({
  withMethods,
  onSubmit,
}: {
  withMethods: boolean;
  onSubmit: (v: unknown) => void;
}): ReactNode {
  const form = useForm({ resolver: formularyResolver(model, { name: 'r' }) });
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <FormularyFields
        model={model}
        control={form.control}
        name="r"
        idPrefix="k-"
        methods={withMethods ? form : undefined}
      />
      <button type="submit">Send</button>
    </form>
  );
}

test('switch branch, type, switch back and forth: typed values return; only the selected branch is sent', {
  timeout: 30_000,
}, async () => {
  const user = userEvent.setup();
  const onSubmit = vi.fn();
  render(<Host withMethods onSubmit={onSubmit} />);
  const path = () => document.getElementById('k-r.background.path') as HTMLInputElement;
  const runs = () => document.getElementById('k-r.background.runs') as HTMLInputElement | null;
  expect(path().value).toBe('/SNS/bg.nxs');
  await user.clear(path());
  await user.type(path(), '/SNS/mine.nxs');
  await user.click(screen.getByRole('radio', { name: 'From runs' }));
  await waitFor(() => expect(runs()).toBeTruthy());
  expect(document.getElementById('k-r.background.path')).toBeNull();
  if (runs()!.disabled) await user.click(document.getElementById('k-r.background.runs-unset')!);
  await user.type(runs()!, '88980');
  await user.click(screen.getByRole('radio', { name: 'From a file' }));
  await waitFor(() => expect(path().value).toBe('/SNS/mine.nxs'));
  await user.click(screen.getByRole('radio', { name: 'From runs' }));
  await waitFor(() => expect(runs()?.value).toBe('88980'));
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]![0]).toEqual({ r: { background: { runs: 88980 } } });
});

test("without the host's methods the picker follows the values and cannot switch", {
  timeout: 30_000,
}, async () => {
  render(<Host withMethods={false} onSubmit={() => {}} />);
  const file = screen.getByRole('radio', { name: 'From a file' }) as HTMLInputElement;
  expect(file.checked).toBe(true);
  expect(file.disabled).toBe(true);
  expect((screen.getByRole('radio', { name: 'From runs' }) as HTMLInputElement).disabled).toBe(true);
});
