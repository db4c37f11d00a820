/**
 * Rule default-invalid: a default must satisfy the very schema it is written in (type, enum, limits,
 * pattern, items, and format where the schema's format policy asserts it). A bad default makes every untouched form invalid before the user types anything.
 */

import { say } from '../../i18n/index';
import { checkValue } from '../checkValue';
import type { LintRule, RuleFinding } from '../LintDiagnostic';
import { assertedFormats } from './fieldExampleInvalid';

export const defaultInvalid: LintRule = {
  id: 'default-invalid',
  severity: 'error',
  description: "A field's default must pass the field's own schema (type, enum, limits, pattern, format).",
  check(ctx) {
    const findings: RuleFinding[] = [];
    // A format the form asserts refuses the default as surely as a pattern.
    const formats = assertedFormats(ctx);
    for (const { schema, pointer } of ctx.subschemas) {
      if (!Object.hasOwn(schema, 'default')) continue;
      const failure = checkValue(schema, schema.default, ctx.refs, 0, formats);
      if (failure)
        findings.push({
          schemaPointer: `${pointer}/default`,
          message: say('linter.defaultInvalid', { failure }),
        });
    }
    return findings;
  },
};
