/**
 * buildFieldModel: the one walk over a (bundled) schema that yields the immutable FieldModel every
 * other part reads. It resolves local $refs and allOf, never external files (the loader bundles those
 * first), and never mutates the schema it is given. O(schema size).
 */
import type {
  Dialect,
  FieldModel,
  FormatPolicy,
  GroupNode,
  ModelNode,
  SchemaDiagnostic,
} from '../FieldModel';
import { formatPolicyOf } from '../load/dialectOf';
import { buildNode } from './buildNode';
import type { ModelContext, Mutable } from './ModelContext';
import { resolveRules } from './resolveRules';
import type { RawSchema } from './resolveSchema';

export interface BuildFieldModelOptions {
  /** Overrides `$schema` (and the loader's choice). Default: from `$schema`, else 2020-12. */
  readonly dialect?: Dialect;
  /** What `format` does; default: the loader's policy, else the dialect's (formatPolicyOf). */
  readonly formats?: FormatPolicy;
  /** Extra acronyms for labels derived from keys ("NOMAD" keeps its capitals). */
  readonly acronyms?: readonly string[];
}

/** What loadSchema returns, as far as the model needs it (structural, so the loader can grow). */
export interface LoadedSchemaLike {
  readonly schema: Readonly<Record<string, unknown>>;
  readonly dialect?: Dialect;
  readonly formats?: FormatPolicy;
  readonly refs?: ReadonlyMap<string, string>;
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

/**
 * Freezes the model's own objects: nodes, their arrays, hints (shallow), rules, conditions. Values that
 * come from the caller's schema (defaults, hint values) are left alone: freezing them would change the
 * caller's schema objects. (A full deep freeze was measured at ~20% of build time, too.)
 */
function freezeNode(node: ModelNode): void {
  Object.freeze(node.conditionIds);
  Object.freeze(node.hints);
  Object.freeze(node.location);
  switch (node.type) {
    case 'field':
      Object.freeze(node.ruleIds);
      if (node.enum) Object.freeze(node.enum);
      if (node.enumLabels) Object.freeze(node.enumLabels);
      break;
    case 'group':
      for (const child of node.children) freezeNode(child);
      Object.freeze(node.children);
      if (node.rest) freezeNode(node.rest);
      break;
    case 'list':
      freezeNode(node.item);
      break;
    case 'choice':
      for (const branch of node.branches) {
        freezeNode(branch.node);
        Object.freeze(branch);
      }
      Object.freeze(node.branches);
      break;
  }
  Object.freeze(node);
}

/**
 * Builds the FieldModel of a schema object or of loadSchema's result.
 * Example: buildFieldModel({properties: {Qmin: {type: 'number'}}}).byPointer.get('/Qmin').label === 'Q min'.
 * The model's nodes, arrays, rules and conditions are frozen; defaults are shared with the schema, so
 * use defaultsOf (it hands out copies).
 */
export function buildFieldModel(input: object, options: BuildFieldModelOptions = {}): FieldModel {
  const loaded = isLoaded(input) ? input : undefined;
  const schema = (loaded ? loaded.schema : input) as RawSchema;
  const ctx: ModelContext = {
    root: schema,
    ...(loaded?.refs ? { refs: loaded.refs } : {}),
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
  const dialect = options.dialect ?? loaded?.dialect ?? dialectOf(schema);
  const model: FieldModel = {
    root,
    schema,
    dialect,
    formats: options.formats ?? loaded?.formats ?? formatPolicyOf(dialect),
    byPointer: ctx.byPointer,
    fields: ctx.fields,
    rules,
    conditions: ctx.conditions,
    diagnostics: onePerLocation(ctx.diagnostics),
  };
  freezeNode(model.root);
  Object.freeze(model.fields);
  for (const rule of model.rules) Object.freeze(Object.freeze(rule).reads);
  Object.freeze(model.rules);
  for (const c of model.conditions) {
    Object.freeze(c.reads);
    Object.freeze(c.whenTrue);
    Object.freeze(c.whenFalse);
    if (c.requires) Object.freeze(c.requires);
    Object.freeze(c);
  }
  Object.freeze(model.conditions);
  Object.freeze(model.diagnostics);
  return Object.freeze(model);
}

/** A definition used in many places is reported once, where it is written (not once per use). */
function onePerLocation(diagnostics: SchemaDiagnostic[]): SchemaDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.rule}|${d.location.schemaPointer}`;
    if (d.rule !== 'unsafe-pattern' && d.rule !== 'recursive-ref') return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
