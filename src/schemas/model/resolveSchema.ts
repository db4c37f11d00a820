/**
 * Merged view of one schema node for the model builder: local `$ref`s followed (cycle-safe), `allOf`
 * parts merged with the outer node's keywords winning, if/then/else and dependencies collected, rule
 * keywords collected from every part. It never changes the schema (the validator compiles the original),
 * and never follows a ref it is already inside (that node becomes a "json" field, with a diagnostic).
 */
import type { SchemaDiagnostic } from '../FieldModel';
import { childPointer, getAt } from '../pointer';
import { formularyKeywords } from '../vocabulary';

export type RawSchema = Record<string, unknown>;

/** One piece of schema and where it sits in the bundled schema ("#/properties/a"). */
export interface SchemaPart {
  readonly schema: unknown;
  readonly location: string;
}

export interface Conditional {
  readonly test: unknown;
  readonly whenTrue?: SchemaPart;
  readonly whenFalse?: SchemaPart;
  readonly location: string;
}

export interface Dependency {
  readonly key: string;
  readonly required: readonly string[];
  readonly schema?: SchemaPart;
  readonly location: string;
}

export interface RuleSource {
  readonly keyword: string;
  readonly value: unknown;
  readonly location: string;
}

export interface Resolved {
  /** Every other keyword; a later part (the outer node) overrides an earlier one (a ref target, an allOf item). */
  readonly keywords: RawSchema;
  readonly location: string;
  readonly properties: Map<string, SchemaPart[]>;
  readonly required: Set<string>;
  readonly conditionals: Conditional[];
  readonly dependencies: Dependency[];
  readonly rules: RuleSource[];
  /** Where the `anyOf`/`oneOf` that survived the merge was written. */
  unionLocation?: string;
  /** The ref that pointed back into its own expansion, when this node is recursive. */
  recursiveRef?: string;
  /**
   * A reference the validator follows but the form cannot show as inputs: a `$dynamicRef` or
   * `$recursiveRef` (its target depends on the path taken), or a `$ref` to a dialect's meta-schema.
   */
  opaqueRef?: string;
  /** Refs followed on the way to here: children inherit them, so a cycle is seen however deep. */
  readonly chain: ReadonlySet<string>;
}

export interface ResolveContext {
  readonly root: RawSchema;
  readonly diagnostics: SchemaDiagnostic[];
  /** The loader's `refs` (a schema whose `$ref`s stay as written): site pointer -> target pointer. */
  readonly refs?: ReadonlyMap<string, string>;
}

const metaSchemaRef = /^https?:\/\/json-schema\.org\//;

const ruleKeywords = new Set(formularyKeywords.filter((k) => k.rule).map((k) => k.name));
const structural = new Set([
  '$ref',
  'allOf',
  'properties',
  'required',
  'if',
  'then',
  'else',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
  'definitions',
  '$defs',
]);

function asObject(schema: unknown): RawSchema {
  if (schema === true || schema === undefined) return {};
  if (schema === false) return { not: {} };
  if (schema !== null && typeof schema === 'object' && !Array.isArray(schema)) return schema as RawSchema;
  return {};
}

/** Flattens $ref and allOf into parts in merge order (inner first, outer last). */
function flatten(
  ctx: ResolveContext,
  part: SchemaPart,
  chain: Set<string>,
  out: SchemaPart[],
  state: { recursiveRef?: string; opaqueRef?: string },
): void {
  const schema = asObject(part.schema);
  const dynamic = schema.$dynamicRef ?? schema.$recursiveRef;
  if (typeof dynamic === 'string') state.opaqueRef ??= dynamic;
  const written = schema.$ref;
  const ref = typeof written === 'string' ? (ctx.refs?.get(part.location) ?? written) : written;
  if (typeof ref === 'string') {
    if (!ref.startsWith('#') && metaSchemaRef.test(ref)) {
      state.opaqueRef ??= ref;
    } else if (!ref.startsWith('#')) {
      ctx.diagnostics.push({
        severity: 'error',
        rule: 'unresolved-ref',
        message: `External $ref "${ref}" was not bundled; load the schema with loadSchema first`,
        location: { schemaPointer: part.location },
      });
    } else if (ref !== '#' && !ref.startsWith('#/')) {
      // A plain-name fragment the loader left to the validator (schemas of dynamic references).
      state.opaqueRef ??= ref;
    } else if (chain.has(ref)) {
      state.recursiveRef = ref;
      return;
    } else {
      const target = getAt(ctx.root, ref);
      if (target === undefined) {
        ctx.diagnostics.push({
          severity: 'error',
          rule: 'unresolved-ref',
          message: `$ref "${ref}" points to nothing in this schema`,
          location: { schemaPointer: part.location },
        });
      } else {
        chain.add(ref);
        flatten(ctx, { schema: target, location: ref.startsWith('#/') ? ref : '#' }, chain, out, state);
      }
    }
  }
  const allOf = schema.allOf;
  if (Array.isArray(allOf)) {
    for (let i = 0; i < allOf.length; i++) {
      flatten(ctx, { schema: allOf[i], location: `${part.location}/allOf/${i}` }, chain, out, state);
    }
  }
  out.push({ schema, location: part.location });
}

