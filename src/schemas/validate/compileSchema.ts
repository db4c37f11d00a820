/**
 * ajv for one schema: the right class for the dialect (Ajv for draft-07, Ajv2019, Ajv2020), ajv-formats,
 * our x- and ui: keywords registered as annotations (so strict mode still rejects typos), patterns
 * run through safeRegExp. Compiled once per schema object and cached (WeakMap): a keystroke never compiles.
 * Fragments ("#/properties/a/if") are compiled lazily from the same root, so their $refs resolve.
 */
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Dialect } from '../FieldModel';
import { acceptedExtraKeywords, formularyKeywords, uiSchemaKeys } from '../vocabulary';
import { safeRegExp } from './safePattern';

export interface CompileOptions {
  /** Unknown keywords throw (ajv strictSchema). Default false: a facility's own keywords must not stop its form. */
  readonly strict?: boolean;
  /** Extra keyword names to accept as annotations (a facility's own names mapped onto ours). */
  readonly extraKeywords?: readonly string[];
}

export interface CompiledSchema {
  readonly ajv: Ajv;
  /** Validates a whole request. */
  readonly validate: ValidateFunction;
  /** A validator for the subschema at a "#/..." location of the same root (cached), or undefined if absent. */
  fragment(schemaPointer: string): ValidateFunction | undefined;
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
    validateSchema: options.strict === true,
    logger: false,
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

const cache = new WeakMap<object, Map<string, CompiledSchema>>();
let counter = 0;

/**
 * The compiled validator of `schema` (a bundled schema object), from the cache when compiled before.
 * One ajv instance per compiled schema: a schema's `$id` can then never clash with another version of
 * the same schema loaded in the same page (the author playground recompiles on each edit).
 * Throws ajv's error (naming the keyword and location) when the schema does not compile.
 */
export function compileSchema(
  schema: Readonly<Record<string, unknown>>,
  dialect: Dialect,
  options: CompileOptions = {},
): CompiledSchema {
  const optionKey = `${dialect}|${options.strict === true}|${(options.extraKeywords ?? []).join(',')}`;
  let bySchema = cache.get(schema);
  const hit = bySchema?.get(optionKey);
  if (hit) return hit;
  const ajv = createAjv(dialect, options);
  const key = `formulary-${++counter}`;
  ajv.addSchema(schema as Record<string, unknown>, key);
  const validate = ajv.getSchema(key);
  if (!validate) throw new Error('ajv returned no validator for the schema');
  const fragments = new Map<string, ValidateFunction | undefined>();
  const compiled: CompiledSchema = {
    ajv,
    validate,
    fragment(schemaPointer) {
      if (fragments.has(schemaPointer)) return fragments.get(schemaPointer);
      let fn: ValidateFunction | undefined;
      try {
        fn = schemaPointer === '#' ? validate : ajv.getSchema(`${key}${schemaPointer}`);
      } catch {
        fn = undefined;
      }
      fragments.set(schemaPointer, fn);
      return fn;
    },
  };
  if (!bySchema) {
    bySchema = new Map();
    cache.set(schema, bySchema);
  }
  bySchema.set(optionKey, compiled);
  return compiled;
}
