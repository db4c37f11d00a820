/**
 * The host page the react-hook-form tests use: a page with its own fields (a title, a contact e-mail)
 * and the EQSANS reduction rendered by <FormularyFields> in the same useForm, validated by
 * formularyResolver plus a small resolver for the host's own fields. README's example, as a component.
 */
import type { ReactNode } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { FormularyFields, formularyResolver } from '../../../src/forms/rhf/index';
import type { FieldModel } from '../../../src/schemas/index';

export interface HostValues {
  title: string;
  email: string;
  reduction: Record<string, unknown>;
}

/** The host's own rule: a title is needed. */
const hostResolver: Resolver<HostValues> = (values) =>
  values.title.trim() === ''
    ? { values: {}, errors: { title: { type: 'required', message: 'Give the request a title.' } } }
    : { values, errors: {} as Record<string, never> };

export function EqsansHost({
  model,
  onSubmit,
  mode = 'onSubmit',
}: {
  model: FieldModel;
  onSubmit: (values: HostValues) => void;
  mode?: 'onChange' | 'onBlur' | 'onSubmit';
}): ReactNode {
  const { register, control, handleSubmit, formState } = useForm<HostValues>({
    mode,
    defaultValues: { title: '', email: '' },
    resolver: formularyResolver(model, { name: 'reduction', resolver: hostResolver }),
  });
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <label htmlFor="title">Title</label>
      <input id="title" {...register('title')} />
      {formState.errors.title && <p role="alert">{formState.errors.title.message}</p>}
      <label htmlFor="email">Contact e-mail</label>
      <input id="email" {...register('email')} />
      <FormularyFields model={model} control={control} name="reduction" idPrefix="host-" />
      <button type="submit">Send</button>
    </form>
  );
}
