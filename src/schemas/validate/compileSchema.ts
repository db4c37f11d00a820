/**
 * ajv for one schema: the right class for the dialect (Ajv for draft-07, Ajv2019, Ajv2020), ajv-formats,
 * our x- and ui: keywords registered as annotations (so strict mode still rejects typos), patterns
 * run through safeRegExp. Compiled once per schema object and cached (WeakMap): a keystroke never compiles.
 * Fragments ("#/properties/a/if") are compiled lazily from the same root, so their $refs resolve.
 */
// The named `Ajv` type, not the default import, in what we publish: under moduleResolution node16 a
// CommonJS default import is the module object, and `ajv: Ajv` would not type-check for our users.
import Ajv, { type Ajv as AjvInstance, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Dialect, FormatPolicy } from '../FieldModel';
import { escapePointerSegment } from '../pointer';
import { acceptedExtraKeywords, formularyKeywords, uiSchemaKeys } from '../vocabulary';
import { codeEvaluationAllowed } from './codeEvaluation';
import { safeRegExp } from './safePattern';
import { uriResolver } from './uriResolver';

export interface CompileOptions {
  /** Unknown keywords throw (ajv strictSchema). Default false: a facility's own keywords must not stop its form. */
  readonly strict?: boolean;
  /** Extra keyword names to accept as annotations (a facility's own names mapped onto ours). */
  readonly extraKeywords?: readonly string[];
  /** "annotate": `format` refuses nothing (ajv validateFormats off). Default "assert". */
  readonly formats?: FormatPolicy;
}

export interface CompiledSchema {
  readonly ajv: AjvInstance;
  /**
   * Validates a whole request; [] when valid. Root properties are compiled one by one on first use when
   * the root allows it (see `sectioned`), so opening a 5,000-field form does not wait for ajv.
   */
  validate(request: unknown): ErrorObject[];
  /** Compiles every part now (e.g. in idle time after the form shows). */
  warm(): void;
  /** True when the root is validated per property (root keywords are only the simple ones). */
  readonly sectioned: boolean;
  /** A validator for the subschema at a "#/..." location of the same root (cached), or undefined if absent. */
  fragment(schemaPointer: string): ValidateFunction | undefined;
  /**
   * False when this page forbids compiling code (see codeEvaluation.ts): then `validate` reports
   * nothing and `fragment` is always undefined, and the caller must check what it can without ajv.
   */
  readonly compiled: boolean;
  /**
   * Only where ajv arrives later (the embed, deferredCompileSchema.ts): a promise that settles once ajv
   * has arrived (or is known not to come) and starts fetching it; undefined when nothing is pending.
   */
  whenComplete?(): Promise<void> | undefined;
}

// ajv's code.regExp hook: the engine it calls for `pattern` and `patternProperties`.
const regExp = Object.assign((pattern: string, flags: string) => safeRegExp(pattern, flags), {
  code: 'safeRegExp',
});

function createAjv(dialect: Dialect, options: CompileOptions): Ajv {
  const ajvOptions: Options = {
    allErrors: true,
    strict: false,
    strictSchema: options.strict === true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // `required: ["constructor"]` must not be met by Object.prototype (JSON Schema Test Suite, required.json).
    ownProperties: true,
    validateFormats: options.formats !== 'annotate',
    validateSchema: options.strict === true,
    logger: false,
    uriResolver,
    code: { regExp: regExp as unknown as NonNullable<Options['code']>['regExp'] },
  };
  const ajv =
    dialect === 'draft-07'
      ? new Ajv(ajvOptions)
      : dialect === '2019-09'
        ? new Ajv2019(ajvOptions)
        : new Ajv2020(ajvOptions);
  addFormats(ajv);
  for (const spec of [...formularyKeywords, ...uiSchemaKeys]) {
    ajv.addKeyword({
      keyword: spec.name,
      schemaType: [...new Set(spec.valueTypes.map((t) => (t === 'integer' ? 'number' : t)))],
      ...(options.strict ? { metaSchema: spec.valueSchema } : {}),
    });
  }
  for (const name of [...acceptedExtraKeywords, ...(options.extraKeywords ?? [])]) {
    if (!ajv.getKeyword(name)) ajv.addKeyword({ keyword: name });
  }
  return ajv;
}

/** Root keywords that a per-property validation reproduces exactly; any other keyword at the root
 * (if/then, allOf, dependencies, unevaluatedProperties, patternProperties...) means compiling it whole. */
const sectionable = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'definitions',
  '$defs',
  'default',
  'examples',
]);

