/**
 * The engines compared on one page: Formulary's SubmissionForm, @rjsf/core 6 with controlled formData
 * (live validation off and on), and plain react-hook-form registered inputs (the floor a page of that
 * size allows), and the same inputs through useController in mode onChange (what react-hook-form itself
 * costs per keystroke once every field is controlled, with no validation: the peer that separates
 * <FormularyFields>' own work from its host library's). Each is given the same bundled schema and its
 * defaults.
 */
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import { type ReactNode, type Ref, useState } from 'react';
import { type Control, useController, useForm } from 'react-hook-form';
import { SubmissionForm, type SubmissionFormHandle } from '../../../src/forms/index';
import type { Dialect, FieldModel } from '../../../src/schemas/index';
import { scanRow } from './pasteBench';
import { RhfHostEngine } from './rhfHostEngine';

export type EngineName = 'formulary' | 'rjsf' | 'rjsf-live' | 'rhf' | 'rhf-controlled' | 'formulary-in-rhf';

export const engineNames: readonly EngineName[] = [
  'formulary',
  'rjsf',
  'rjsf-live',
  'rhf',
  'rhf-controlled',
  'formulary-in-rhf',
];

export interface EngineInput {
  schema: Record<string, unknown>;
  dialect: Dialect;
  model: FieldModel;
  // The benchmark's schemas have object roots (rjsf and react-hook-form take only objects).
  defaults: Record<string, unknown>;
  formRef: Ref<SubmissionFormHandle>;
  /**
   * Scan rows the floor holds from the start (`?floorRows=N`): the paste measure's fair peer, the
   * same 1,000 rows Formulary holds after its paste, as registered inputs (pasteRun.ts).
   */
  floorRows?: number;
}

function rjsfValidator(dialect: Dialect) {
  if (dialect === '2020-12') return customizeValidator({ AjvClass: Ajv2020 });
  if (dialect === '2019-09') return customizeValidator({ AjvClass: Ajv2019 });
  return customizeValidator();
}

function RjsfEngine({ input, live }: { input: EngineInput; live: boolean }): ReactNode {
  const [validator] = useState(() => rjsfValidator(input.dialect));
  const [formData, setFormData] = useState<unknown>(input.defaults);
  return (
    <Form
      schema={input.schema as RJSFSchema}
      validator={validator}
      formData={formData}
      liveValidate={live}
      onChange={(event) => setFormData(event.formData)}
    />
  );
}

/** Id of a field's input in the floor engine, from its pointer. */
export function floorId(pointer: string): string {
  return `rhf${pointer.replace(/\//g, '_')}`;
}

/** The schema's leaf fields, each once, with its react-hook-form name and input id. */
function floorLeaves(model: FieldModel) {
  const seen = new Set<string>();
  return model.fields
    .filter((field) => !field.pointer.includes('*') && !seen.has(field.pointer) && seen.add(field.pointer))
    .map((field) => ({
      field,
      name: field.pointer.slice(1).replace(/\//g, '.'),
      id: floorId(field.pointer),
      type: field.kind === 'boolean' ? 'checkbox' : 'text',
    }));
}

/** The pasted scan rows' leaf fields (/job/scans/<i>/<key>), each row's once, as floorLeaves gives them. */
function floorRowLeaves(model: FieldModel, rows: number) {
  const item = [
    ...new Set(model.fields.map((f) => f.pointer).filter((p) => /^\/job\/scans\/\*\/[^/*]+$/.test(p))),
  ];
  const fields = item.map((pointer) => model.fields.find((f) => f.pointer === pointer)!);
  return Array.from({ length: rows }, (_, i) =>
    fields.map((field) => {
      const pointer = field.pointer.replace('*', String(i));
      return {
        field: { ...field, pointer },
        name: pointer.slice(1).replace(/\//g, '.'),
        id: floorId(pointer),
        type: 'text',
      };
    }),
  ).flat();
}

/** The defaults, with `rows` pasted scan rows in the job's scan list when asked. */
function floorDefaults(input: EngineInput): Record<string, unknown> {
  const rows = input.floorRows ?? 0;
  if (rows === 0) return input.defaults;
  const job = (input.defaults.job ?? {}) as Record<string, unknown>;
  return { ...input.defaults, job: { ...job, scans: Array.from({ length: rows }, (_, i) => scanRow(i)) } };
}

function FloorEngine({ input }: { input: EngineInput }): ReactNode {
  const { register } = useForm({ defaultValues: floorDefaults(input) });
  const leaves = [...floorLeaves(input.model), ...floorRowLeaves(input.model, input.floorRows ?? 0)];
  return (
    <form>
      {leaves.map(({ field, name, id, type }) => (
        <div key={field.pointer}>
          <label htmlFor={id}>{field.label}</label> <input id={id} type={type} {...register(name)} />
          {field.units ? ` ${field.units}` : null}
        </div>
      ))}
    </form>
  );
}

function ControlledInput(props: { control: Control; name: string; id: string; type: string }): ReactNode {
  const { field } = useController({ control: props.control, name: props.name });
  const checkbox = props.type === 'checkbox';
  return (
    <input
      id={props.id}
      type={props.type}
      name={field.name}
      ref={field.ref}
      onBlur={field.onBlur}
      {...(checkbox
        ? { checked: Boolean(field.value), onChange: (e) => field.onChange(e.target.checked) }
        : { value: String(field.value ?? ''), onChange: (e) => field.onChange(e.target.value) })}
    />
  );
}

function ControlledFloorEngine({ input }: { input: EngineInput }): ReactNode {
  const { control } = useForm({ mode: 'onChange', defaultValues: input.defaults });
  return (
    <form>
      {floorLeaves(input.model).map(({ field, name, id, type }) => (
        <div key={field.pointer}>
          <label htmlFor={id}>{field.label}</label>{' '}
          <ControlledInput control={control as Control} name={name} id={id} type={type} />
          {field.units ? ` ${field.units}` : null}
        </div>
      ))}
    </form>
  );
}

export function Engine({ name, input }: { name: EngineName; input: EngineInput }): ReactNode {
  // Formulary gets the schema, not the prebuilt model: building the model counts in its mount, as
  // RJSF's schema processing counts in its own.
  if (name === 'formulary') return <SubmissionForm schema={input.schema} formRef={input.formRef} />;
  if (name === 'rjsf') return <RjsfEngine input={input} live={false} />;
  if (name === 'rjsf-live') return <RjsfEngine input={input} live />;
  if (name === 'formulary-in-rhf') return <RhfHostEngine model={input.model} />;
  if (name === 'rhf-controlled') return <ControlledFloorEngine input={input} />;
  return <FloorEngine input={input} />;
}
