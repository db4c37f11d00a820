/**
 * A union of a number and an object in a react-hook-form host: the picker switches between the
 * number's one input (the choice's own value) and the object's fields, and the host's submit gets the
 * chosen branch's value.
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
  type: 'object',
  properties: {
    wavelength: {
      title: 'Wavelength',
      oneOf: [
        { title: 'Fixed', type: 'number', default: 6 },
        {
          title: 'Band',
          type: 'object',
          properties: { min: { title: 'Band min', type: 'number', default: 2 } },
        },
      ],
    },
  },
});

function Host({ onSubmit }: { onSubmit: (v: unknown) => void }): ReactNode {
  const form = useForm({ resolver: formularyResolver(model, { name: 'r' }) });
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <FormularyFields model={model} control={form.control} name="r" idPrefix="v-" methods={form} />
      <button type="submit">Send</button>
    </form>
  );
}

test('switch from the number to the object and back; the chosen value is submitted', {
  timeout: 30_000,
}, async () => {
  const user = userEvent.setup();
  const onSubmit = vi.fn();
  render(<Host onSubmit={onSubmit} />);
  const fixed = () => document.getElementById('v-r.wavelength') as HTMLInputElement | null;
  await waitFor(() => expect(fixed()?.value).toBe('6'));
  await user.click(screen.getByRole('radio', { name: 'Band' }));
  await waitFor(() => expect(document.getElementById('v-r.wavelength.min')).toBeTruthy());
  expect(fixed()).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]![0]).toEqual({ r: { wavelength: { min: 2 } } });
  await user.click(screen.getByRole('radio', { name: 'Fixed' }));
  await waitFor(() => expect(fixed()?.value).toBe('6'));
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
  expect(onSubmit.mock.calls[1]![0]).toEqual({ r: { wavelength: 6 } });
});
