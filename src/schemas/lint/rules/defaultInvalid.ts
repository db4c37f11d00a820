/**
 * Rule default-invalid: a default must satisfy the very schema it is written in (type, enum, limits,
 * pattern, items...). A bad default makes every untouched form invalid before the user types anything.
 */
import { checkValue } from '../checkValue';
import type { LintRule, RuleFinding } from '../LintDiagnostic';

export const defaultInvalid: LintRule = {
  id: 'default-invalid',
  severity: 'error',
  description: "A field's default must pass the field's own schema (type, enum, limits, pattern).",
  check({ subschemas, refs }) {
    const findings: RuleFinding[] = [];
    for (const { schema, pointer } of subschemas) {
      if (!Object.hasOwn(schema, 'default')) continue;
      const failure = checkValue(schema, schema.default, refs);
      if (failure)
        findings.push({
          schemaPointer: `${pointer}/default`,
          message: `the default fails its own field: ${failure}`,
        });
    }
    return findings;
  },
};
