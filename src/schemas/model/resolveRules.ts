/**
 * Turns the collected x- rule keywords into Rule objects whose `reads` are absolute pointer templates,
 * and gives every field a rule reads its ruleIds. A bad pointer is a diagnostic naming the schema
 * location; the rule is dropped then (evaluating it would only produce wrong messages).
 */
import type { FieldNode, PointerTemplate, Rule, RuleKind } from '../FieldModel';
import { formularyKeywords, resolveFieldRef } from '../vocabulary';
import type { ModelContext, Mutable } from './ModelContext';

const kindOf = new Map(formularyKeywords.filter((k) => k.rule).map((k) => [k.name, k.rule as RuleKind]));

/** The FieldRefs a rule keyword's value names, in order. */
export function refsOf(kind: RuleKind, value: unknown): string[] {
  if (kind === 'requiredWhen') {
    const list = Array.isArray(value) ? value : [value];
    return list.map((c) =>
      c && typeof c === 'object' ? String((c as Record<string, unknown>).pointer) : String(c),
    );
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Builds ctx's rules; O(rules x pointers read). */
export function resolveRules(ctx: ModelContext): Rule[] {
  const rules: Rule[] = [];
  const ids = new Set<string>();
  const fieldsAt = new Map<PointerTemplate, FieldNode[]>();
  for (const field of ctx.fields) {
    const list = fieldsAt.get(field.pointer);
    if (list) list.push(field);
    else fieldsAt.set(field.pointer, [field]);
  }
  for (const source of ctx.ruleSources) {
    const kind = kindOf.get(source.keyword);
    if (!kind) continue;
    let targets: PointerTemplate[];
    try {
      targets = refsOf(kind, source.value).map((ref) => resolveFieldRef(source.owner, ref));
    } catch (error) {
      ctx.diagnostics.push({
        severity: 'error',
        rule: 'bad-rule-pointer',
        message: `${source.keyword} at ${source.owner || '/'}: ${(error as Error).message}`,
        location: { schemaPointer: source.location },
      });
      continue;
    }
    for (const target of targets) {
      if (!ctx.byPointer.has(target)) {
        ctx.diagnostics.push({
          severity: 'warning',
          rule: 'rule-target-missing',
          message: `${source.keyword} at ${source.owner || '/'} names ${target}, which is not a field of this schema`,
          location: { schemaPointer: source.location },
        });
      }
    }
    let id = `${kind}:${source.owner}`;
    for (let n = 2; ids.has(id); n++) id = `${kind}:${source.owner}#${n}`;
    ids.add(id);
    const reads = [...new Set([source.owner, ...targets])];
    const message = source.messages?.[kind];
    rules.push({
      id,
      kind,
      owner: source.owner,
      reads,
      params: source.value,
      ...(message !== undefined ? { message } : {}),
      location: { schemaPointer: source.location },
    });
    for (const pointer of reads) {
      for (const field of fieldsAt.get(pointer) ?? []) {
        if (!field.ruleIds.includes(id)) (field as Mutable<FieldNode>).ruleIds = [...field.ruleIds, id];
      }
    }
  }
  return rules;
}
