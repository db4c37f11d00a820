/**
 * The two validators the conformance run compares on each suite group: Formulary's pipeline
 * (loadSchema -> buildFieldModel -> createValidator().validate, exactly what a form and a backend run)
 * and plain ajv of the same version and dialect class, with the same formats, as the peer. Each says
 * per test whether the data is valid, or why the schema could not be used (refused or crashed).
 */
import Ajv, { type AnySchemaObject, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Dialect } from '../../src/schemas/FieldModel';
import { loadSchema } from '../../src/schemas/load/loadSchema';
import { SchemaLoadError } from '../../src/schemas/load/SchemaLoadError';
import { buildFieldModel } from '../../src/schemas/model/buildFieldModel';
import { createValidator } from '../../src/schemas/validate/createValidator';
import { readRemote, type SuiteGroup } from './suite';

/** What one validator made of one group: per-test verdicts, or the schema's refusal or crash. */
export type GroupResult =
  | { readonly kind: 'ran'; readonly valid: readonly (boolean | 'crash')[] }
  | { readonly kind: 'refused' | 'crash'; readonly message: string };

export type Runner = (group: SuiteGroup, dialect: Dialect) => Promise<GroupResult>;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** ajv's own refusals of a schema (an unresolvable $ref, an invalid schema), as opposed to a crash. */
function isRefusal(error: unknown): boolean {
  if (error instanceof SchemaLoadError) return true;
  const m = message(error);
  return /can't resolve reference|schema is invalid|strict mode|unknown format|no schema with key/i.test(m);
}

/** Formulary: load the schema as a form would (remotes read from disk), build the model, validate. */
export function pipelineRunner(suite: string): Runner {
  return async (group, dialect) => {
    let validate: (data: unknown) => boolean;
    try {
      const loaded = await loadSchema(group.schema as object, {
        defaultDialect: dialect,
        read: async (url) => readRemote(suite, url),
      });
      const validator = createValidator(buildFieldModel(loaded));
      validate = (data) => validator.validate(data).length === 0;
    } catch (error) {
      return { kind: isRefusal(error) ? 'refused' : 'crash', message: message(error) };
    }
    return { kind: 'ran', valid: group.tests.map((t) => verdict(validate, t.data)) };
  };
}

function verdict(validate: (data: unknown) => boolean, data: unknown): boolean | 'crash' {
  try {
    return validate(data);
  } catch {
    return 'crash';
  }
}

/** Plain ajv: the dialect's class, ajv-formats, remotes through its own async loader (from disk). */
export function ajvRunner(suite: string): Runner {
  return async (group, dialect) => {
    let fn: ValidateFunction;
    try {
      const options = {
        strict: false,
        logger: false as const,
        loadSchema: async (uri: string) => JSON.parse(readRemote(suite, uri)) as AnySchemaObject,
      };
      const ajv =
        dialect === 'draft-07'
          ? new Ajv(options)
          : dialect === '2019-09'
            ? new Ajv2019(options)
            : new Ajv2020(options);
      addFormats(ajv);
      fn = await ajv.compileAsync(group.schema as AnySchemaObject);
    } catch (error) {
      return { kind: isRefusal(error) ? 'refused' : 'crash', message: message(error) };
    }
    return { kind: 'ran', valid: group.tests.map((t) => verdict((d) => fn(d) === true, t.data)) };
  };
}
