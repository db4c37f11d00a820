/**
 * Rule ambiguous-oneof: the branches of a oneOf must be told apart by something a form (and a
 * scientist) can see: different types, different const/enum values, a discriminator property whose
 * const/enum values differ, disjoint number ranges, or different required keys. Otherwise a value can
 * match two branches, fail with "must match exactly one schema", and the form cannot pick a branch.
 */

import { say } from '../../i18n/index';
import { jsonEqual, jsonTypesOf } from '../checkValue';
import type { LintRule, RuleFinding } from '../LintDiagnostic';
import type { LocalRefResolver } from '../resolvePointer';
import { isSchemaObject, type SchemaObject } from '../walkSubschemas';

interface BranchShape {
  /** JSON types it can accept; undefined: any. */
  readonly types?: ReadonlySet<string>;
  /** Own const/enum values, if restricted. */
  readonly values?: readonly unknown[];
  readonly min: number;
  readonly max: number;
  /** Per property, its const/enum values. */
  readonly discriminators: ReadonlyMap<string, readonly unknown[]>;
  readonly required: ReadonlySet<string>;
}

function valuesOf(schema: SchemaObject): unknown[] | undefined {
  if (Object.hasOwn(schema, 'const')) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

function shapeOf(raw: SchemaObject, refs: LocalRefResolver): BranchShape {
  const schema = refs.resolve(raw, '').schema;
  const merged: SchemaObject = { ...schema, ...raw, $ref: undefined };
  const values = valuesOf(merged);
  let types: Set<string> | undefined;
  if (merged.type !== undefined)
    types = new Set((Array.isArray(merged.type) ? merged.type : [merged.type]) as string[]);
  else if (values) types = new Set(values.flatMap(jsonTypesOf));
  else if (merged.properties || merged.required || merged.additionalProperties !== undefined)
    types = new Set(['object']);
  else if (merged.items || merged.prefixItems) types = new Set(['array']);
  if (types?.has('number')) types.add('integer');
  if (types?.has('integer') && !types.has('number')) types.add('number-integer');
  const discriminators = new Map<string, unknown[]>();
  if (isSchemaObject(merged.properties)) {
    for (const [key, sub] of Object.entries(merged.properties)) {
      if (!isSchemaObject(sub)) continue;
      const v = valuesOf(refs.resolve(sub, '').schema) ?? valuesOf(sub);
      if (v) discriminators.set(key, v);
    }
  }
  const num = (k: string, fallback: number) =>
    typeof merged[k] === 'number' ? (merged[k] as number) : fallback;
  return {
    types,
    values,
    min: Math.max(num('minimum', -Infinity), num('exclusiveMinimum', -Infinity)),
    max: Math.min(num('maximum', Infinity), num('exclusiveMaximum', Infinity)),
    discriminators,
    required: new Set(Array.isArray(merged.required) ? (merged.required as string[]) : []),
  };
}

const disjoint = (a: readonly unknown[], b: readonly unknown[]) =>
  !a.some((x) => b.some((y) => jsonEqual(x, y)));

function typesOverlap(a: BranchShape, b: BranchShape): boolean {
  if (!a.types || !b.types) return true;
  for (const t of a.types) {
    if (t === 'number-integer') continue;
    if (b.types.has(t)) return true;
  }
  return false;
}

/** True when no value can satisfy both shapes by the tests a form can apply. */
function distinguishable(a: BranchShape, b: BranchShape): boolean {
  if (!typesOverlap(a, b)) return true;
  if (a.values && b.values && disjoint(a.values, b.values)) return true;
  if (a.max < b.min || b.max < a.min) return true;
  for (const [key, va] of a.discriminators) {
    const vb = b.discriminators.get(key);
    if (vb && disjoint(va, vb)) return true;
  }
  const onlyA = [...a.required].some((k) => !b.required.has(k));
  const onlyB = [...b.required].some((k) => !a.required.has(k));
  return onlyA && onlyB;
}

export const ambiguousOneOf: LintRule = {
  id: 'ambiguous-oneof',
  severity: 'error',
  description:
    'oneOf branches must differ by type, const/enum, a discriminator property, ranges or required keys.',
  check({ subschemas, refs }) {
    const findings: RuleFinding[] = [];
    for (const { schema, pointer } of subschemas) {
      if (!Array.isArray(schema.oneOf)) continue;
      const shapes = schema.oneOf.map((b) => (isSchemaObject(b) ? shapeOf(b, refs) : undefined));
      for (let i = 0; i < shapes.length; i++) {
        for (let j = i + 1; j < shapes.length; j++) {
          const a = shapes[i];
          const b = shapes[j];
          if (!a || !b || distinguishable(a, b)) continue;
          findings.push({
            schemaPointer: `${pointer}/oneOf/${j}`,
            message: say('linter.ambiguousOneOf', { i, j }),
          });
        }
      }
    }
    return findings;
  },
};
