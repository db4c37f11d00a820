/**
 * Fixed-position lists (draft-07 `items: [...]` + `additionalItems`, 2020-12 `prefixItems` + `items`)
 * as a group of positions, one labelled input each, and, when the schema allows items past them (an
 * open tuple), a list of the rest items edited row by row with the rest schema's widgets. Lives apart
 * from buildNode so that the one place deciding what a tuple's rest is stays small.
 */
import type { GroupNode, ListNode, ModelNode, NodeBase } from '../FieldModel';
import { buildNode, classify } from './buildNode';
import type { ModelContext, Mutable, ParentInfo } from './ModelContext';
import { register } from './ModelContext';
import { type RawSchema, type Resolved, resolveSchema } from './resolveSchema';

/** The keyword holding the schema of the items after the positions, by the keyword of the positions. */
function restKeyword(k: RawSchema): 'items' | 'additionalItems' {
  return Array.isArray(k.prefixItems) ? 'items' : 'additionalItems';
}

/** True when the items after a tuple's positions must be numbers (`items` / `additionalItems`). */
export function numericRest(k: RawSchema): boolean {
  const rest = k[restKeyword(k)];
  return (
    rest !== null &&
    typeof rest === 'object' &&
    !Array.isArray(rest) &&
    ['number', 'integer'].includes(String((rest as RawSchema).type))
  );
}

/** True when a tuple allows nothing past its positions (so one input per position holds all of it). */
export function closedTuple(k: RawSchema, positions: number): boolean {
  const rest = k[restKeyword(k)];
  const notSchema = rest && typeof rest === 'object' ? (rest as RawSchema).not : undefined;
  const restClosed =
    rest === false ||
    (typeof notSchema === 'object' && notSchema !== null && Object.keys(notSchema).length === 0);
  return restClosed || (typeof k.maxItems === 'number' && k.maxItems <= positions);
}

/**
 * A fixed-position list as a group of its positions ("0", "1", ...), each a labelled input of its own
 * kind: its title, else "<list label> <n>". A position is required when minItems reaches it. An open
 * tuple also gets `rest`: a list at the tuple's own pointer whose rows are the items after the
 * positions (firstIndex = the number of positions), each of the rest schema (`true` or absent: any
 * JSON, one JSON input a row), with minItems/maxItems counted over the whole array less the positions.
 */
export function buildTuple(
  ctx: ModelContext,
  r: Resolved,
  base: Mutable<NodeBase>,
  tuple: readonly unknown[],
  parent: ParentInfo,
  nullable: boolean,
): GroupNode {
  const { pointer } = base;
  const k = r.keywords;
  const tupleKeyword = Array.isArray(k.prefixItems) ? 'prefixItems' : 'items';
  const minItems = typeof k.minItems === 'number' ? k.minItems : 0;
  const group: Mutable<GroupNode> = {
    ...base,
    type: 'group',
    children: [],
    nullable,
    tuple: true,
    ...('default' in k ? { hasDefault: true, default: k.default } : {}),
  };
  register(ctx, group);
  group.children = tuple.map((schema, i) => {
    const child = buildNode(
      ctx,
      [{ schema, location: `${r.location}/${tupleKeyword}/${i}` }],
      `${pointer}/${i}`,
      String(i),
      { ...parent, required: i < minItems, label: base.label, advanced: base.advanced, chain: r.chain },
    );
    const mutable = child as Mutable<ModelNode>;
    if (!(schema && typeof schema === 'object' && typeof (schema as RawSchema).title === 'string'))
      mutable.label = `${base.label} ${i + 1}`;
    mutable.order = i;
    return child;
  });
  if (!closedTuple(k, tuple.length)) group.rest = buildRest(ctx, r, base, tuple.length, parent);
  return group;
}

/** The list of items after `positions` fixed ones, at the tuple's pointer. Not registered: the group is. */
function buildRest(
  ctx: ModelContext,
  r: Resolved,
  base: Mutable<NodeBase>,
  positions: number,
  parent: ParentInfo,
): ListNode {
  const k = r.keywords;
  const keyword = restKeyword(k);
  const given = k[keyword];
  // Absent or `true`: any JSON (an empty schema, one JSON input per row).
  const schema = given === undefined || given === true ? {} : given;
  const location = `${r.location}/${keyword}`;
  const itemR = resolveSchema(ctx, [{ schema, location }], r.chain);
  const title = typeof itemR.keywords.title === 'string' ? itemR.keywords.title : undefined;
  const label = title ?? base.label;
  const rest: Mutable<ListNode> = {
    ...base,
    label,
    description: undefined,
    schemaIndex: ctx.schemaIndex++,
    location: { schemaPointer: location },
    hints: {},
    type: 'list',
    item: undefined as unknown as ModelNode,
    nullable: false,
    hasDefault: false,
    firstIndex: positions,
    ...(typeof k.minItems === 'number' && k.minItems > positions ? { minItems: k.minItems - positions } : {}),
    ...(typeof k.maxItems === 'number' ? { maxItems: k.maxItems - positions } : {}),
  };
  delete rest.description;
  rest.item = classify(
    ctx,
    itemR,
    `${base.pointer}/*`,
    '*',
    { ...parent, required: true, label, advanced: base.advanced, chain: itemR.chain },
    false,
  );
  return rest;
}
