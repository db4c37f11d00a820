/**
 * The "formulary-in-rhf" engine of the form benchmark: a react-hook-form page (useForm in mode
 * onChange, so every keystroke goes through the resolver) holding the schema's fields with
 * <FormularyFields> under "reduction", validated by formularyResolver: what a team with a useForm page
 * gets from Formulary, measured beside plain react-hook-form inputs (the floor) and RJSF.
 */
import { type ReactNode, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { sectionsOf } from '../../../src/forms/layout/sectionsOf';
import { FormularyFields, formularyDefaults, formularyResolver } from '../../../src/forms/rhf/index';
import type { FieldModel } from '../../../src/schemas/index';

const prefix = 'reduction';
const idPrefix = 'rhfhost-';

export function RhfHostEngine({ model }: { model: FieldModel }): ReactNode {
  const resolver = useMemo(() => formularyResolver(model, { name: prefix }), [model]);
  const { control, handleSubmit } = useForm({
    mode: 'onChange',
    resolver,
    defaultValues: { [prefix]: formularyDefaults(model) },
  });
  return (
    <form onSubmit={handleSubmit(() => {})} noValidate>
      <FormularyFields model={model} control={control} name={prefix} idPrefix={idPrefix} />
    </form>
  );
}

/** The target input's id, and the section that holds it (rendered lazily until scrolled near). */
export function rhfHostTarget(model: FieldModel, pointer: string): { inputId: string; sectionId: string } {
  const name = `${prefix}${pointer.replace(/\//g, '.')}`;
  const top = `/${pointer.split('/')[1]}`;
  const section = sectionsOf(model).find((s) => s.roots.some((r) => r === top));
  const key = (section?.key ?? top).replace(/[^A-Za-z0-9_-]/g, '_');
  return { inputId: `${idPrefix}${name}`, sectionId: `${idPrefix}${prefix}-section-${key}` };
}
