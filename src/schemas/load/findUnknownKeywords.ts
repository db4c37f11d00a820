/**
 * Reports keywords that are neither of the schema's dialect nor ours (vocabulary.ts) nor declared by
 * the facility (LoadOptions.extraKeywords). A warning by default, so a facility's own keywords never
 * stop its form; an error with `strict`. Names under properties/$defs/... are names, not keywords.
 */
import type { Dialect, SchemaDiagnostic } from '../FieldModel';
import { escapePointerSegment } from '../pointer';
import { knownKeywords } from '../vocabulary';
import { forEachSubschema } from './forEachSubschema';

/** One diagnostic (rule "unknown-keyword") per unknown keyword occurrence, in schema order. O(nodes). */
export function findUnknownKeywords(
  schema: unknown,
  dialect: Dialect,
  options: { strict?: boolean; extraKeywords?: readonly string[] } = {},
): SchemaDiagnostic[] {
  const known = knownKeywords(dialect);
  const extra = new Set(options.extraKeywords ?? []);
  const diagnostics: SchemaDiagnostic[] = [];
  forEachSubschema(schema, (node, pointer) => {
    for (const key of Object.keys(node)) {
      if (known.has(key) || extra.has(key)) continue;
      diagnostics.push({
        severity: options.strict ? 'error' : 'warning',
        rule: 'unknown-keyword',
        message: `Unknown keyword "${key}": not ${dialect} JSON Schema nor Formulary's vocabulary (map it with "aliases", or list it in "extraKeywords")`,
        location: { schemaPointer: `#${pointer}/${escapePointerSegment(key)}` },
      });
    }
  });
  return diagnostics;
}
