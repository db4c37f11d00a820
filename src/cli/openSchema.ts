/**
 * Opens a schema for a command: load and bundle it (multi-file), build its FieldModel and validator.
 * Failures become diagnostics naming file:line:col (a broken ref is `unresolved-ref`, anything else
 * the loader rejects is `load-error`, a model that cannot be built is `model-error`), so `lint` can
 * report them with everything else and the other commands can print them and exit 1.
 */

import { resolve } from 'node:path';
import {
  buildFieldModel,
  createValidator,
  diagnosticFromLoadError,
  type FieldModel,
  type LintDiagnostic,
  type LoadedSchema,
  loadSchema,
  type ValidationError,
} from '../schemas/index';
import { cliLocale } from './cliLocale';
import { isWebUrl } from './expandPaths';
import type { CliConfig } from './readCliConfig';

export interface OpenedSchema {
  readonly path: string;
  readonly loaded?: LoadedSchema;
  readonly model?: FieldModel;
  readonly validate?: (request: unknown) => readonly ValidationError[];
  /**
   * Why the validator did not compile. Kept apart from `problems`: it is most often a consequence of
   * a schema-valid or unsafe-pattern finding, which `lint` reports better.
   */
  readonly validatorProblem?: LintDiagnostic;
  /** Why it could not be fully opened (empty when all went well). */
  readonly problems: LintDiagnostic[];
}

/**
 * Loads, models and compiles one schema file (relative paths against `cwd`, not the process's, so
 * the CLI can run in-process too); never throws for problems in the file. `forLint`: a $ref that
 * cannot be resolved is a diagnostic in `loaded` and the rest still loads (the schemas layer's hasUnresolvedRefs).
 */
export async function openSchema(
  path: string,
  config: CliConfig,
  cwd: string,
  options: { forLint?: boolean; locale?: string } = {},
): Promise<OpenedSchema> {
  const problems: LintDiagnostic[] = [];
  let loaded: LoadedSchema;
  try {
    // lint reports every $ref it cannot resolve and checks the rest; the other commands stop at one.
    const load = options.forLint ? { ...config.load, unresolvedRefs: 'report' as const } : config.load;
    loaded = await loadSchema(isWebUrl(path) ? path : resolve(cwd, path), load);
  } catch (error) {
    return { path, problems: [diagnosticFromLoadError(error, path, options.locale ?? cliLocale())] };
  }
  let model: FieldModel | undefined;
  try {
    model = buildFieldModel(loaded, config.load.acronyms ? { acronyms: config.load.acronyms } : {});
  } catch (error) {
    problems.push({
      file: loaded.rootFile,
      pointer: '',
      line: 1,
      column: 1,
      rule: 'model-error',
      severity: 'error',
      message: `cannot build the form model: ${(error as Error).message}`,
    });
    return { path, loaded, problems };
  }
  let validate: OpenedSchema['validate'];
  let validatorProblem: LintDiagnostic | undefined;
  try {
    const validator = createValidator(model);
    validate = (request) => validator.validate(request);
  } catch (error) {
    validatorProblem = {
      file: loaded.rootFile,
      pointer: '',
      line: 1,
      column: 1,
      rule: 'model-error',
      severity: 'error',
      message: `cannot compile the validator: ${(error as Error).message}`,
    };
  }
  return { path, loaded, model, validate, validatorProblem, problems };
}
