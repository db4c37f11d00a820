/**
 * Test helpers for the linter: open a schema file the way the CLI does (loadSchema, buildFieldModel,
 * createValidator) and lint it, so rule tests exercise the real loader and model, not hand-made stubs.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildFieldModel,
  createValidator,
  diagnosticFromLoadError,
  type LintDiagnostic,
  type LintOptions,
  lintSchema,
  loadSchema,
} from '../../../src/schemas/index';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixture = (name: string) => join(repoRoot, 'test/fixtures/lint', name);

/** Loads, models and lints a schema file (or object); a model or validator that fails is left out. */
export async function lintFile(
  source: string | object,
  options: LintOptions = {},
): Promise<LintDiagnostic[]> {
  let loaded: Awaited<ReturnType<typeof loadSchema>>;
  try {
    loaded = await loadSchema(source);
  } catch (error) {
    return [diagnosticFromLoadError(error, typeof source === 'string' ? source : '<schema object>')];
  }
  let model: ReturnType<typeof buildFieldModel> | undefined;
  let validate: ((r: unknown) => ReturnType<ReturnType<typeof createValidator>['validate']>) | undefined;
  try {
    model = buildFieldModel(loaded);
    const validator = createValidator(model);
    validate = (r) => validator.validate(r);
  } catch {
    // The rules that need them are skipped; schema-valid says why.
  }
  return lintSchema(loaded, { model, validate, ...options });
}