function sectionKeys(schema: Readonly<Record<string, unknown>>): string[] | undefined {
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object') return undefined;
  if (schema.type !== undefined && schema.type !== 'object') return undefined;
  if (typeof schema.additionalProperties === 'object') return undefined;
  for (const k of Object.keys(schema)) {
    if (!sectionable.has(k) && !k.startsWith('x-') && !k.startsWith('ui:')) return undefined;
  }
  return Object.keys(properties);
}

const cache = new WeakMap<object, Map<string, CompiledSchema>>();
let counter = 0;

/**
 * The compiled validator of `schema` (a bundled schema object), from the cache when compiled before.
 * On a page that forbids compiling code (codeEvaluation.ts) it compiles nothing and says so
 * (`compiled: false`) instead of throwing.
 * One ajv instance per compiled schema: a schema's `$id` can then never clash with another version of
 * the same schema loaded in the same page (the author playground recompiles on each edit).
 * Throws ajv's error (naming the keyword and location) when the schema does not compile.
 */
export function compileSchema(
  schema: Readonly<Record<string, unknown>>,
  dialect: Dialect,
  options: CompileOptions = {},
): CompiledSchema {
  const optionKey = `${dialect}|${options.formats ?? 'assert'}|${options.strict === true}|${(options.extraKeywords ?? []).join(',')}`;
  const hit = cache.get(schema)?.get(optionKey);
  if (hit) return hit;
  const remember = (result: CompiledSchema): CompiledSchema => {
    let bySchema = cache.get(schema);
    if (!bySchema) {
      bySchema = new Map();
      cache.set(schema, bySchema);
    }
    bySchema.set(optionKey, result);
    return result;
  };
  const ajv = createAjv(dialect, options);
  if (!codeEvaluationAllowed()) {
    // ajv can still look up formats here (plain functions); it can compile nothing. Cached like a
    // compiled schema: conditions ask for it on every keystroke.
    return remember({
      ajv,
      validate: () => [],
      warm: () => {},
      sectioned: false,
      fragment: () => undefined,
      compiled: false,
    });
  }
  const key = `formulary-${++counter}`;
  ajv.addSchema(schema as Record<string, unknown>, key);
  const fragments = new Map<string, ValidateFunction | undefined>();
  const fragment = (schemaPointer: string): ValidateFunction | undefined => {
    if (fragments.has(schemaPointer)) return fragments.get(schemaPointer);
    const fn = ajv.getSchema(`${key}${schemaPointer === '#' ? '' : schemaPointer}`);
    fragments.set(schemaPointer, fn);
    return fn;
  };
  const sections = sectionKeys(schema);
  let validate: (request: unknown) => ErrorObject[];
  let warm: () => void;
  if (sections) {
    // The root's own keywords, with every property accepted: the properties are checked one by one.
    const shell: Record<string, unknown> = { properties: Object.fromEntries(sections.map((k) => [k, true])) };
    for (const k of [
      '$schema',
      'type',
      'required',
      'additionalProperties',
      'minProperties',
      'maxProperties',
    ]) {
      if (schema[k] !== undefined) shell[k] = schema[k];
    }
    const root = ajv.compile(shell);
    const partPointer = new Map(sections.map((k) => [k, `#/properties/${escapePointerSegment(k)}`]));
    validate = (request) => {
      const errors: ErrorObject[] = root(request) ? [] : [...(root.errors ?? [])];
      if (request === null || typeof request !== 'object' || Array.isArray(request)) return errors;
      for (const [k, pointer] of partPointer) {
        if (!Object.hasOwn(request, k)) continue;
        const fn = fragment(pointer);
        if (!fn || fn((request as Record<string, unknown>)[k])) continue;
        const prefix = `/${escapePointerSegment(k)}`;
        for (const e of fn.errors ?? []) errors.push({ ...e, instancePath: prefix + e.instancePath });
      }
      return errors;
    };
    warm = () => {
      for (const pointer of partPointer.values()) fragment(pointer);
    };
  } else {
    const whole = ajv.getSchema(key);
    if (!whole) throw new Error('ajv returned no validator for the schema');
    validate = (request) => (whole(request) ? [] : [...(whole.errors ?? [])]);
    warm = () => {};
  }
  const compiled: CompiledSchema = {
    ajv,
    validate,
    warm,
    sectioned: sections !== undefined,
    fragment,
    compiled: true,
  };
  // Strict mode is for authors and CI: report every schema error now, not at the first submit.
  if (options.strict) warm();
  return remember(compiled);
}
