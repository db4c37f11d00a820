/**
 * One look at the schema on disk for `formulary preview`: read formulary.config.json, load the schema
 * (multi-file), lint it with the rules and settings `formulary lint` uses, and note which files it
 * read (to watch them). Never throws: a broken config or schema becomes located problems.
 * Linting a large schema takes several times as long as loading it, so a schema that loads cleanly is
 * handed to `onLoaded` before the lint runs: the page can show the new form while the findings follow.
 */
import { resolve } from 'node:path';
import { hasUnresolvedRefs, type LintDiagnostic, sortDiagnostics } from '../../schemas/index';
import { lintOpenedSchema, relativeFile } from '../commands/lintCommand';
import { isWebUrl } from '../expandPaths';
import { openSchema } from '../openSchema';
import { type CliConfig, readCliConfig } from '../readCliConfig';
import { fieldLocator } from './fieldLocator';
import type { PreviewDiagnostic, PreviewSchema } from './PreviewState';

export interface SchemaAnalysis {
  /** The schema as the page builds its form from, when it loaded and made a model. */
  readonly schema?: PreviewSchema;
  /** Why it did not load (or why the config could not be read). */
  readonly problems: PreviewDiagnostic[];
  readonly diagnostics: PreviewDiagnostic[];
  /** Absolute paths of every local file read: the schema, its $refs, the config. */
  readonly files: string[];
  /** Validates a request against the schema that loaded (for examples). */
  readonly validate?: (request: unknown) => readonly { pointer: string; message: string; rule: string }[];
}

/** The config's file:line:col message ("formulary.config.json:3:5: invalid config: ...") as a finding. */
function configProblem(error: Error, file: string): PreviewDiagnostic {
  const match = /^(.*?):(\d+):(\d+): (.*)$/s.exec(error.message);
  if (match)
    return {
      file: match[1],
      pointer: '',
      line: Number(match[2]),
      column: Number(match[3]),
      rule: 'config-error',
      severity: 'error',
      message: match[4]!,
    };
  return { file, pointer: '', rule: 'config-error', severity: 'error', message: error.message };
}

/** The schema as soon as it loaded, before its lint: what the page needs to show the new form. */
export interface LoadedForPreview {
  readonly schema: PreviewSchema;
  readonly files: string[];
  readonly validate?: SchemaAnalysis['validate'];
}

/**
 * Loads and lints `schemaPath` under the config at `configPath` (else ./formulary.config.json).
 * `onLoaded` is awaited between the two when the schema loads without problems.
 */
export async function analyseSchemaFile(
  schemaPath: string,
  configPath: string | undefined,
  cwd: string,
  onLoaded?: (loaded: LoadedForPreview) => Promise<void> | void,
): Promise<SchemaAnalysis> {
  const configFile = resolve(cwd, configPath ?? 'formulary.config.json');
  const root = isWebUrl(schemaPath) ? schemaPath : resolve(cwd, schemaPath);
  const files = [root, configFile];
  let config: CliConfig;
  try {
    config = readCliConfig(configPath, cwd);
  } catch (error) {
    return {
      problems: [configProblem(error as Error, configPath ?? 'formulary.config.json')],
      diagnostics: [],
      files,
    };
  }
  const opened = await openSchema(schemaPath, config, cwd, { forLint: true });
  if (opened.loaded)
    for (const file of opened.loaded.files.keys())
      if (!isWebUrl(file) && !files.includes(file)) files.push(file);
  const clean =
    opened.loaded && opened.model && !hasUnresolvedRefs(opened.loaded) ? opened.loaded : undefined;
  const schema: PreviewSchema | undefined = clean && {
    schema: clean.schema,
    dialect: clean.dialect,
    ...(clean.formats ? { formats: clean.formats } : {}),
    ...(clean.refs ? { refs: [...clean.refs] } : {}),
    ...(config.load.acronyms ? { acronyms: config.load.acronyms } : {}),
  };
  if (schema && onLoaded)
    await onLoaded({ schema, files, ...(opened.validate ? { validate: opened.validate } : {}) });
  const locate = opened.loaded && opened.model ? fieldLocator(opened.loaded, opened.model) : undefined;
  const shown = (d: LintDiagnostic): PreviewDiagnostic => {
    const field = locate?.(d.file, d.pointer);
    const located = relativeFile({ ...d, ...(field !== undefined ? { field } : {}) }, cwd);
    // The loader's messages name the file by its absolute path; the page shows the one beside the line.
    return d.file && located.file !== d.file
      ? { ...located, message: located.message.split(d.file).join(located.file!) }
      : located;
  };
  const all = sortDiagnostics(lintOpenedSchema(opened, config).filter((d) => config.rules[d.rule] !== 'off'));
  if (!opened.loaded || !opened.model) {
    return { problems: all.map(shown), diagnostics: [], files };
  }
  // A $ref that leads nowhere would show a field that accepts anything: the schema does not load.
  if (!schema) {
    const holes = all.filter((d) => d.rule === 'unresolved-ref');
    return {
      problems: holes.map(shown),
      diagnostics: all.filter((d) => !holes.includes(d)).map(shown),
      files,
    };
  }
  return {
    schema,
    problems: [],
    diagnostics: all.map(shown),
    files,
    ...(opened.validate ? { validate: opened.validate } : {}),
  };
}
