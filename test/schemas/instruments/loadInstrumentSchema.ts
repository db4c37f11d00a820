/**
 * Test helpers for the shipped instrument schemas: load one through the project's loadSchema (external
 * refs bundled, $ref siblings normalised) and compile it with plain ajv in strict mode for its dialect,
 * our x- keywords registered from the vocabulary, so the files are checked outside our validator too.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { formularyKeywords, type LoadedSchema, loadSchema, uiSchemaKeys } from '../../../src/schemas/index';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** The schema at `schemaPath` (relative to the repo), loaded and bundled by loadSchema. */
export function loadInstrument(schemaPath: string): Promise<LoadedSchema> {
  return loadSchema(join(repoRoot, schemaPath));
}

/**
 * ajv (strict) for the schema's dialect, with our keywords and the ui: keys known by name and value
 * type. Their value shapes are checked separately (keywordValueErrors): the vocabulary's value schemas
 * are not all strict-clean themselves, and this test is about the instrument files.
 */
export function strictAjv(schema: Record<string, unknown>): Ajv {
  const is2020 = String(schema.$schema ?? '').includes('2020-12');
  const options = { strict: true, allErrors: true } as const;
  const ajv = is2020 ? new Ajv2020(options) : new Ajv(options);
  for (const k of [...formularyKeywords, ...uiSchemaKeys]) {
    ajv.addKeyword({ keyword: k.name, schemaType: [...k.valueTypes] });
  }
  return ajv;
}

/** Every use of one of our keywords whose value does not fit the vocabulary's value schema. */
export function keywordValueErrors(schema: unknown): string[] {
  const lax = new Ajv({ strict: false });
  const checks = new Map(
    [...formularyKeywords, ...uiSchemaKeys].map((k) => [k.name, lax.compile(k.valueSchema)] as const),
  );
  const errors: string[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) visit(n, `${at}/${i}`);
    }
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const check = checks.get(key);
      if (check && !check(value)) errors.push(`${at}/${key}: ${lax.errorsText(check.errors)}`);
      visit(value, `${at}/${key}`);
    }
  };
  visit(schema, '#');
  return errors;
}

export function compileStrict(schema: Record<string, unknown>): ValidateFunction {
  return strictAjv(schema).compile(schema);
}
