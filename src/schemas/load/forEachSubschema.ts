/**
 * Which keywords hold subschemas, and a walk over every object subschema with its JSON Pointer. The
 * loader's passes (refs, unknown keywords, recursion) share it so they agree on what is a schema and
 * what is data: names under `properties` or `$defs` are names, and `default`/`enum` values are never walked.
 */
import { escapePointerSegment } from '../pointer';

/** Keywords whose value is one schema (`items` also takes an array: see arrayOfSchemas). */
export const singleSchemaKeywords: ReadonlySet<string> = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'not',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);
/** Keywords whose value is an array of schemas. */
export const arrayOfSchemasKeywords: ReadonlySet<string> = new Set([
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
  'items',
]);
/** Keywords whose value maps names to schemas (`dependencies` values may also be arrays of names). */
export const mapOfSchemasKeywords: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'dependencies',
]);

export type SchemaObject = Record<string, unknown>;

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The subschemas directly under `node`: [keyword path segments, child]. Boolean schemas are skipped
 * (they hold nothing). Only own properties are read.
 */
export function childSchemas(node: SchemaObject): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      if (arrayOfSchemasKeywords.has(key)) {
        for (let i = 0; i < value.length; i++) out.push([`/${key}/${i}`, value[i]]);
      }
    } else if (isObject(value)) {
      if (singleSchemaKeywords.has(key)) out.push([`/${escapePointerSegment(key)}`, value]);
      else if (mapOfSchemasKeywords.has(key)) {
        for (const name of Object.keys(value)) {
          const child = value[name];
          if (isObject(child) || typeof child === 'boolean')
            out.push([`/${key}/${escapePointerSegment(name)}`, child]);
        }
      }
    }
  }
  return out;
}

/**
 * Calls `visit(node, pointer)` for every object subschema reachable from `root` without following
 * $ref, root first, depth-first in key order. Iterative, so a deep schema cannot overflow the stack. O(nodes).
 */
export function forEachSubschema(
  root: unknown,
  visit: (node: SchemaObject, pointer: string) => void,
  rootPointer = '',
): void {
  const stack: [unknown, string][] = [[root, rootPointer]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (!isObject(node)) continue;
    visit(node, pointer);
    const children = childSchemas(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const [path, child] = children[i]!;
      stack.push([child, pointer + path]);
    }
  }
}
