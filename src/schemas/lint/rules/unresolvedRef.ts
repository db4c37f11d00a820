/**
 * Rule unresolved-ref: every $ref must lead somewhere. The loader has inlined other files, so a ref
 * still pointing outside the document, or a local pointer/anchor that names nothing, is broken.
 * (A missing file stops the loader; the CLI reports that under this rule id too.)
 */

import { say } from '../../i18n/index';
import type { LintRule, RuleFinding } from '../LintDiagnostic';

export const unresolvedRef: LintRule = {
  id: 'unresolved-ref',
  severity: 'error',
  description: 'Every $ref must resolve to a schema (a local pointer, an anchor or a bundled file).',
  check({ subschemas, refs }) {
    const ids = new Set<string>();
    for (const { schema } of subschemas)
      if (typeof schema.$id === 'string') ids.add(schema.$id.replace(/#$/, ''));
    const findings: RuleFinding[] = [];
    for (const { schema, pointer } of subschemas) {
      const ref = schema.$ref;
      if (typeof ref !== 'string') continue;
      const local = ref.startsWith('#');
      if (local ? refs.targetPointer(ref) !== undefined : ids.has(ref.split('#')[0]!)) continue;
      findings.push({
        schemaPointer: `${pointer}/$ref`,
        message: local ? say('linter.refLocal', { ref }) : say('linter.refOutside', { ref }),
      });
    }
    return findings;
  },
};
