/**
 * Rule unknown-keyword: a keyword that is neither JSON Schema (for this dialect), ours, a ui: key nor a
 * configured alias is most often a typo that silently does nothing (`x-unit` for `x-units`). A warning,
 * not an error: a facility's own annotations must not fail its CI unless it asks for strictness.
 */

import { say } from '../../i18n/index';
import { formularyKeywords, jsonSchemaKeywords, knownKeywords, uiSchemaKeys } from '../../vocabulary';
import type { LintRule, RuleFinding } from '../LintDiagnostic';
import { suggestKeyword } from '../suggestKeyword';
import { escapePointerToken } from '../walkSubschemas';

export const unknownKeyword: LintRule = {
  id: 'unknown-keyword',
  severity: 'warning',
  description:
    'Keywords must be JSON Schema (of the dialect), Formulary x- vocabulary, ui: keys or configured aliases.',
  check({ subschemas, dialect, aliases, extraKeywords, strict }) {
    const known = knownKeywords(dialect);
    const aliasNames = new Set([...Object.values(aliases).flat(), ...extraKeywords]);
    const candidates = [
      ...formularyKeywords.map((k) => k.name),
      ...uiSchemaKeys.map((k) => k.name),
      ...jsonSchemaKeywords(dialect),
    ];
    const findings: RuleFinding[] = [];
    for (const { schema, pointer } of subschemas) {
      for (const key of Object.keys(schema)) {
        if (known.has(key) || aliasNames.has(key)) continue;
        const suggestion = suggestKeyword(key, candidates);
        findings.push({
          schemaPointer: `${pointer}/${escapePointerToken(key)}`,
          ...(strict ? { severity: 'error' as const } : {}),
          message: suggestion
            ? say('linter.unknownKeywordNear', { key, suggestion })
            : say('linter.unknownKeyword', { key }),
        });
      }
    }
    return findings;
  },
};
