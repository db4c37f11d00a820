/**
 * Our widgets behind RJSF's widget props: RJSF's FieldTemplate keeps rendering the label, description
 * and errors (we point at them by RJSF's ids), our widget renders the input, units, hints and its own
 * coercion messages. A facility on @rjsf/core can switch one widget at a time.
 */
import type { WidgetProps as RjsfWidgetProps, Widget } from '@rjsf/utils';
import { type ReactNode, useCallback, useContext, useMemo } from 'react';
import { defaultWidgetRegistry } from '../defaultWidgetRegistry';
import type { WidgetRegistry } from '../registry';
import type { WidgetComponent } from '../WidgetProps';
import { withNullable } from '../withNullable';
import { fieldNodeFromRjsf } from './fieldNodeFromRjsf';
import { RjsfPointerContext } from './PointerFieldTemplate';

/**
 * An RJSF widget that renders `component`, or the widget our registry picks for the field.
 * @example const widgets = {TextWidget: adaptWidget()}; // every RJSF text field through our registry
 */
export function adaptWidget(
  component?: WidgetComponent,
  registry: WidgetRegistry = defaultWidgetRegistry,
): Widget {
  const adapted: Widget = (props: RjsfWidgetProps) => (
    <RjsfAdapter rjsf={props} component={component} registry={registry} />
  );
  adapted.displayName = `Formulary(${component?.displayName ?? component?.name ?? 'registry'})`;
  return adapted;
}

interface AdapterProps {
  readonly rjsf: RjsfWidgetProps;
  readonly component: WidgetComponent | undefined;
  readonly registry: WidgetRegistry;
}

/** One RJSF field rendered by one of our widgets. */
function RjsfAdapter({ rjsf: props, component, registry }: AdapterProps): ReactNode {
  const { schema, uiSchema, name, required, options, onChange, onBlur, id, value } = props;
  const enumLabels = useMemo(() => options.enumOptions?.map((o) => o.label), [options.enumOptions]);
  // The field's real pointer when the theme's FieldTemplate is ours (PointerFieldTemplate).
  const pointer = useContext(RjsfPointerContext);
  const described = fieldNodeFromRjsf({
    schema,
    name,
    required: required === true,
    uiWidget: uiSchema?.['ui:widget'],
    rootSchema: props.registry.rootSchema,
    ...(pointer !== undefined ? { pointer } : {}),
    ...(enumLabels !== undefined ? { enumLabels } : {}),
  });
  // RJSF's oneOf/anyOf selector hands a select its branches as enumOptions on a synthetic schema.
  const field = useMemo(
    () =>
      options.enumOptions !== undefined && options.enumOptions.length > 0 && described.kind !== 'enum'
        ? {
            ...described,
            kind: 'enum' as const,
            enum: options.enumOptions.map((o) => o.value as unknown),
            enumLabels: options.enumOptions.map((o) => o.label),
            nullable: false,
          }
        : described,
    [described, options.enumOptions],
  );
  const Widget =
    component === undefined ? registry.pick(field) : field.nullable ? withNullable(component) : component;
  // RJSF removes a key whose value is undefined; null stays null (the unset state).
  const change = useCallback((next: unknown) => onChange(next), [onChange]);
  const blur = useCallback(() => onBlur(id, value), [onBlur, id, value]);
  const rjsfShowsLabel = props.hideLabel !== true;
  const errors = props.hideError === true ? undefined : props.rawErrors?.filter(Boolean);
  const describedBy = [
    rjsfShowsLabel && schema.description ? `${id}__description` : undefined,
    uiSchema?.['ui:help'] ? `${id}__help` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Widget
      field={field}
      id={id}
      value={value}
      onChange={change}
      onBlur={blur}
      label={props.label}
      hideLabel={rjsfShowsLabel}
      hideDescription={rjsfShowsLabel}
      disabled={props.disabled === true}
      readOnly={props.readonly === true}
      {...(errors !== undefined && errors.length > 0
        ? { error: errors.join(' '), errorId: `${id}__error` }
        : {})}
      {...(describedBy !== '' ? { describedBy } : {})}
    />
  );
}
