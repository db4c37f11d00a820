/**
 * Turns one resolved schema node into a model node: a union with null becomes one nullable field, a
 * union of scalar forms one coerced field, a union of objects a choice, objects groups, arrays lists or
 * list-valued fields. Decides the kind once, here, so widgets never look at the raw schema.
 * Must not throw on odd schemas: what it cannot model becomes a "json" field plus a diagnostic.
 */
import type { ChoiceNode, FieldNode, GroupNode, ListNode, ModelNode, NodeBase } from '../FieldModel';
import { buildChoice } from './buildChoice';
import { buildGroup } from './buildGroup';
import { buildTuple, closedTuple, numericRest } from './buildTuple';
import { fieldFromResolved } from './fieldFromResolved';
import { labelFromKey, labelFromValue } from './labelFromKey';
import type { ModelContext, Mutable, ParentInfo } from './ModelContext';
import { register } from './ModelContext';
import { type RawSchema, type Resolved, resolveSchema, type SchemaPart, typesOf } from './resolveSchema';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The parts of a node every kind shares. */
export function baseOf(
  ctx: ModelContext,
  r: Resolved,
  pointer: string,
  key: string,
  parent: ParentInfo,
): Mutable<NodeBase> {
  const k = r.keywords;
  const hints: Record<string, unknown> = {};
  const options = k['ui:options'];
  if (options && typeof options === 'object') Object.assign(hints, options);
  for (const [name, value] of Object.entries(k))
    if (name.startsWith('x-') || name.startsWith('ui:')) hints[name] = value;
  if (typeof k['ui:help'] === 'string') hints.help = k['ui:help'];
  const label =
    str(k.title) ??
    str(k['ui:title']) ??
    (key === '*' ? parent.label : key === '' ? '' : labelFromKey(key, ctx.acronyms));
  const description = str(k.description) ?? str(k['ui:description']);
  const group = str(k['x-group']);
  return {
    pointer,
    key,
    label,
    ...(description !== undefined ? { description } : {}),
    advanced: parent.advanced || k['x-advanced'] === true,
    order: 0,
    schemaIndex: ctx.schemaIndex++,
    ...(group !== undefined ? { group } : {}),
    required: parent.required,
    readOnly: k.readOnly === true,
    conditionIds: [...parent.conditionIds],
    location: { schemaPointer: r.location },
    hints,
  };
}

/** Records the rule keywords of a node for buildFieldModel to resolve once every pointer exists. */
export function collectRules(ctx: ModelContext, r: Resolved, owner: string): void {
  const messages = r.keywords['x-messages'];
  for (const source of r.rules) {
    ctx.ruleSources.push({
      ...source,
      owner,
      ...(messages && typeof messages === 'object' ? { messages: messages as Record<string, string> } : {}),
    });
  }
}

/** Builds the node for `parts` at `pointer`. Registers it (and its descendants) in ctx. */
export function buildNode(
  ctx: ModelContext,
  parts: readonly SchemaPart[],
  pointer: string,
  key: string,
  parent: ParentInfo,
): ModelNode {
  return classify(ctx, resolveSchema(ctx, parts, parent.chain), pointer, key, parent, false);
}

/** Merges an alternative of a union into the node around it; the outer node's keywords win. */
export function mergeInto(alt: Resolved, outer: Resolved): Resolved {
  const outerKeywords: RawSchema = { ...outer.keywords };
  delete outerKeywords.anyOf;
  delete outerKeywords.oneOf;
  if (alt.keywords.type !== undefined) delete outerKeywords.type;
  const properties = new Map(alt.properties);
  for (const [key, list] of outer.properties) properties.set(key, [...(properties.get(key) ?? []), ...list]);
  const merged: Resolved = {
    keywords: { ...alt.keywords, ...outerKeywords },
    location: outer.location,
    properties,
    required: new Set([...alt.required, ...outer.required]),
    conditionals: [...alt.conditionals, ...outer.conditionals],
    dependencies: [...alt.dependencies, ...outer.dependencies],
    rules: [...alt.rules, ...outer.rules],
    chain: new Set([...outer.chain, ...alt.chain]),
  };
  if (alt.unionLocation) merged.unionLocation = alt.unionLocation;
  if (alt.recursiveRef ?? outer.recursiveRef) merged.recursiveRef = alt.recursiveRef ?? outer.recursiveRef;
  if (alt.opaqueRef ?? outer.opaqueRef) merged.opaqueRef = alt.opaqueRef ?? outer.opaqueRef;
  return merged;
}

function jsonField(
  ctx: ModelContext,
  r: Resolved,
  pointer: string,
  key: string,
  parent: ParentInfo,
  nullable: boolean,
): FieldNode {
  return fieldFromResolved(ctx, r, baseOf(ctx, r, pointer, key, parent), 'json', 'none', nullable);
}