/**
 * Resolves the parts that describe one node (usually one; several when properties of the same name
 * come from different allOf items). O(size of the parts, refs and allOf items followed).
 */
export function resolveSchema(
  ctx: ResolveContext,
  parts: readonly SchemaPart[],
  inherited: ReadonlySet<string>,
): Resolved {
  const chain = new Set(inherited);
  const flat: SchemaPart[] = [];
  const state: { recursiveRef?: string; opaqueRef?: string } = {};
  for (const part of parts) flatten(ctx, part, chain, flat, state);
  const resolved: Resolved = {
    keywords: {},
    location: parts[parts.length - 1]?.location ?? '#',
    properties: new Map(),
    required: new Set(),
    conditionals: [],
    dependencies: [],
    rules: [],
    chain,
  };
  if (state.recursiveRef) resolved.recursiveRef = state.recursiveRef;
  if (state.opaqueRef) resolved.opaqueRef = state.opaqueRef;
  for (const { schema, location } of flat) mergePart(resolved, schema as RawSchema, location);
  return resolved;
}

function mergePart(into: Resolved, schema: RawSchema, location: string): void {
  for (const [keyword, value] of Object.entries(schema)) {
    if (ruleKeywords.has(keyword)) into.rules.push({ keyword, value, location });
    if (!structural.has(keyword)) {
      if (keyword === 'anyOf' || keyword === 'oneOf') into.unionLocation = `${location}/${keyword}`;
      into.keywords[keyword] = value;
    }
  }
  const properties = schema.properties;
  if (properties && typeof properties === 'object') {
    const base = `${location}/properties`;
    for (const [key, child] of Object.entries(properties as RawSchema)) {
      let list = into.properties.get(key);
      if (!list) {
        list = [];
        into.properties.set(key, list);
      }
      list.push({ schema: child, location: childPointer(base, key) });
    }
  }
  if (Array.isArray(schema.required)) for (const key of schema.required) into.required.add(String(key));
  if ('if' in schema) {
    into.conditionals.push({
      test: schema.if,
      ...(schema.then !== undefined
        ? { whenTrue: { schema: schema.then, location: `${location}/then` } }
        : {}),
      ...(schema.else !== undefined
        ? { whenFalse: { schema: schema.else, location: `${location}/else` } }
        : {}),
      location: `${location}/if`,
    });
  }
  for (const keyword of ['dependencies', 'dependentRequired', 'dependentSchemas']) {
    const deps = schema[keyword];
    if (!deps || typeof deps !== 'object') continue;
    for (const [key, dep] of Object.entries(deps as RawSchema)) {
      const depLocation = childPointer(`${location}/${keyword}`, key);
      if (Array.isArray(dep))
        into.dependencies.push({ key, required: dep.map(String), location: depLocation });
      else {
        const depSchema = asObject(dep);
        const required = Array.isArray(depSchema.required) ? depSchema.required.map(String) : [];
        into.dependencies.push({
          key,
          required,
          schema: { schema: dep, location: depLocation },
          location: depLocation,
        });
      }
    }
  }
}

/** The JSON types a resolved node admits, from `type`, else inferred from its other keywords. */
export function typesOf(r: Resolved): Set<string> {
  const k = r.keywords;
  const types = new Set<string>();
  const type = k.type;
  if (typeof type === 'string') types.add(type);
  else if (Array.isArray(type)) for (const t of type) types.add(String(t));
  if (types.size > 0) return types;
  if (r.properties.size > 0 || r.conditionals.length > 0 || k.additionalProperties !== undefined)
    types.add('object');
  if (k.items !== undefined || k.prefixItems !== undefined) types.add('array');
  const values = Array.isArray(k.enum) ? k.enum : 'const' in k ? [k.const] : [];
  for (const v of values) types.add(jsonType(v));
  return types;
}

/** JSON type name of a value ("integer" counts as "number"). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}
