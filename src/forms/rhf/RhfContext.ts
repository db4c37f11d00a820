/**
 * What every part of <FormularyFields> reads from React context: the host's react-hook-form control,
 * where the model's values sit in it (`prefix`), the model, the widget picker and flags. Values never
 * travel through context: each field is its own useController.
 */
import { createContext, useContext } from 'react';
import type { Control, FieldValues } from 'react-hook-form';
import type { FieldModel, Pointer } from '../../schemas/index';
import type { PickWidget } from '../fields/widgetPicker';
import { rhfNameOf } from './rhfNames';

export interface RhfContextValue {
  readonly control: Control<FieldValues>;
  readonly prefix: string;
  readonly model: FieldModel;
  readonly pickWidget: PickWidget;
  readonly idPrefix: string;
  readonly disabled: boolean;
  readonly readOnly: boolean;
  /** The host's resetField and setValue, when FormularyFields was given them or sits in a FormProvider. */
  readonly methods?: {
    resetField(name: string): void;
    setValue(name: string, value: unknown, options?: { shouldDirty?: boolean }): void;
  };
}

export const RhfContext = createContext<RhfContextValue | null>(null);

export function useRhfContext(): RhfContextValue {
  const value = useContext(RhfContext);
  if (!value) throw new Error('Formulary: this component must be rendered inside <FormularyFields>');
  return value;
}

/** The RHF name of a pointer in this form. */
export function useRhfName(pointer: Pointer): string {
  return rhfNameOf(useRhfContext().prefix, pointer);
}

/** A DOM id for an RHF name: the prefix plus the name, characters unsafe in ids replaced. */
export function rhfDomId(idPrefix: string, name: string): string {
  return `${idPrefix}${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}
