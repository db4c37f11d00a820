/**
 * Rule example-invalid: every request in the schema's own root `examples` must validate, with the
 * same validator the form uses (cross-field rules included). Example files beside the schema (the
 * examples/<id>/ convention) are checked by lintExample with the same rule id.
 */

import { say } from '../../i18n/index';
import type { LintRule, RuleFinding } from '../LintDiagnostic';

export const exampleInvalid: LintRule = {
  id: 'example-invalid',
  severity: 'error',
  description:
    'Example requests (root `examples`, examples/<id>/*.json) must validate; invalid-* ones must fail as expected.',
  check({ schema, validate }) {
    const findings: RuleFinding[] = [];
    if (!validate || !Array.isArray(schema.examples)) return findings;
    schema.examples.forEach((example, i) => {
      for (const error of validate(example)) {
        findings.push({
          schemaPointer: `/examples/${i}`,
          message: say('linter.exampleInvalid', {
            index: i,
            pointer: error.pointer || '/',
            message: error.message,
            rule: error.rule,
          }),
        });
      }
    });
    return findings;
  },
};
