/**
 * Makes a FieldNode from a resolved schema and a chosen kind: copies limits, enum, default, units and
 * widget hints, and registers the field. The kind is decided by the caller (buildNode); this file only
 * reads keywords. For list kinds (runList, numberList, binning) minimum/maximum are per element.
 */
import type { Coercion, FieldNode, NodeBase, ValueKind } from '../FieldModel';
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
    ...base,
    type: 'field',
    kind,
    coercion,
    nullable,
    hasDefault: false,
    ruleIds: [],
  };
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
  const set = <K extends keyof FieldNode>(name: K, value: FieldNode[K] | undefined): void => {
    if (value !== undefined) field[name] = value as Mutable<FieldNode>[K];
  };
  set('minimum', num(limits.minimum));
  set('maximum', num(limits.maximum));
  set('exclusiveMinimum', num(limits.exclusiveMinimum));
  set('exclusiveMaximum', num(limits.exclusiveMaximum));
  set('multipleOf', num(limits.multipleOf));
  set('minLength', num(k.minLength));
  set('maxLength', num(k.maxLength));
  set('pattern', str(k.pattern));
  set('format', str(k.format));
  set('minItems', num(limits.minItems) ?? num(k.minItems));
  set('maxItems', num(limits.maxItems) ?? num(k.maxItems));
  set('units', str(k['x-units']));
  set('widget', str(k['x-widget']) ?? str(k['ui:widget']));
  set('placeholder', str(k['x-placeholder']) ?? str(k['ui:placeholder']));
  register(ctx, field);
  ctx.fields.push(field);
  return field;
}