const isNullOnly = (t: Set<string>): boolean => t.size === 1 && t.has('null');
const scalarTypes = new Set(['string', 'number', 'integer', 'boolean']);

/** Chooses the node type for a resolved schema; `nullable` carries a null alternative already removed. */
export function classify(
  ctx: ModelContext,
  r: Resolved,
  pointer: string,
  key: string,
  parent: ParentInfo,
  nullableIn: boolean,
): ModelNode {
  if (r.recursiveRef) {
    ctx.diagnostics.push({
      severity: 'warning',
      rule: 'recursive-ref',
      message: `"${r.recursiveRef}" refers to itself at ${pointer || '/'}; that value is edited as JSON`,
      location: { schemaPointer: r.location },
    });
    collectRules(ctx, r, pointer);
    return jsonField(ctx, r, pointer, key, parent, nullableIn);
  }
  if (r.opaqueRef) {
    ctx.diagnostics.push({
      severity: 'info',
      rule: 'edited-as-json',
      message: `"${r.opaqueRef}" at ${pointer || '/'} is checked exactly when the request is validated, but the form cannot show it as inputs; that value is edited as JSON`,
      location: { schemaPointer: r.location },
    });
    collectRules(ctx, r, pointer);
    return jsonField(ctx, r, pointer, key, parent, nullableIn);
  }
  const union = (r.keywords.oneOf ?? r.keywords.anyOf) as unknown;
  if (Array.isArray(union) && union.length > 0) {
    const combinator: 'oneOf' | 'anyOf' = r.keywords.oneOf !== undefined ? 'oneOf' : 'anyOf';
    const base = r.unionLocation ?? `${r.location}/${combinator}`;
    const alts = union.map((schema, i) =>
      resolveSchema(ctx, [{ schema, location: `${base}/${i}` }], r.chain),
    );
    const typeSets = alts.map(typesOf);
    let nullable = nullableIn || typeSets.some(isNullOnly);
    const real = alts.filter((_, i) => !isNullOnly(typeSets[i]!));
    const realTypes = typeSets.filter((t) => !isNullOnly(t));
    const outerTypes = typesOf({ ...r, keywords: { ...r.keywords, oneOf: undefined, anyOf: undefined } });
    if (outerTypes.has('null')) nullable = true;
    if (real.length === 0) return jsonField(ctx, r, pointer, key, parent, true);
    if (real.length === 1) return classify(ctx, mergeInto(real[0]!, r), pointer, key, parent, nullable);
    // An alternative that names no type (`true`, `{}`) accepts values of every type, so the union
    // does too: it is edited as JSON, not with another alternative's widget, which would refuse what
    // the schema accepts (found by the fuzzer: anyOf [true, {type: string}] became a text field).
    if (real.some((alt, i) => realTypes[i]!.size === 0 && alt.keywords.not === undefined)) {
      collectRules(ctx, r, pointer);
      return jsonField(ctx, r, pointer, key, parent, nullable);
    }
    const constValues = real.map((a) =>
      'const' in a.keywords
        ? [a.keywords.const]
        : Array.isArray(a.keywords.enum)
          ? a.keywords.enum
          : undefined,
    );
    if (constValues.every((v) => v && v.length === 1 && v[0] !== null && typeof v[0] !== 'object')) {
      collectRules(ctx, r, pointer);
      const values = constValues.map((v) => v![0]);
      const labels = real.map((a, i) => str(a.keywords.title) ?? labelFromValue(values[i], ctx.acronyms));
      const field = fieldFromResolved(ctx, r, baseOf(ctx, r, pointer, key, parent), 'enum', 'none', nullable);
      field.enum = values;
      field.enumLabels = labels;
      return field;
    }
    if (realTypes.every((t) => t.size === 1 && t.has('object'))) {
      return buildChoice(ctx, r, real, combinator, pointer, key, parent, nullable) as ChoiceNode;
    }
    const scalarish = realTypes.every((t, i) =>
      [...t].every((x) => scalarTypes.has(x) || isNumberArray(real[i]!, x)),
    );
    if (scalarish) {
      collectRules(ctx, r, pointer);
      return scalarUnionField(ctx, r, real, pointer, key, parent, nullable);
    }
    // Objects and values (a number, a text, a list): a choice whose value branches hold one input.
    if (realTypes.every((t) => !t.has('object') || t.size === 1) && realTypes.some((t) => t.has('object')))
      return buildChoice(ctx, r, real, combinator, pointer, key, parent, nullable) as ChoiceNode;
    collectRules(ctx, r, pointer);
    ctx.diagnostics.push({
      severity: 'info',
      rule: 'unmodelled-union',
      message: `The alternatives at ${pointer || '/'} mix objects and values; that value is edited as JSON`,
      location: { schemaPointer: r.location },
    });
    return jsonField(ctx, r, pointer, key, parent, nullable);
  }

  const types = typesOf(r);
  const nullable =
    nullableIn || types.has('null') || (Array.isArray(r.keywords.enum) && r.keywords.enum.includes(null));
  types.delete('null');
  if (types.has('integer') && types.has('number')) types.delete('integer');
  if (types.size === 1 && types.has('object')) {
    if (r.properties.size === 0 && r.conditionals.length === 0 && r.dependencies.length === 0) {
      collectRules(ctx, r, pointer);
      return jsonField(ctx, r, pointer, key, parent, nullable);
    }
    return buildGroup(ctx, r, pointer, key, parent, nullable) as GroupNode;
  }
  if (types.size === 1 && types.has('array')) return buildArray(ctx, r, pointer, key, parent, nullable);
  // `type: ["object", "number"]`: the same choice as anyOf [{type: object, ...}, {type: number}].
  if (types.size > 1 && types.has('object') && !Array.isArray(r.keywords.enum) && !('const' in r.keywords)) {
    const alts = [...types].map((t) => splitByType(r, t));
    return buildChoice(ctx, r, alts, 'anyOf', pointer, key, parent, nullable) as ChoiceNode;
  }
  collectRules(ctx, r, pointer);
  const base = baseOf(ctx, r, pointer, key, parent);
  const input = r.keywords['x-input'];
  if (Array.isArray(r.keywords.enum)) return fieldFromResolved(ctx, r, base, 'enum', 'none', nullable);
  if ('const' in r.keywords && r.keywords.const !== null && typeof r.keywords.const !== 'object') {
    const field = fieldFromResolved(ctx, r, base, 'enum', 'none', nullable);
    field.enum = [r.keywords.const];
    return field;
  }
  if (types.size === 1 && types.has('string')) {
    if (input === 'run-list')
      return withListAs(fieldFromResolved(ctx, r, base, 'runList', 'runList', nullable), 'text');
    if (input === 'number-list')
      return withListAs(fieldFromResolved(ctx, r, base, 'numberList', 'numberList', nullable), 'text');
    if (input === 'path') return fieldFromResolved(ctx, r, base, 'path', 'none', nullable);
    if (r.keywords.format === 'date-time')
      return fieldFromResolved(ctx, r, base, 'dateTime', 'none', nullable);
    return fieldFromResolved(ctx, r, base, 'string', 'none', nullable);
  }
  if (types.size === 1 && types.has('integer'))
    return fieldFromResolved(ctx, r, base, 'integer', 'none', nullable);
  if (types.size === 1 && types.has('number'))
    return fieldFromResolved(ctx, r, base, 'number', 'none', nullable);
  if (types.size === 1 && types.has('boolean'))
    return fieldFromResolved(ctx, r, base, 'boolean', 'none', nullable);
  if (types.size === 2 && types.has('string') && (types.has('number') || types.has('integer'))) {
    const kind = types.has('integer') ? 'integer' : 'number';
    return fieldFromResolved(ctx, r, base, kind, 'numberFromText', nullable);
  }
  return fieldFromResolved(ctx, r, base, 'json', 'none', nullable);
}

