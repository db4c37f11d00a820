/**
 * Rule rule-target: a cross-field rule (x-lessThan, x-requires, x-atMostOneTrue, x-sameLength,
 * x-requiredWhen) must name fields that exist, of a type the rule can compare: numbers for lessThan,
 * booleans for atMostOneTrue, lists for sameLength, and a value the field can take for requiredWhen.
 * Otherwise the rule silently never fires, which is worse than no rule.
 */
import type { FieldModel, ModelNode, Rule } from '../../FieldModel';
import { say } from '../../i18n/index';
import { resolveFieldRef, ruleKeywordOf } from '../../vocabulary';
import { checkFieldValue } from '../checkFieldValue';
import type { LintRule, RuleFinding } from '../LintDiagnostic';
import { suggestKeyword } from '../suggestKeyword';

const numericKinds = new Set(['number', 'integer', 'numberList', 'binning', 'dateTime']);
const listKinds = new Set(['numberList', 'runList', 'binning']);

type Need = 'any' | 'number' | 'boolean' | 'list';

function fits(node: ModelNode, need: Need): boolean {
  if (need === 'any') return true;
  if (node.type === 'list') return need === 'list';
  if (node.type !== 'field') return false;
  if (need === 'number') return numericKinds.has(node.kind);
  if (need === 'boolean') return node.kind === 'boolean';
  return listKinds.has(node.kind);
}

/** The refs a rule names, each with what its target must be. */
function namedRefs(rule: Rule): { ref: string; need: Need; values?: unknown[] }[] {
  const asList = (p: unknown) =>
    (Array.isArray(p) ? p : [p]).filter((r): r is string => typeof r === 'string');
  switch (rule.kind) {
    case 'lessThan':
      return asList(rule.params).map((ref) => ({ ref, need: 'number' }));
    case 'requires':
      return asList(rule.params).map((ref) => ({ ref, need: 'any' }));
    case 'atMostOneTrue':
      return asList(rule.params).map((ref) => ({ ref, need: 'boolean' }));
    case 'sameLength':
      return asList(rule.params).map((ref) => ({ ref, need: 'list' }));
    case 'requiredWhen': {
      const conditions = (Array.isArray(rule.params) ? rule.params : [rule.params]) as Record<
        string,
        unknown
      >[];
      return conditions
        .filter((c) => c && typeof c.pointer === 'string')
        .map((c) => ({
          ref: c.pointer as string,
          need: 'any' as Need,
          values: Object.hasOwn(c, 'equals') ? [c.equals] : Array.isArray(c.in) ? c.in : undefined,
        }));
    }
  }
}

function checkRule(model: FieldModel, rule: Rule, findings: RuleFinding[]): void {
  const keyword = ruleKeywordOf[rule.kind];
  const at = `${rule.location.schemaPointer}/${keyword}`;
  const owner = model.byPointer.get(rule.owner);
  if (rule.kind === 'lessThan' && owner && !fits(owner, 'number')) {
    findings.push({
      schemaPointer: at,
      message: say('linter.ruleOwnerNotNumber', { keyword, owner: rule.owner }),
    });
  }
  for (const { ref, need, values } of namedRefs(rule)) {
    let target: string;
    try {
      target = resolveFieldRef(rule.owner, ref);
    } catch (error) {
      findings.push({
        schemaPointer: at,
        message: say('linter.ruleRefBroken', { keyword, ref, why: (error as Error).message }),
      });
      continue;
    }
    const node = model.byPointer.get(target);
    if (!node) {
      const near = suggestKeyword(target, model.byPointer.keys());
      findings.push({
        schemaPointer: at,
        message: near
          ? say('linter.ruleRefNotFieldNear', { keyword, owner: rule.owner || '/', ref, target, near })
          : say('linter.ruleRefNotField', { keyword, owner: rule.owner || '/', ref, target }),
      });
    } else if (!fits(node, need)) {
      findings.push({
        schemaPointer: at,
        message: say(`linter.ruleRefNeeds.${need}`, { keyword, owner: rule.owner || '/', target }),
      });
    } else if (
      values &&
      node.type === 'field' &&
      values.every((v) => checkFieldValue(node, v) !== undefined)
    ) {
      findings.push({
        schemaPointer: at,
        message: say('linter.ruleValueNever', {
          keyword,
          owner: rule.owner || '/',
          target,
          why: checkFieldValue(node, values[0]),
        }),
      });
    }
  }
}

export const ruleTarget: LintRule = {
  id: 'rule-target',
  severity: 'error',
  description: 'Cross-field rules must name existing fields of the right type (numbers, booleans, lists).',
  needsModel: true,
  check({ model }) {
    const findings: RuleFinding[] = [];
    if (model) for (const rule of model.rules) checkRule(model, rule, findings);
    return findings;
  },
};
