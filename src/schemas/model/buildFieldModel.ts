/**
 * buildFieldModel: the one walk over a (bundled) schema that yields the immutable FieldModel every
 * other part reads. It resolves local $refs and allOf, never external files (the loader bundles those
 * first), and never mutates the schema it is given. O(schema size).
 */
import type { Dialect, FieldModel, GroupNode, ModelNode, SchemaDiagnostic } from '../FieldModel';
import { buildNode } from './buildNode';
import type { ModelContext, Mutable } from './ModelContext';
import { resolveRules } from './resolveRules';
import type { RawSchema } from './resolveSchema';

export interface BuildFieldModelOptions {
  /** Overrides `$schema` (and the loader's choice). Default: from `$schema`, else 2020-12. */
  readonly dialect?: Dialect;
  /** Extra acronyms for labels derived from keys ("NOMAD" keeps its capitals). */
  readonly acronyms?: readonly string[];
}

/** What loadSchema returns, as far as the model needs it (structural, so the loader can grow). */
export interface LoadedSchemaLike {
  readonly schema: Readonly<Record<string, unknown>>;
  readonly dialect?: Dialect;
  readonly diagnostics?: readonly SchemaDiagnostic[];
}

function isLoaded(input: object): input is LoadedSchemaLike {
  const x = input as Record<string, unknown>;
  return (
    x.schema !== null &&
    typeof x.schema === 'object' &&
    !('properties' in x) &&
    !('type' in x) &&
    !('$schema' in x) &&
    ('dialect' in x || 'diagnostics' in x || 'source' in x)
  );
}

/** The dialect a `$schema` URI names; 2020-12 when absent or unknown. */
export function dialectOf(schema: Readonly<Record<string, unknown>>): Dialect {
  const uri = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (/draft-0[4-7]/.test(uri)) return 'draft-07';
  if (uri.includes('2019-09')) return '2019-09';
  return '2020-12';
}

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v, seen);
  } else {
    for (const v of Object.values(value)) deepFreeze(v, seen);
  }
  return Object.freeze(value);
}

/**
 * Builds the FieldModel of a schema object or of loadSchema's result.
 * Example: buildFieldModel({properties: {Qmin: {type: 'number'}}}).byPointer.get('/Qmin').label === 'Q min'.
 * The result is deeply frozen; default values in it are frozen too (defaultsOf hands out copies).
 */
export function buildFieldModel(input: object, options: BuildFieldModelOptions = {}): FieldModel {
  const loaded = isLoaded(input) ? input : undefined;
  const schema = (loaded ? loaded.schema : input) as RawSchema;
  const ctx: ModelContext = {
    root: schema,
    ...(options.acronyms ? { acronyms: options.acronyms } : {}),
    diagnostics: [...(loaded?.diagnostics ?? [])],
    byPointer: new Map(),
    fields: [],
    ruleSources: [],
    conditions: [],
    schemaIndex: 0,
  };
  const rootNode = buildNode(ctx, [{ schema, location: '#' }], '', '', {
    advanced: false,
    required: true,
    label: '',
    conditionIds: [],
    chain: new Set(['#']),
  });
  const root: GroupNode = rootNode.type === 'group' ? rootNode : wrapRoot(rootNode, ctx);
  const rules = resolveRules(ctx);
  const model: FieldModel = {
    root,
    schema,
    dialect: options.dialect ?? loaded?.dialect ?? dialectOf(schema),
    byPointer: ctx.byPointer,
    fields: ctx.fields,
    rules,
    conditions: ctx.conditions,
    diagnostics: ctx.diagnostics,
  };
  deepFreeze(model.root);
  deepFreeze(model.fields);
  deepFreeze(model.rules);
  deepFreeze(model.conditions);
  deepFreeze(model.diagnostics);
  return Object.freeze(model);
}

/** A root that is not an object (a bare field or choice) still hangs under a root group. */
function wrapRoot(node: ModelNode, ctx: ModelContext): GroupNode {
  if (node.type !== 'choice') {
    ctx.diagnostics.push({
      severity: 'info',
      rule: 'root-not-object',
      message: 'The schema root is not an object; the form has a single input',
      location: { schemaPointer: '#' },
    });
  }
  const group: Mutable<GroupNode> = {
    pointer: '',
    key: '',
    label: node.label,
    advanced: false,
    order: 0,
    schemaIndex: -1,
    required: true,
    readOnly: false,
    conditionIds: [],
    location: node.location,
    hints: {},
    type: 'group',
    children: [node],
    nullable: false,
  };
  return group;
}