/**
 * One type of a multi-type schema as an alternative of its own: just the type; buildChoice merges the
 * schema's other keywords and properties into each branch (mergeInto), as for anyOf.
 */
function splitByType(r: Resolved, type: string): Resolved {
  return {
    ...r,
    keywords: { type },
    properties: new Map(),
    required: new Set(),
    conditionals: [],
    dependencies: [],
    rules: [],
  };
}

function isNumberArray(r: Resolved, type: string): boolean {
  if (type !== 'array') return false;
  const items = r.keywords.items;
  if (!items || typeof items !== 'object' || Array.isArray(items)) return false;
  const t = (items as RawSchema).type;
  return t === 'number' || t === 'integer';
}

function withListAs(field: Mutable<FieldNode>, listAs: 'text' | 'array'): FieldNode {
  field.listAs = listAs;
  return field;
}

/** number | numeric string (| null): a number typed as text; string | number[]: a number list. */
function scalarUnionField(
  ctx: ModelContext,
  r: Resolved,
  alts: Resolved[],
  pointer: string,
  key: string,
  parent: ParentInfo,
  nullable: boolean,
): FieldNode {
  const types = alts.map(typesOf);
  const numeric = alts.find((_, i) => types[i]!.has('number') || types[i]!.has('integer'));
  const array = alts.find((_, i) => types[i]!.has('array'));
  const text = alts.find((_, i) => types[i]!.has('string'));
  const base = baseOf(ctx, r, pointer, key, parent);
  const input = r.keywords['x-input'];
  if (array) {
    const items = (array.keywords.items ?? {}) as RawSchema;
    const limits = { ...items, minItems: array.keywords.minItems, maxItems: array.keywords.maxItems };
    const kind = input === 'run-list' ? 'runList' : 'numberList';
    const field = fieldFromResolved(ctx, r, base, kind, kind, nullable, limits);
    if (text && typeof text.keywords.pattern === 'string')
      field.hints = { ...field.hints, textPattern: text.keywords.pattern };
    return field;
  }
  if (numeric) {
    const kind = typesOf(numeric).has('integer') && !typesOf(numeric).has('number') ? 'integer' : 'number';
    const field = fieldFromResolved(
      ctx,
      r,
      base,
      kind,
      text ? 'numberFromText' : 'none',
      nullable,
      numeric.keywords,
    );
    if (text && typeof text.keywords.pattern === 'string')
      field.hints = { ...field.hints, textPattern: text.keywords.pattern };
    return field;
  }
  return fieldFromResolved(ctx, r, base, 'string', 'none', nullable, text?.keywords);
}

