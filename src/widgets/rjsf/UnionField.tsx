/**
 * RJSF's AnyOfField / OneOfField for the theme: a union our FieldModel reads as ONE value (number or
 * numeric string or null; a type with null) is rendered as one of our widgets instead of RJSF's
 * "Option 1 / Option 2" picker. Real choices (objects told apart by a property) still get RJSF's own
 * MultiSchemaField, so nothing RJSF can render is lost.
 */
import { getDefaultRegistry } from '@rjsf/core';
import type { FieldProps } from '@rjsf/utils';
import { type ReactNode, useCallback } from 'react';
import { formatPointer } from '../../schemas/index';
import { defaultWidgetRegistry } from '../defaultWidgetRegistry';
import { fieldNodeFromRjsf } from './fieldNodeFromRjsf';

const rjsfFields = getDefaultRegistry().fields;

/** Whether our model reads this union schema as a single field (then our widget renders it). */
export function isSingleValueUnion(schema: object, name: string, rootSchema?: object): boolean {
  const field = fieldNodeFromRjsf({ schema, name, required: false, ...(rootSchema ? { rootSchema } : {}) });
  return field.kind !== 'json';
}

type FieldComponent = (p: FieldProps) => ReactNode;

/** The union as one of our widgets, or RJSF's own field when it is a real choice. */
function UnionField({ rjsf: props, Fallback }: { rjsf: FieldProps; Fallback: FieldComponent }): ReactNode {
  const { schema, name, required, fieldPathId, onChange, onBlur, formData, registry, errorSchema } = props;
  const field = fieldNodeFromRjsf({
    schema,
    name,
    required: required === true,
    uiWidget: props.uiSchema?.['ui:widget'],
    rootSchema: registry.rootSchema,
    pointer: formatPointer(fieldPathId.path),
  });
  const id = fieldPathId.$id;
  const change = useCallback(
    (next: unknown) => onChange(next as typeof formData, fieldPathId.path, undefined, id),
    [onChange, fieldPathId.path, id],
  );
  const blur = useCallback(() => onBlur(id, formData), [onBlur, id, formData]);
  if (field.kind === 'json') return <Fallback {...props} />;
  const Widget = defaultWidgetRegistry.pick(field);
  // RJSF's FieldTemplate shows the label and description of a union but leaves its errors to this field.
  const errors = props.hideError === true ? undefined : errorSchema?.__errors?.filter(Boolean);
  return (
    <Widget
      field={field}
      id={id}
      value={formData}
      onChange={change}
      onBlur={blur}
      hideLabel
      hideDescription
      disabled={props.disabled === true}
      readOnly={props.readonly === true}
      {...(errors !== undefined && errors.length > 0 ? { error: errors.join(' ') } : {})}
    />
  );
}

/** anyOf: one of our widgets when the union is one value, else RJSF's own picker. */
export function FormularyAnyOfField(props: FieldProps): ReactNode {
  return <UnionField rjsf={props} Fallback={rjsfFields.AnyOfField as FieldComponent} />;
}

/** oneOf: one of our widgets when the union is one value, else RJSF's own picker. */
export function FormularyOneOfField(props: FieldProps): ReactNode {
  return <UnionField rjsf={props} Fallback={rjsfFields.OneOfField as FieldComponent} />;
}
