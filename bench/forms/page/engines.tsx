/**
 * The engines compared on one page: Formulary's SubmissionForm, @rjsf/core 6 with controlled formData
 * (live validation off and on), and plain react-hook-form registered inputs (the floor a page of that
 * size allows). Each is given the same bundled schema and its defaults.
 */
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import { type ReactNode, type Ref, useState } from 'react';
import { useForm } from 'react-hook-form';
import { SubmissionForm, type SubmissionFormHandle } from '../../../src/forms/index';
import type { Dialect, FieldModel } from '../../../src/schemas/index';
import { RhfHostEngine } from './rhfHostEngine';

export type EngineName = 'formulary' | 'rjsf' | 'rjsf-live' | 'rhf' | 'formulary-in-rhf';

export const engineNames: readonly EngineName[] = [
  'formulary',
  'rjsf',
  'rjsf-live',
  'rhf',
  'formulary-in-rhf',
];

export interface EngineInput {
  schema: Record<string, unknown>;
  dialect: Dialect;
  model: FieldModel;
  defaults: Record<string, unknown>;
  formRef: Ref<SubmissionFormHandle>;
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

function FloorEngine({ input }: { input: EngineInput }): ReactNode {
  const { register } = useForm({ defaultValues: input.defaults });
  const leaves = input.model.fields.filter((field) => !field.pointer.includes('*'));
  const seen = new Set<string>();
  return (
    <form>
      {leaves.map((field) => {
        if (seen.has(field.pointer)) return null;
        seen.add(field.pointer);
        const name = field.pointer.slice(1).replace(/\//g, '.');
        const id = floorId(field.pointer);
        const type = field.kind === 'boolean' ? 'checkbox' : 'text';
        return (
          <div key={field.pointer}>
            <label htmlFor={id}>{field.label}</label> <input id={id} type={type} {...register(name)} />
            {field.units ? ` ${field.units}` : null}
          </div>
        );
      })}
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
  return <FloorEngine input={input} />;
}