const binningKey = /binning|bins$/i;

function buildArray(
  ctx: ModelContext,
  r: Resolved,
  pointer: string,
  key: string,
  parent: ParentInfo,
  nullable: boolean,
): ModelNode {
  const k = r.keywords;
  const widget = str(k['x-widget']) ?? str(k['ui:widget']);
  const tuple = Array.isArray(k.prefixItems) ? k.prefixItems : Array.isArray(k.items) ? k.items : undefined;
  if (tuple) {
    collectRules(ctx, r, pointer);
    const base = baseOf(ctx, r, pointer, key, parent);
    const numeric = tuple.every(
      (t) => t && typeof t === 'object' && ['number', 'integer'].includes(String((t as RawSchema).type)),
    );
    if (numeric && tuple.length === 3) return fieldFromResolved(ctx, r, base, 'binning', 'none', nullable);
    // Numbers, then more numbers: one list of numbers. A rest that may hold anything else (or is not
    // given, so holds anything) is not a number list: its widget would refuse what the schema accepts.
    if (numeric && !closedTuple(k, tuple.length) && numericRest(k))
      return withListAs(fieldFromResolved(ctx, r, base, 'numberList', 'numberList', nullable), 'array');
    // One labelled input per position, then (an open tuple) rows of the rest schema.
    return buildTuple(ctx, r, base, tuple, parent, nullable);
  }
  const itemsLocation = `${r.location}/items`;
  const itemR = resolveSchema(ctx, [{ schema: k.items ?? {}, location: itemsLocation }], r.chain);
  const itemTypes = typesOf(itemR);
  itemTypes.delete('null');
  const numericItems = itemTypes.size > 0 && [...itemTypes].every((t) => t === 'number' || t === 'integer');
  if (
    k['x-input'] === 'run-list' ||
    (numericItems && k['x-input'] === undefined) ||
    (numericItems && k['x-input'] === 'number-list')
  ) {
    collectRules(ctx, r, pointer);
    const base = baseOf(ctx, r, pointer, key, parent);
    const limits = { ...itemR.keywords, minItems: k.minItems, maxItems: k.maxItems };
    if (k['x-input'] === 'run-list')
      return withListAs(fieldFromResolved(ctx, r, base, 'runList', 'runList', nullable, limits), 'array');
    const three = k.minItems === 3 && k.maxItems === 3;
    if (widget === 'binning' || (three && binningKey.test(key)))
      return fieldFromResolved(ctx, r, base, 'binning', 'none', nullable, limits);
    return withListAs(fieldFromResolved(ctx, r, base, 'numberList', 'numberList', nullable, limits), 'array');
  }
  if (k.items === undefined) {
    collectRules(ctx, r, pointer);
    return jsonField(ctx, r, pointer, key, parent, nullable);
  }
  collectRules(ctx, r, pointer);
  const base = baseOf(ctx, r, pointer, key, parent);
  const list: Mutable<ListNode> = {
    ...base,
    type: 'list',
    item: undefined as unknown as ModelNode,
    nullable,
    hasDefault: 'default' in k,
    ...('default' in k ? { default: k.default } : {}),
    ...(typeof k.minItems === 'number' ? { minItems: k.minItems } : {}),
    ...(typeof k.maxItems === 'number' ? { maxItems: k.maxItems } : {}),
  };
  register(ctx, list);
  list.item = classify(
    ctx,
    itemR,
    `${pointer}/*`,
    '*',
    {
      ...parent,
      required: true,
      label: str(itemR.keywords.title) ?? base.label,
      advanced: base.advanced,
      chain: itemR.chain,
    },
    false,
  );
  return list;
}
