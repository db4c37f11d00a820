/**
 * A FieldNode for one RJSF field, so our widgets can serve a form that @rjsf/core renders. The field's
 * (already resolved) schema goes through our own buildFieldModel, so kinds, unions with null, x-input
 * and units mean the same as in Formulary's form; RJSF's uiSchema supplies ui:widget and labels.
 * Cached by content: RJSF may hand a fresh but equal schema object on every render.
 */
import { buildFieldModel, type FieldNode } from '../../schemas/index';

/** RJSF widget names mapped onto our registry's names (names we do not know are ignored). */
const RJSF_WIDGET_NAMES: Readonly<Record<string, string>> = {
  select: 'select',
  radio: 'radio',
  checkbox: 'boolean',
  text: 'text',
  updown: 'number',
  'date-time': 'dateTime',
  datetime: 'dateTime',
};
const OUR_NAMES = new Set(['runList', 'numberList', 'binning', 'path', 'json', 'number', 'integer', 'text']);

// Per root schema (its definitions resolve $refs left in a field's schema), then by content.
const caches = new WeakMap<object, Map<string, FieldNode>>();
const NO_ROOT = {};
const CACHE_LIMIT = 5_000;

export interface RjsfFieldInput {
  readonly schema: object;
  readonly name: string;
  readonly required: boolean;
  readonly uiWidget?: unknown;
  readonly enumLabels?: readonly string[];
  /** The form's root schema: its definitions / $defs resolve local $refs inside the field's schema. */
  readonly rootSchema?: object;
  /** The field's JSON Pointer in the form's data, when known; else "/<name>". */
  readonly pointer?: string;
}

/**
 * The FieldNode for an RJSF field; a JSON field when our model cannot read the schema as one field (an
 * object choice, say). O(schema) once per distinct schema.
 */
export function fieldNodeFromRjsf(input: RjsfFieldInput): FieldNode {
  const cacheKey = JSON.stringify([
    input.schema,
    input.name,
    input.required,
    input.uiWidget,
    input.enumLabels,
    input.pointer,
  ]);
  const root = input.rootSchema ?? NO_ROOT;
  let cache = caches.get(root);
  if (cache === undefined) {
    cache = new Map();
    caches.set(root, cache);
  }
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const key = input.name === '' ? 'value' : input.name;
  let field: FieldNode | undefined;
  try {
    const defs = input.rootSchema as
      | { definitions?: unknown; $defs?: unknown; $schema?: unknown }
      | undefined;
    const model = buildFieldModel({
      ...(defs?.$schema !== undefined ? { $schema: defs.$schema } : {}),
      ...(defs?.definitions !== undefined ? { definitions: defs.definitions } : {}),
      ...(defs?.$defs !== undefined ? { $defs: defs.$defs } : {}),
      type: 'object',
      properties: { [key]: input.schema },
      required: input.required ? [key] : [],
    });
    field = model.fields.find((f) => f.key === key && f.pointer === `/${key}`);
  } catch {
    field = undefined;
  }
  field ??= fallbackField(key, input);
  const named =
    typeof input.uiWidget === 'string' ? (RJSF_WIDGET_NAMES[input.uiWidget] ?? input.uiWidget) : undefined;
  const widget =
    named !== undefined && (OUR_NAMES.has(named) || Object.values(RJSF_WIDGET_NAMES).includes(named))
      ? named
      : field.widget;
  field = {
    ...field,
    ...(input.pointer !== undefined ? { pointer: input.pointer } : {}),
    ...(widget !== undefined ? { widget } : {}),
    ...(input.enumLabels !== undefined && field.enumLabels === undefined && field.kind === 'enum'
      ? { enumLabels: input.enumLabels }
      : {}),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, field);
  return field;
}

function fallbackField(key: string, input: RjsfFieldInput): FieldNode {
  return {
    type: 'field',
    pointer: `/${key}`,
    key,
    label: key,
    advanced: false,
    order: 0,
    schemaIndex: 0,
    required: input.required,
    readOnly: false,
    conditionIds: [],
    location: { schemaPointer: `#/properties/${key}` },
    hints: {},
    kind: 'json',
    coercion: 'none',
    nullable: false,
    hasDefault: false,
    ruleIds: [],
  };
}
