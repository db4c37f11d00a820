/**
 * Makes a FieldNode from a resolved schema and a chosen kind: copies limits, enum, default, units and
 * widget hints, and registers the field. The kind is decided by the caller (buildNode); this file only
 * reads keywords. For list kinds (runList, numberList, binning) minimum/maximum are per element.
 */
import type { Coercion, FieldNode, NodeBase, ValueKind } from '../FieldModel';
import { isDangerousPattern } from '../validate/safePattern';
import type { ModelContext, Mutable } from './ModelContext';
import { register } from './ModelContext';
import type { RawSchema, Resolved } from './resolveSchema';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Builds and registers a field. `limits` supplies numeric/length limits when they live elsewhere than
 * on the node itself (the numeric branch of a union, the items of a number list).
 */
export function fieldFromResolved(
  ctx: ModelContext,
  r: Resolved,
  base: Mutable<NodeBase>,
  kind: ValueKind,
  coercion: Coercion,
  nullable: boolean,
  limits: RawSchema = r.keywords,
): Mutable<FieldNode> {
  const k = r.keywords;
  const field: Mutable<FieldNode> = {
    pointer: base.pointer,
    key: base.key,
    label: base.label,
    advanced: base.advanced,
    order: base.order,
    schemaIndex: base.schemaIndex,
    required: base.required,
    readOnly: base.readOnly,
    conditionIds: base.conditionIds,
    location: base.location,
    hints: base.hints,
    type: 'field',
    kind,
    coercion,
    nullable,
    hasDefault: false,
    ruleIds: [],
  };
  if (base.description !== undefined) field.description = base.description;
  if (base.group !== undefined) field.group = base.group;
  if ('default' in k) {
    field.hasDefault = true;
    field.default = k.default;
  } else if ('const' in k) {
    field.hasDefault = true;
    field.default = k.const;
  }
  if (Array.isArray(k.enum)) {
    field.enum = k.enum.filter((v) => v !== null);
    if (Array.isArray(k.enumNames)) field.enumLabels = k.enumNames.map(String);
  }
  const minimum = num(limits.minimum);
  if (minimum !== undefined) field.minimum = minimum;
  const maximum = num(limits.maximum);
  if (maximum !== undefined) field.maximum = maximum;
  const exclusiveMinimum = num(limits.exclusiveMinimum);
  if (exclusiveMinimum !== undefined) field.exclusiveMinimum = exclusiveMinimum;
  const exclusiveMaximum = num(limits.exclusiveMaximum);
  if (exclusiveMaximum !== undefined) field.exclusiveMaximum = exclusiveMaximum;
  const multipleOf = num(limits.multipleOf);
  if (multipleOf !== undefined) field.multipleOf = multipleOf;
  const minLength = num(k.minLength);
  if (minLength !== undefined) field.minLength = minLength;
  const maxLength = num(k.maxLength);
  if (maxLength !== undefined) field.maxLength = maxLength;
  const pattern = str(k.pattern);
  if (pattern !== undefined) {
    field.pattern = pattern;
    if (isDangerousPattern(pattern)) {
      ctx.diagnostics.push({
        severity: 'warning',
        rule: 'unsafe-pattern',
        message: `The pattern of ${base.pointer || '/'} can backtrack catastrophically; it is not checked while validating (rewrite it without a repeated group that itself repeats)`,
        location: { schemaPointer: r.location },
      });
    }
  }
  const format = str(k.format);
  if (format !== undefined) field.format = format;
  const minItems = num(limits.minItems) ?? num(k.minItems);
  if (minItems !== undefined) field.minItems = minItems;
  const maxItems = num(limits.maxItems) ?? num(k.maxItems);
  if (maxItems !== undefined) field.maxItems = maxItems;
  const units = str(k['x-units']);
  if (units !== undefined) field.units = units;
  const widget = str(k['x-widget']) ?? str(k['ui:widget']);
  if (widget !== undefined) field.widget = widget;
  const placeholder = str(k['x-placeholder']) ?? str(k['ui:placeholder']);
  if (placeholder !== undefined) field.placeholder = placeholder;
  register(ctx, field);
  ctx.fields.push(field);
  return field;
}
