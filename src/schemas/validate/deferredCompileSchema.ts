/**
 * compileSchema for the embed's entry script, which leaves ajv out (vite.config.ts, embed mode, puts
 * this file where compileSchema.ts is imported): until the compiler arrives (schemaCompilerSource.ts)
 * a schema is "not compiled" and the validator checks in TypeScript, as under a policy without
 * 'unsafe-eval'; once it has arrived, every schema asked for is compiled by it and warmed, and the same
 * object answers with ajv from then on. Same signature and cache rules as compileSchema.ts.
 */

import type { Ajv as AjvInstance, ErrorObject } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Dialect } from '../FieldModel';
import type { CompiledSchema, CompileOptions } from './compileSchema';
import {
  arrivedSchemaCompiler,
  loadSchemaCompiler,
  onSchemaCompiler,
  type SchemaCompiler,
  schemaCompilerExpected,
} from './schemaCompilerSource';

export type { CompiledSchema, CompileOptions };

// Before ajv: the format checks the TypeScript path looks up (ajv-formats' "full" set, as addFormats
// registers them), from the same plain functions and patterns ajv will use.
const formatsOnly = { formats: fullFormats } as unknown as AjvInstance;

const cache = new WeakMap<object, Map<string, CompiledSchema>>();

/** A CompiledSchema that is TypeScript-only until the compiler arrives, then ajv's. O(1) until then. */
export function compileSchema(
  schema: Readonly<Record<string, unknown>>,
  dialect: Dialect,
  options: CompileOptions = {},
): CompiledSchema {
  const optionKey = `${dialect}|${options.formats ?? 'assert'}|${options.strict === true}|${(options.extraKeywords ?? []).join(',')}`;
  const hit = cache.get(schema)?.get(optionKey);
  if (hit) return hit;
  let real: CompiledSchema | undefined;
  const become = (compiler: SchemaCompiler | undefined): CompiledSchema | undefined => {
    if (!real && compiler) real = compiler(schema, dialect, options);
    return real;
  };
  const current = (): CompiledSchema | undefined => real ?? become(arrivedSchemaCompiler());
  // Arriving compiles every section now, so the first submit after it does not wait for ajv.
  if (!arrivedSchemaCompiler() && schemaCompilerExpected()) onSchemaCompiler((c) => become(c)?.warm());
  const deferred: CompiledSchema = {
    get ajv() {
      return current()?.ajv ?? formatsOnly;
    },
    validate: (request: unknown): ErrorObject[] => current()?.validate(request) ?? [],
    warm: () => current()?.warm(),
    get sectioned() {
      return current()?.sectioned ?? false;
    },
    fragment: (schemaPointer: string) => current()?.fragment(schemaPointer),
    get compiled() {
      return current()?.compiled ?? false;
    },
    whenComplete: () => {
      if (current() || !schemaCompilerExpected()) return undefined;
      return loadSchemaCompiler().then(() => undefined);
    },
  };
  let bySchema = cache.get(schema);
  if (!bySchema) {
    bySchema = new Map();
    cache.set(schema, bySchema);
  }
  bySchema.set(optionKey, deferred);
  return deferred;
}
