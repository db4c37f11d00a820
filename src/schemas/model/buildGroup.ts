/**
 * Builds a group (an object): its properties, then the fields that only if/then/else or
 * dependencies/dependentSchemas bring in (they join this group, carrying the condition's id), then the
 * display order (ui:order, x-order, schema order). Conditions are recorded, not evaluated: evaluation
 * belongs to the validator module, which the form and the CLI share.
 */
import type { Condition, GroupNode, ModelNode } from '../FieldModel';
import { childPointer } from '../pointer';
import { baseOf, buildNode, collectRules } from './buildNode';
import type { ModelContext, Mutable, ParentInfo } from './ModelContext';
import { register } from './ModelContext';
import {
  type Conditional,
  type Dependency,
  type RawSchema,
  type Resolved,
  resolveSchema,
} from './resolveSchema';

interface Scope {
  readonly pointer: string;
  readonly existing: Set<string>;
  /** Keys a then/else/dependent side brought in, with the sides that show them. */
  readonly bySide: Map<string, readonly Side[]>;
  readonly children: ModelNode[];
  readonly parent: ParentInfo;
}

interface Side {
  readonly id: string;
  readonly when: boolean;
}

/** Builds the group for an object schema and registers it. O(properties + conditional properties). */
export function buildGroup(
  ctx: ModelContext,
  r: Resolved,
  pointer: string,
  key: string,
  parent: ParentInfo,
  nullable: boolean,
): GroupNode {
  collectRules(ctx, r, pointer);
  const base = baseOf(ctx, r, pointer, key, parent);
  const group: Mutable<GroupNode> = { ...base, type: 'group', children: [], nullable };
  if ('default' in r.keywords && r.keywords.default !== undefined) {
    group.hasDefault = true;
    group.default = r.keywords.default;
  }
  register(ctx, group);
  const scope: Scope = {
    pointer,
    existing: new Set(r.properties.keys()),
    bySide: new Map(),
    children: [],
    parent: {
      advanced: base.advanced,
      required: false,
      label: base.label,
      conditionIds: base.conditionIds,
      chain: r.chain,
    },
  };
  for (const [childKey, parts] of r.properties) {
    scope.children.push(
      buildNode(ctx, parts, childPointer(pointer, childKey), childKey, {
        ...scope.parent,
        required: r.required.has(childKey),
      }),
    );
  }
  for (const conditional of r.conditionals) addConditional(ctx, scope, conditional, [], r.chain);
  for (const dependency of r.dependencies) addDependency(ctx, scope, dependency, [], r.chain);
  group.children = ordered(scope.children, r.keywords['ui:order']);
  return group;
}

function newCondition(ctx: ModelContext, condition: Omit<Condition, 'id'>): Mutable<Condition> {
  const made = { id: `c${ctx.conditions.length}`, ...condition } as Mutable<Condition>;
  ctx.conditions.push(made);
  return made;
}

/** Adds the properties a then/else/dependent schema brings in, and what it requires. */
function addSide(
  ctx: ModelContext,
  scope: Scope,
  part: { schema: unknown; location: string },
  sides: Side[],
  chain: ReadonlySet<string>,
  required: string[],
): void {
  const r = resolveSchema(ctx, [part], chain);
  collectRules(ctx, r, scope.pointer);
  for (const key of r.required) required.push(childPointer(scope.pointer, key));
  for (const [key, parts] of r.properties) {
    const pointer = childPointer(scope.pointer, key);
    if (scope.existing.has(key)) {
      // A narrowing of a field the group already has: ajv checks it. When then and else both bring
      // the key in, the field shows on either side: it leaves that condition's lists.
      const first = scope.bySide.get(key);
      if (first && oppositeLast(first, sides)) {
        const list = shownBy(ctx, first[first.length - 1] as Side);
        const at = list.indexOf(pointer);
        if (at >= 0) list.splice(at, 1);
        scope.bySide.set(key, first.slice(0, -1));
      }
      continue;
    }
    scope.existing.add(key);
    scope.bySide.set(key, sides);
    for (const side of sides) shownBy(ctx, side).push(pointer);
    const conditionIds = [...scope.parent.conditionIds, ...sides.map((s) => s.id)];
    scope.children.push(
      buildNode(ctx, parts, pointer, key, {
        ...scope.parent,
        required: r.required.has(key),
        conditionIds,
        chain: r.chain,
      }),
    );
  }
  for (const nested of r.conditionals) addConditional(ctx, scope, nested, sides, r.chain);
  for (const nested of r.dependencies) addDependency(ctx, scope, nested, sides, r.chain);
}

