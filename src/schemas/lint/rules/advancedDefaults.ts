/**
 * Rules advanced-no-default and advanced-required-no-default. Advanced sections start collapsed:
 * a value there that has no default (and cannot be unset) is one the user never sees and the request
 * lacks; if it is also required, every submission fails on a field the user was told not to worry about.
 * Fields inside list rows are exempt: a row is added by hand, so its fields are in view.
 */
import type { FieldNode, ListNode } from '../../FieldModel';
import { say } from '../../i18n/index';
import type { LintContext, LintRule, RuleFinding } from '../LintDiagnostic';

/** Advanced fields and lists with no default and no unset state, outside list rows. */
function undefaulted(context: LintContext): (FieldNode | ListNode)[] {
  const out: (FieldNode | ListNode)[] = [];
  for (const node of context.model?.byPointer.values() ?? []) {
    if (node.type !== 'field' && node.type !== 'list') continue;
    if (!node.advanced || node.hasDefault || node.nullable || node.readOnly) continue;
    if (node.pointer.includes('/*')) continue;
    out.push(node);
  }
  return out;
}

export const advancedNoDefault: LintRule = {
  id: 'advanced-no-default',
  severity: 'warning',
  description:
    'An advanced (collapsed) field should have a default, or allow null, so the request is complete.',
  needsModel: true,
  check(context) {
    return undefaulted(context)
      .filter((node) => !node.required)
      .map<RuleFinding>((node) => ({
        schemaPointer: node.location.schemaPointer,
        message: say('linter.advancedNoDefault', { pointer: node.pointer, label: node.label }),
      }));
  },
};

export const advancedRequiredNoDefault: LintRule = {
  id: 'advanced-required-no-default',
  severity: 'error',
  description: 'A required, non-nullable field in an advanced section must have a default.',
  needsModel: true,
  check(context) {
    return undefaulted(context)
      .filter((node) => node.required)
      .map<RuleFinding>((node) => ({
        schemaPointer: node.location.schemaPointer,
        message: say('linter.requiredAdvanced', { pointer: node.pointer, label: node.label }),
      }));
  },
};
