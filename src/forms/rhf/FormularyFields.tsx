/**
 * <FormularyFields>: a FieldModel (or some of its sections) rendered inside a host's react-hook-form
 * `useForm` / `FormProvider`, each field through `useController`, with our widgets, sections, advanced
 * parts, lists, choices and conditions. The values live in the host's form under `name`, so its
 * reset, setValue, watch and formState.dirtyFields work on our fields; pair it with
 * `formularyResolver(model, { name })` and handleSubmit gets the request SubmissionForm would send.
 */
import { type ReactNode, useMemo, useState } from 'react';
import {
  type Control,
  type FieldValues,
  get,
  set,
  type UseFormReturn,
  useFormContext,
} from 'react-hook-form';
import type { FieldModel } from '../../schemas/index';
import type { WidgetRegistry } from '../../widgets/index';
import { widgetPicker } from '../fields/widgetPicker';
import '../formulary.css';
import { sectionsOf } from '../layout/sectionsOf';
import { RhfContext, type RhfContextValue } from './RhfContext';
import { RhfSection } from './RhfSection';
import { formularyDefaults } from './requestOfValues';

export interface FormularyFieldsProps<TFieldValues extends FieldValues = FieldValues> {
  readonly model: FieldModel;
  /** The host form's control (useForm().control); default: the enclosing FormProvider's. */
  readonly control?: Control<TFieldValues>;
  /**
   * The host's useForm() return (default: the enclosing FormProvider's): "Reset section" uses its
   * resetField and the branch picker of a choice without a discriminator its setValue, which
   * react-hook-form keeps off `control`. Without it those two controls are not shown.
   */
  readonly methods?: Pick<UseFormReturn<TFieldValues>, 'resetField' | 'setValue'>;
  /** Where the model's values sit in the form ("reduction"); "" when they are the whole form. */
  readonly name: string;
  /**
   * Render only these sections, by key ("/wavelength", "group:General") or title ("Wavelength");
   * default: all. The values of every section stay in the form either way.
   */
  readonly sections?: readonly string[];
  /** A widget registry (src/widgets); default: the built-in one. */
  readonly widgets?: WidgetRegistry;
  /** Prefix of DOM ids (default "formulary-"); an input's id is the prefix plus its RHF name. */
  readonly idPrefix?: string;
  readonly disabled?: boolean;
  readonly readOnly?: boolean;
}

/**
 * Puts the model's defaults into the form when the host gave none for `name`: as default values too,
 * so dirtyFields compares with them and reset() returns to them. Done before any field mounts, since
 * fields of closed or far-off sections never mount and their values must be there all the same.
 */
function seedDefaults(control: Control<FieldValues>, name: string, model: FieldModel): void {
  const current = name === '' ? control._formValues : get(control._formValues, name);
  const given = name === '' ? Object.keys(current ?? {}).length > 0 : current !== undefined;
  if (given) return;
  const defaults = formularyDefaults(model);
  if (name === '') {
    Object.assign(control._formValues, structuredClone(defaults));
    Object.assign(control._defaultValues, defaults);
  } else {
    set(control._formValues, name, structuredClone(defaults));
    set(control._defaultValues, name, defaults);
  }
}

/** The model's fields in the host's form. */
export function FormularyFields<TFieldValues extends FieldValues = FieldValues>(
  props: FormularyFieldsProps<TFieldValues>,
): ReactNode {
  const provided = useFormContext<TFieldValues>() as ReturnType<typeof useFormContext> | null;
  const control = (props.control ?? provided?.control) as Control<FieldValues> | undefined;
  if (!control) throw new Error('Formulary: <FormularyFields> needs `control` or a <FormProvider> around it');
  const { model, name } = props;
  useState(() => seedDefaults(control, name, model));
  const methods = (props.methods ?? provided ?? undefined) as RhfContextValue['methods'];
  const pickWidget = useMemo(() => widgetPicker(props.widgets), [props.widgets]);
  const context = useMemo<RhfContextValue>(
    () => ({
      control,
      prefix: name,
      model,
      pickWidget,
      idPrefix: props.idPrefix ?? 'formulary-',
      disabled: props.disabled === true,
      readOnly: props.readOnly === true,
      methods,
    }),
    [control, name, model, pickWidget, props.idPrefix, props.disabled, props.readOnly, methods],
  );
  const wanted = props.sections;
  const sections = useMemo(() => {
    const all = sectionsOf(model);
    return wanted ? all.filter((s) => wanted.includes(s.key) || wanted.includes(s.title)) : all;
  }, [model, wanted]);
  // The first screenful (20 rows) renders at mount; the rest when scrolled near, as in SubmissionForm.
  const eagerCount = useMemo(() => {
    let rows = 0;
    let n = 0;
    for (const s of sections) {
      if (n > 0 && rows >= 20) break;
      if (!s.advanced) rows += s.rowCount;
      n++;
    }
    return n;
  }, [sections]);
  return (
    <RhfContext.Provider value={context}>
      <div className="formulary-form formulary-rhf" data-name={name}>
        {sections.map((section, i) => (
          <RhfSection key={section.key} section={section} eager={i < eagerCount} />
        ))}
      </div>
    </RhfContext.Provider>
  );
}
