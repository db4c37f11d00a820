/**
 * Visits every subschema written in a bundled schema document once, in place (no $ref following), with
 * its JSON Pointer. Keyword-level lint rules (unknown keywords, patterns, refs, defaults) share this walk.
 * It never descends into values of keywords it does not know: those may hold anything.
 */

export type SchemaObject = Readonly<Record<string, unknown>>;

/** One subschema and where it is. */
export interface SubschemaVisit {
  readonly schema: SchemaObject;
  readonly pointer: string;
  /** Keyword path that led here ("properties", "items", ...); "" for the root. */
  readonly via: string;
}

const singleSchema = [
  'additionalProperties',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];
const schemaMaps = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const schemaArrays = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** Escapes one reference token of a JSON Pointer (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescapes one reference token of a JSON Pointer. */
export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every subschema of `root` in document order. O(size of the document). */
export function walkSubschemas(root: SchemaObject): SubschemaVisit[] {
  const out: SubschemaVisit[] = [];
  const stack: SubschemaVisit[] = [{ schema: root, pointer: '', via: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    out.push(visit);
    const children: SubschemaVisit[] = [];
    const { schema, pointer } = visit;
    const add = (value: unknown, path: string, via: string) => {
      if (isSchemaObject(value)) children.push({ schema: value, pointer: `${pointer}${path}`, via });
    };
    for (const key of Object.keys(schema)) {
      const value = schema[key];
      const token = `/${escapePointerToken(key)}`;
      if (singleSchema.includes(key)) add(value, token, key);
      else if (key === 'items') {
        if (Array.isArray(value)) for (const [i, v] of value.entries()) add(v, `${token}/${i}`, key);
        else add(value, token, key);
      } else if (schemaArrays.includes(key) && Array.isArray(value)) {
        for (const [i, v] of value.entries()) add(v, `${token}/${i}`, key);
      } else if ((schemaMaps.includes(key) || key === 'dependencies') && isSchemaObject(value)) {
        // dependencies: a value is a schema or an array of names; arrays are skipped by add().
        for (const name of Object.keys(value)) add(value[name], `${token}/${escapePointerToken(name)}`, key);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}
