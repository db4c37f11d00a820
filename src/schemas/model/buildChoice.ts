/**
 * oneOf/anyOf of objects becomes a choice with named branches, told apart by a property whose
 * const/enum differs per branch (the discriminator), else by required keys each branch alone has.
 * Branch labels: the branch title, else the discriminator value made readable ("each_scan" -> "Each
 * scan"). Branches we cannot tell apart still become a choice, with an info diagnostic saying so.
 * A branch that is a value, not an object (oneOf of an object and a number), is a group wrapping one
 * node at the choice's own pointer (isValueBranch): told apart from the objects by its type.
 */
import type { ChoiceBranch, ChoiceNode, GroupNode } from '../FieldModel';
import { say } from '../i18n/activeLocale';
import { isPlainObject } from '../jsonEquals';
import { buildGroup } from './buildGroup';
import { baseOf, classify, collectRules, mergeInto } from './buildNode';
import { labelFromKey, labelFromValue } from './labelFromKey';
import type { ModelContext, Mutable, ParentInfo } from './ModelContext';
import { register } from './ModelContext';
import { type Resolved, resolveSchema, typesOf } from './resolveSchema';
import { selectBranch } from './selectBranch';

/** True for an alternative whose value is an object (the others are value branches). */
function isObjectAlt(alt: Resolved): boolean {
  const types = typesOf(alt);
  types.delete('null');
  return types.size === 1 && types.has('object');
}

/** A value branch's label when its schema has no title: what kind of value it takes. */
function valueLabel(alt: Resolved): string {
  if ('const' in alt.keywords || Array.isArray(alt.keywords.enum)) return say('union.branch.values');
  const types = typesOf(alt);
  if (types.has('number') || types.has('integer')) return say('union.branch.number');
  if (types.has('string')) return say('union.branch.text');
  if (types.has('boolean')) return say('union.branch.boolean');
  if (types.has('array')) return say('union.branch.list');
  return say('union.branch.value');
}

function singleValue(r: Resolved): { value: unknown } | undefined {
  if ('const' in r.keywords) return { value: r.keywords.const };
  const e = r.keywords.enum;
  if (Array.isArray(e) && e.length === 1) return { value: e[0] };
  return undefined;
}

/** The property whose single allowed value differs in every branch, with those values. */
function findDiscriminator(
  ctx: ModelContext,
  alts: Resolved[],
): { key: string; values: unknown[] } | undefined {
  const first = alts[0];
  if (!first) return undefined;
  for (const key of first.properties.keys()) {
    const values: unknown[] = [];
    for (const alt of alts) {
      const parts = alt.properties.get(key);
      if (!parts) break;
      const v = singleValue(resolveSchema({ root: ctx.root, diagnostics: [] }, parts, alt.chain));
      if (!v) break;
      values.push(v.value);
    }
    if (
      values.length === alts.length &&
      new Set(values.map((v) => JSON.stringify(v))).size === values.length
    ) {
      return { key, values };
    }
  }
  return undefined;
}

