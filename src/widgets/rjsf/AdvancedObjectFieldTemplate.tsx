/**
 * RJSF ObjectFieldTemplate that keeps an object's everyday properties in view and moves the ones marked
 * `x-advanced` into a collapsed <details> "Advanced" section at the end, so an RJSF form of a Formulary
 * schema opens as short as ours. Otherwise it renders what RJSF's own template renders.
 */
import {
  buttonId,
  canExpand,
  descriptionId,
  findSchemaDefinition,
  getTemplate,
  getUiOptions,
  type ObjectFieldTemplateProps,
  type RJSFSchema,
  titleId,
} from '@rjsf/utils';
import type { ReactNode } from 'react';

/** Whether a property's schema (following a local $ref) says x-advanced. */
export function isAdvancedProperty(
  schema: RJSFSchema,
  name: string,
  rootSchema: RJSFSchema | undefined,
): boolean {
  let property = schema.properties?.[name];
  if (typeof property !== 'object' || property === null) return false;
  if ((property as Record<string, unknown>)['x-advanced'] === true) return true;
  if (typeof property.$ref === 'string' && property.$ref.startsWith('#')) {
    try {
      property = findSchemaDefinition(property.$ref, rootSchema ?? {});
    } catch {
      return false;
    }
    return (property as Record<string, unknown>)['x-advanced'] === true;
  }
  return false;
}

/** The object template with an "Advanced" section. */
export function AdvancedObjectFieldTemplate(props: ObjectFieldTemplateProps): ReactNode {
  const { description, disabled, formData, fieldPathId, onAddProperty, properties, readonly, registry } =
    props;
  const { required, schema, title, uiSchema, optionalDataControl, className } = props;
  const options = getUiOptions(uiSchema);
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, options);
  const DescriptionFieldTemplate = getTemplate('DescriptionFieldTemplate', registry, options);
  if ((schema.oneOf || schema.anyOf) && !schema.properties && properties.length === 0) return null;
  const { AddButton } = registry.templates.ButtonTemplates;
  const rootSchema = registry.rootSchema;
  const everyday = properties.filter((p) => !isAdvancedProperty(schema, p.name, rootSchema));
  const advanced = properties.filter((p) => isAdvancedProperty(schema, p.name, rootSchema));
  const visibleAdvanced = advanced.filter((p) => !p.hidden).length;
  const showControlInTitle = !readonly && !disabled;
  return (
    <fieldset className={className} id={fieldPathId.$id}>
      {title && (
        <TitleFieldTemplate
          id={titleId(fieldPathId)}
          title={title}
          required={required}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
          optionalDataControl={showControlInTitle ? optionalDataControl : undefined}
        />
      )}
      {description && (
        <DescriptionFieldTemplate
          id={descriptionId(fieldPathId)}
          description={description}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
      {!showControlInTitle ? optionalDataControl : undefined}
      {everyday.map((p) => p.content)}
      {advanced.length > 0 && (
        <details className="formulary-advanced" data-advanced-count={visibleAdvanced}>
          <summary>Advanced ({visibleAdvanced})</summary>
          {advanced.map((p) => p.content)}
        </details>
      )}
      {canExpand(schema, uiSchema, formData) && (
        <AddButton
          id={buttonId(fieldPathId, 'add')}
          className="rjsf-object-property-expand"
          onClick={onAddProperty}
          disabled={disabled || readonly}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
    </fieldset>
  );
}
