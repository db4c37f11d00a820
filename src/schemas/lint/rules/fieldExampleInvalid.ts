/**
 * Rule field-example-invalid: each entry of a field's own `examples` must pass that field's schema,
 * `format` included where the schema's format policy asserts it. An example the form would refuse
 * teaches the user a value they cannot submit. (The root's `examples` are whole requests: see
 * example-invalid; a `default` is checked by default-invalid with the same checker.)
 */

import { say } from '../../i18n/index';
import { formatPolicyOf } from '../../load/dialectOf';
import { checkValue } from '../checkValue';
import { checkFormat, type FormatCheck } from '../formatCheck';
import type { LintContext, LintRule, RuleFinding } from '../LintDiagnostic';

/** The format checker when the schema's formats assert (model's policy, else the dialect's), else none. */
export function assertedFormats(ctx: LintContext): FormatCheck | undefined {
  const policy = ctx.model?.formats ?? formatPolicyOf(ctx.dialect);
  return policy === 'assert' ? checkFormat : undefined;
}

export const fieldExampleInvalid: LintRule = {
  id: 'field-example-invalid',
  severity: 'error',
  description: "Each entry of a field's `examples` must pass the field's own schema, format included.",
  check(ctx) {
    const findings: RuleFinding[] = [];
    const formats = assertedFormats(ctx);
    for (const { schema, pointer } of ctx.subschemas) {
      if (pointer === '' || !Array.isArray(schema.examples)) continue;
      schema.examples.forEach((example, i) => {
        const failure = checkValue(schema, example, ctx.refs, 0, formats);
        if (failure)
          findings.push({
            schemaPointer: `${pointer}/examples/${i}`,
            message: say('linter.fieldExampleInvalid', { index: i, failure }),
          });
      });
    }
    return findings;
  },
};
