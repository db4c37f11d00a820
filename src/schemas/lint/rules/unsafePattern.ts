/**
 * Rule unsafe-pattern: a `pattern` (or patternProperties key) that does not compile with the "u" flag
 * ajv uses, or that can backtrack catastrophically and freeze the page on a long input.
 */

import { say } from '../../i18n/index';
import { analysePattern } from '../analysePattern';
import type { LintRule, RuleFinding } from '../LintDiagnostic';
import { escapePointerToken, isSchemaObject } from '../walkSubschemas';

export const unsafePattern: LintRule = {
  id: 'unsafe-pattern',
  severity: 'error',
  description: 'Patterns must compile (unicode mode, as ajv) and must not backtrack catastrophically.',
  check({ subschemas }) {
    const findings: RuleFinding[] = [];
    const judge = (source: string, at: string) => {
      const verdict = analysePattern(source);
      if (verdict.kind === 'invalid')
        findings.push({
          schemaPointer: at,
          message: say('linter.patternInvalid', { pattern: JSON.stringify(source), why: verdict.message }),
        });
      if (verdict.kind === 'catastrophic')
        findings.push({
          schemaPointer: at,
          message: say('linter.patternCatastrophic', {
            pattern: JSON.stringify(source),
            why: verdict.message,
          }),
        });
    };
    for (const { schema, pointer } of subschemas) {
      if (typeof schema.pattern === 'string') judge(schema.pattern, `${pointer}/pattern`);
      if (isSchemaObject(schema.patternProperties)) {
        for (const key of Object.keys(schema.patternProperties))
          judge(key, `${pointer}/patternProperties/${escapePointerToken(key)}`);
      }
    }
    return findings;
  },
};
