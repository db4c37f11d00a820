/**
 * oneOf/anyOf of objects becomes a choice with named branches, told apart by a property whose
 * const/enum differs per branch (the discriminator), else by required keys each branch alone has.
 * Branch labels: the branch title, else the discriminator value made readable ("each_scan" -> "Each
 * scan"). Branches we cannot tell apart still become a choice, with an info diagnostic saying so.
 */
import type { ChoiceBranch, ChoiceNode, GroupNode } from '../FieldModel';
import { buildGroup } from './buildGroup';
import { baseOf, collectRules, mergeInto } from './buildNode';
import { labelFromKey, labelFromValue } from './labelFromKey';
import type { ModelContext, Mutable, ParentInfo } from './ModelContext';
import { register } from './ModelContext';
import { type Resolved, resolveSchema } from './resolveSchema';

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
  const discriminator = findDiscriminator(ctx, alts);
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
  if (!discriminator && !byRequired) {
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
        : discriminator
          ? labelFromValue(value, ctx.acronyms)
          : byRequired
            ? labelFromKey(requiredOnlyIn[i]!, ctx.acronyms)
            : `Option ${i + 1}`;
    // The branch group reads the outer node's properties too, but keeps its own title out of the label.
    const outer = { ...r, keywords: { ...r.keywords, title: undefined, description: undefined }, rules: [] };
    // The branch's location is its own alternative: the validator compiles it alone to explain errors.
    const merged = { ...mergeInto(alt, outer), location: alt.location };
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
  if (discriminator && def && typeof def === 'object') {
    const wanted = JSON.stringify((def as Record<string, unknown>)[discriminator.key]);
    const hit = branches.find((b) => JSON.stringify(b.discriminatorValue) === wanted);
    if (hit) choice.defaultBranch = hit.id;
  } else choice.defaultBranch = branches[0]?.id ?? '0';
  if (discriminator && !branches.some((b) => b.id === choice.defaultBranch))
    choice.defaultBranch = branches[0]?.id ?? '0';
  return choice;
}