/** Builds and registers a choice node; its branches are groups at the same pointer. */
export function buildChoice(
  ctx: ModelContext,
  r: Resolved,
  alts: Resolved[],
  combinator: 'oneOf' | 'anyOf',
  pointer: string,
  key: string,
  parent: ParentInfo,
  nullable: boolean,
): ChoiceNode {
  collectRules(ctx, r, pointer);
  const base = baseOf(ctx, r, pointer, key, parent);
  // Objects mixed with values are told apart by type: no discriminator, no diagnostic.
  const mixed = !alts.every(isObjectAlt);
  const discriminator = mixed ? undefined : findDiscriminator(ctx, alts);
  const choice: Mutable<ChoiceNode> = {
    ...base,
    type: 'choice',
    combinator,
    ...(discriminator ? { discriminator: discriminator.key } : {}),
    branches: [],
    defaultBranch: '0',
    nullable,
  };
  register(ctx, choice);
  const requiredOnlyIn = alts.map((alt, i) =>
    [...alt.required].find((k) => alts.every((other, j) => j === i || !other.required.has(k))),
  );
  const byRequired = !discriminator && requiredOnlyIn.every((k) => k !== undefined);
  if (!discriminator && !byRequired && !mixed) {
    ctx.diagnostics.push({
      severity: 'info',
      rule: 'ambiguous-choice',
      message: `The ${combinator} branches at ${pointer || '/'} have no property that tells them apart; add a const "kind" property`,
      location: { schemaPointer: r.unionLocation ?? r.location },
    });
  }
  const branches: ChoiceBranch[] = alts.map((alt, i) => {
    const title = alt.keywords.title;
    const value = discriminator?.values[i];
    const id =
      discriminator && (typeof value === 'string' || typeof value === 'number') ? String(value) : String(i);
    const label =
      typeof title === 'string'
        ? title
        : !isObjectAlt(alt)
          ? valueLabel(alt)
          : mixed && alts.filter(isObjectAlt).length === 1
            ? say('union.branch.fields')
            : discriminator
              ? labelFromValue(value, ctx.acronyms)
              : byRequired
                ? labelFromKey(requiredOnlyIn[i]!, ctx.acronyms)
                : `Option ${i + 1}`;
    // The branch group reads the outer node's properties too, but keeps its own title out of the label.
    const outer = { ...r, keywords: { ...r.keywords, title: undefined, description: undefined }, rules: [] };
    // The branch's location is its own alternative: the validator compiles it alone to explain errors.
    const merged = { ...mergeInto(alt, outer), location: alt.location };
    if (!isObjectAlt(alt)) {
      // An object default belongs to the object branches, not to this input.
      if (isPlainObject(merged.keywords.default))
        merged.keywords = { ...merged.keywords, default: undefined };
      return { id, label, node: valueBranch(ctx, merged, pointer, key, parent, base.label || label) };
    }
    const node = buildGroup(
      ctx,
      merged,
      pointer,
      key,
      { ...parent, chain: merged.chain },
      false,
    ) as GroupNode;
    return { id, label, node, ...(discriminator ? { discriminatorValue: value } : {}) };
  });
  choice.branches = branches;
  const def = r.keywords.default;
  if (mixed && def !== undefined) {
    choice.defaultBranch = selectBranch(choice, def);
  } else if (discriminator && def && typeof def === 'object') {
    const wanted = JSON.stringify((def as Record<string, unknown>)[discriminator.key]);
    const hit = branches.find((b) => JSON.stringify(b.discriminatorValue) === wanted);
    if (hit) choice.defaultBranch = hit.id;
  } else choice.defaultBranch = branches[0]?.id ?? '0';
  if (discriminator && !branches.some((b) => b.id === choice.defaultBranch))
    choice.defaultBranch = branches[0]?.id ?? '0';
  return choice;
}

/**
 * A branch that is a value: a group at the choice's pointer whose one child, at the same pointer, is
 * the input (a field, a list, a fixed-position list), labelled with the choice's own label (the radio
 * buttons carry the branch labels).
 */
function valueBranch(
  ctx: ModelContext,
  merged: Resolved,
  pointer: string,
  key: string,
  parent: ParentInfo,
  label: string,
): GroupNode {
  const input = classify(ctx, merged, pointer, key, { ...parent, chain: merged.chain }, false);
  (input as Mutable<typeof input>).label = label;
  const group: Mutable<GroupNode> = {
    pointer,
    key,
    label,
    advanced: input.advanced,
    order: 0,
    schemaIndex: input.schemaIndex,
    required: parent.required,
    readOnly: input.readOnly,
    conditionIds: [...parent.conditionIds],
    location: input.location,
    hints: {},
    type: 'group',
    children: [input],
    nullable: false,
  };
  return group;
}
