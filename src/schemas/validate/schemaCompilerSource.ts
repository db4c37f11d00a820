/**
 * Where a schema compiler that arrives later is announced: the embed's entry script registers how to
 * fetch ajv (a second file), and the embed's stand-in for compileSchema (deferredCompileSchema.ts)
 * asks here for it. No ajv and no DOM: the fetching is the caller's. Where code cannot be compiled
 * (a Content-Security-Policy without 'unsafe-eval') nothing is ever loaded, since ajv could not run.
 */

import type { Dialect } from '../FieldModel';
import { codeEvaluationAllowed } from './codeEvaluation';
import type { CompiledSchema, CompileOptions } from './compileSchema';

/** compileSchema's signature: what the late file hands over. */
export type SchemaCompiler = (
  schema: Readonly<Record<string, unknown>>,
  dialect: Dialect,
  options?: CompileOptions,
) => CompiledSchema;

/** Fetches the compiler; resolves undefined (after saying why, itself) when it cannot be had. */
export type SchemaCompilerLoader = () => Promise<SchemaCompiler | undefined>;

let loader: SchemaCompilerLoader | undefined;
let arrival: Promise<SchemaCompiler | undefined> | undefined;
let arrived: SchemaCompiler | undefined;
const waiting = new Set<(compiler: SchemaCompiler | undefined) => void>();

/** Registers how the compiler is fetched; fetching starts with loadSchemaCompiler(). O(1). */
export function setSchemaCompilerLoader(load: SchemaCompilerLoader): void {
  loader = load;
}

/** True once a loader is registered: compileSchema's stand-in then waits for it instead of giving up. */
export function schemaCompilerExpected(): boolean {
  return loader !== undefined && codeEvaluationAllowed();
}

/** The compiler, once it has arrived. */
export function arrivedSchemaCompiler(): SchemaCompiler | undefined {
  return arrived;
}

/**
 * Starts fetching the compiler (once; later calls return the same promise) and resolves when it has
 * arrived, or undefined when none is registered, code cannot be compiled here, or the fetch failed.
 */
export function loadSchemaCompiler(): Promise<SchemaCompiler | undefined> {
  if (arrival) return arrival;
  const load = schemaCompilerExpected() ? loader : undefined;
  arrival = (load ? load() : Promise.resolve(undefined)).then(
    (compiler) => compiler,
    () => undefined,
  );
  arrival = arrival.then((compiler) => {
    arrived = compiler;
    for (const notify of waiting) {
      try {
        notify(compiler);
      } catch {
        // A schema ajv refuses: its validator says so when it is next used (compileSchema throws
        // there, as it would have without the wait); the wait itself always settles.
      }
    }
    waiting.clear();
    return compiler;
  });
  return arrival;
}

/** Calls `notify` when the compiler arrives (or is known not to come). Returns an unsubscribe. */
export function onSchemaCompiler(notify: (compiler: SchemaCompiler | undefined) => void): () => void {
  waiting.add(notify);
  return () => waiting.delete(notify);
}
