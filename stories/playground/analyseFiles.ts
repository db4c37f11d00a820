/**
 * The author playground's pipeline, without React: load the in-memory files as one multi-file schema
 * (refs between them read from the list via loadSchema's `read`), build the model and validator, and
 * lint with the very rules the CLI runs. Never throws: every failure is a located diagnostic.
 */
import {
  buildFieldModel,
  createValidator,
  diagnosticFromLoadError,
  type FieldModel,
  hasUnresolvedRefs,
  type LintDiagnostic,
  lintSchema,
  loadSchema,
  type ValidationError,
} from '../../src/schemas/index';

/** One named text area of the playground. The first file is the schema's entry. */
export interface PlaygroundFile {
  readonly name: string;
  readonly text: string;
}

export interface PlaygroundAnalysis {
  /** The form model, when the schema loaded and could be modelled. */
  readonly model?: FieldModel;
  /** Lint findings with `file` as a name from the list (not a URL) and 1-based line:col. */
  readonly diagnostics: readonly LintDiagnostic[];
}

/** Where the playground's files live for the loader: relative refs resolve between them. */
export const playgroundBase = 'memory:/playground/';

/** A loader URL back to its name in the file list. */
export function fileNameOf(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  return file.startsWith(playgroundBase) ? decodeURIComponent(file.slice(playgroundBase.length)) : file;
}

/** Loads, models, compiles and lints the files. O(schema size) plus ajv's compile. */
export async function analyseFiles(files: readonly PlaygroundFile[]): Promise<PlaygroundAnalysis> {
  const root = files[0];
  if (!root) {
    return {
      diagnostics: [
        {
          pointer: '',
          rule: 'load-error',
          severity: 'error',
          message: 'add a file: the first one is the schema',
        },
      ],
    };
  }
  const read = async (url: string): Promise<string> => {
    const name = fileNameOf(url);
    const file = files.find((f) => f.name === name);
    if (!file) {
      throw new Error(
        `no file named "${name}" in the list (there are: ${files.map((f) => f.name).join(', ')})`,
      );
    }
    return file.text;
  };
  const relocate = (d: LintDiagnostic): LintDiagnostic => ({ ...d, file: fileNameOf(d.file) ?? root.name });

  let loaded: Awaited<ReturnType<typeof loadSchema>>;
  try {
    // Every broken $ref is listed, as `formulary lint` does; the form is then not shown (see below).
    loaded = await loadSchema(playgroundBase + encodeURIComponent(root.name), {
      read,
      unresolvedRefs: 'report',
    });
  } catch (error) {
    return { diagnostics: [relocate(diagnosticFromLoadError(error, root.name))] };
  }
  let model: FieldModel;
  try {
    model = buildFieldModel(loaded);
  } catch (error) {
    const problem: LintDiagnostic = {
      file: root.name,
      pointer: '',
      line: 1,
      column: 1,
      rule: 'model-error',
      severity: 'error',
      message: `cannot build the form model: ${(error as Error).message}`,
    };
    return { diagnostics: [problem, ...lintSchema(loaded).map(relocate)] };
  }
  let validate: ((request: unknown) => readonly ValidationError[]) | undefined;
  try {
    const validator = createValidator(model);
    validate = (request) => validator.validate(request);
  } catch {
    // Reported by the schema-valid and unsafe-pattern rules below, as in the CLI.
  }
  const diagnostics = lintSchema(loaded, { model, validate }).map(relocate);
  // A schema with a $ref that leads nowhere would show a field that accepts anything: no form.
  const holes = hasUnresolvedRefs(loaded);
  return holes ? { diagnostics } : { model, diagnostics };
}
