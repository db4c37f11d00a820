/**
 * Rule impossible-condition: an `if` that reads a property this object does not have, or tests it for
 * a value its own schema never allows (a const outside its enum, a number outside its limits), so the
 * `then` part never shows (or always does). dependencies / dependentRequired / dependentSchemas naming a
 * property that does not exist are caught too.
 */

import { activeLocale, listOf, say } from '../../i18n/index';
import { checkValue, show } from '../checkValue';
import type { LintRule, RuleFinding } from '../LintDiagnostic';
import type { LocalRefResolver } from '../resolvePointer';
import { escapePointerToken, isSchemaObject, type SchemaObject } from '../walkSubschemas';

/** The properties an object schema declares, through $ref and allOf (two levels). */
function declaredProperties(schema: SchemaObject, refs: LocalRefResolver): Map<string, unknown> | undefined {
  const found = new Map<string, unknown>();
  let open = false;
  const collect = (s: SchemaObject, depth: number) => {
    const resolved = refs.resolve(s, '').schema;
    for (const candidate of resolved === s ? [s] : [s, resolved]) {
      if (isSchemaObject(candidate.properties)) {
        for (const [k, v] of Object.entries(candidate.properties)) if (!found.has(k)) found.set(k, v);
      }
      if (isSchemaObject(candidate.additionalProperties) || candidate.patternProperties) open = true;
      if (depth < 2 && Array.isArray(candidate.allOf))
        for (const sub of candidate.allOf) if (isSchemaObject(sub)) collect(sub, depth + 1);
    }
  };
  collect(schema, 0);
  // An object that declares no properties, or takes any by pattern or schema, could hold anything.
  return found.size > 0 && !open ? found : undefined;
}

/** The schema itself and its allOf branches: where conditions on this object are written. */
function conditionHolders(schema: SchemaObject, pointer: string): [SchemaObject, string][] {
  const holders: [SchemaObject, string][] = [[schema, pointer]];
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((sub, i) => {
      if (isSchemaObject(sub)) holders.push([sub, `${pointer}/allOf/${i}`]);
    });
  }
  return holders;
}

/** Checks the if/dependencies written in one schema against the object's properties. */
function checkHolder(
  schema: SchemaObject,
  pointer: string,
  props: Map<string, unknown>,
  refs: LocalRefResolver,
  findings: RuleFinding[],
): void {
  if (isSchemaObject(schema.if) && isSchemaObject(schema.if.properties)) {
    for (const [key, test] of Object.entries(schema.if.properties)) {
      const at = `${pointer}/if/properties/${escapePointerToken(key)}`;
      if (!props.has(key)) {
        findings.push({
          schemaPointer: at,
          message: say('linter.conditionUnknown', { key, known: [...props.keys()].slice(0, 8).join(', ') }),
        });
        continue;
      }
      if (!isSchemaObject(test)) continue;
      const values = Object.hasOwn(test, 'const')
        ? [test.const]
        : Array.isArray(test.enum)
          ? test.enum
          : undefined;
      if (!values) continue;
      const field = props.get(key);
      const failures = values.map((v) => checkValue(field, v, refs));
      if (failures.every((f) => f !== undefined)) {
        findings.push({
          schemaPointer: at,
          message: say('linter.conditionNever', {
            key,
            values: listOf(activeLocale(), values.map(show), 'disjunction'),
            why: failures[0],
          }),
        });
      }
    }
  }
  for (const keyword of ['dependencies', 'dependentRequired', 'dependentSchemas']) {
    const map = schema[keyword];
    if (!isSchemaObject(map)) continue;
    for (const key of Object.keys(map)) {
      if (!props.has(key)) {
        findings.push({
          schemaPointer: `${pointer}/${keyword}/${escapePointerToken(key)}`,
          message: say('linter.dependencyUnknown', { keyword, key }),
        });
      }
    }
  }
}

export const impossibleCondition: LintRule = {
  id: 'impossible-condition',
  severity: 'error',
  description: 'An if/dependency must read existing properties and test for values they can take.',
  check({ subschemas, refs }) {
    const findings: RuleFinding[] = [];
    for (const visit of subschemas) {
      const props = declaredProperties(visit.schema, refs);
      if (!props) continue;
      for (const [schema, pointer] of conditionHolders(visit.schema, visit.pointer)) {
        checkHolder(schema, pointer, props, refs, findings);
      }
    }
    return findings;
  },
};