/** The pointers a side of a condition shows (its whenTrue or whenFalse list), to add to or take from. */
function shownBy(ctx: ModelContext, side: Side): string[] {
  const condition = ctx.conditions.find((c) => c.id === side.id)!;
  return (side.when ? condition.whenTrue : condition.whenFalse) as string[];
}

/** Whether two side lists differ only in the last side's `when` (then against else of one `if`). */
function oppositeLast(a: readonly Side[], b: readonly Side[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  for (let i = 0; i < a.length - 1; i++) {
    if (a[i]?.id !== b[i]?.id || a[i]?.when !== b[i]?.when) return false;
  }
  const x = a[a.length - 1] as Side;
  const y = b[b.length - 1] as Side;
  return x.id === y.id && x.when !== y.when;
}

function addConditional(
  ctx: ModelContext,
  scope: Scope,
  conditional: Conditional,
  outer: Side[],
  chain: ReadonlySet<string>,
): void {
  const test =
    conditional.test && typeof conditional.test === 'object' ? (conditional.test as RawSchema) : {};
  const readKeys = new Set<string>([
    ...Object.keys((test.properties as RawSchema | undefined) ?? {}),
    ...(Array.isArray(test.required) ? test.required.map(String) : []),
  ]);
  const requiresTrue: string[] = [];
  const requiresFalse: string[] = [];
  const condition = newCondition(ctx, {
    kind: 'ifThenElse',
    reads: [...readKeys].map((k) => childPointer(scope.pointer, k)),
    whenTrue: [],
    whenFalse: [],
    test: conditional.test,
    scope: scope.pointer,
    location: { schemaPointer: conditional.location },
    requires: { whenTrue: requiresTrue, whenFalse: requiresFalse },
  });
  if (conditional.whenTrue)
    addSide(
      ctx,
      scope,
      conditional.whenTrue,
      [...outer, { id: condition.id, when: true }],
      chain,
      requiresTrue,
    );
  if (conditional.whenFalse)
    addSide(
      ctx,
      scope,
      conditional.whenFalse,
      [...outer, { id: condition.id, when: false }],
      chain,
      requiresFalse,
    );
}

function addDependency(
  ctx: ModelContext,
  scope: Scope,
  dependency: Dependency,
  outer: Side[],
  chain: ReadonlySet<string>,
): void {
  const requiresTrue = dependency.required.map((k) => childPointer(scope.pointer, k));
  const condition = newCondition(ctx, {
    kind: 'dependency',
    reads: [childPointer(scope.pointer, dependency.key)],
    whenTrue: [],
    whenFalse: [],
    test: dependency.key,
    scope: scope.pointer,
    location: { schemaPointer: dependency.location },
    requires: { whenTrue: requiresTrue, whenFalse: [] },
  });
  if (dependency.schema) {
    const extra: string[] = [];
    addSide(ctx, scope, dependency.schema, [...outer, { id: condition.id, when: true }], chain, extra);
    for (const p of extra) if (!requiresTrue.includes(p)) requiresTrue.push(p);
  }
}

/**
 * Display order: ui:order of the parent first (its "*" stands for the rest), then x-order (missing
 * counts as 0), then schema order. Stable. Sets each child's `order`.
 */
function ordered(children: ModelNode[], uiOrder: unknown): ModelNode[] {
  const names = Array.isArray(uiOrder) ? uiOrder.map(String) : [];
  const star = names.indexOf('*');
  const rank = (node: ModelNode): number => {
    const i = names.indexOf(node.key);
    return i >= 0 ? i : star >= 0 ? star : names.length;
  };
  const xOrder = (node: ModelNode): number => {
    const v = node.hints['x-order'];
    return typeof v === 'number' ? v : 0;
  };
  const sorted = [...children].sort(
    (a, b) => rank(a) - rank(b) || xOrder(a) - xOrder(b) || a.schemaIndex - b.schemaIndex,
  );
  sorted.forEach((node, i) => {
    (node as Mutable<ModelNode>).order = i;
  });
  return sorted;
}
