/**
 * What `formulary preview` sends the page (GET /api/state and each live event): the last schema that
 * loaded, the current lint findings, and why the schema on disk does not load now. Plain JSON, shared
 * by the CLI (which builds it) and the page (which reads it); no Node and no React here.
 */

/** A lint finding as the page shows it: file relative to where preview runs, 1-based line and column. */
export interface PreviewDiagnostic {
  readonly file?: string;
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  /** The request pointer of the field the finding is about (a list's pointer for its item fields). */
  readonly field?: string;
}

/** A loaded schema as buildFieldModel takes it, in JSON (refs as entries instead of a Map). */
export interface PreviewSchema {
  readonly schema: Record<string, unknown>;
  readonly dialect: string;
  readonly formats?: string;
  readonly refs?: readonly (readonly [string, string])[];
  readonly acronyms?: readonly string[];
}

/** One example request of --examples DIR. */
export interface PreviewExampleEntry {
  /** File name in DIR, e.g. "invalid-qrange.json". */
  readonly name: string;
  /** An invalid-* example, which must fail with the errors of its .expected.json. */
  readonly invalid: boolean;
}

export interface PreviewState {
  /** Grows by one at every reload; the page ignores an older state. */
  readonly revision: number;
  /** The schema file as given on the command line. */
  readonly schemaFile: string;
  /** The last schema that loaded and made a form (kept while the file on disk is broken). */
  readonly schema?: PreviewSchema;
  /** Revision of `schema`: unchanged while the file on disk does not load. */
  readonly schemaRevision: number;
  /** Why the schema (or formulary.config.json) on disk does not load now; empty when it does. */
  readonly problems: readonly PreviewDiagnostic[];
  /** Lint findings of the schema on disk (empty while it does not load). */
  readonly diagnostics: readonly PreviewDiagnostic[];
  /**
   * The schema on disk loaded and is shown, and its lint is still running: `diagnostics` are the
   * previous save's until the next state (the form is sent first, its findings follow).
   */
  readonly linting?: boolean;
  /** The language of the page's words and the form (--lang; absent: the browser's). */
  readonly locale?: string;
  /** The files watched for changes, relative. */
  readonly watching: readonly string[];
  /** Example requests of --examples DIR (absent without the flag). */
  readonly examples?: readonly PreviewExampleEntry[];
  /** The --examples DIR as given. */
  readonly examplesDir?: string;
}

/** An example request opened from the list (GET /api/examples/NAME). */
export interface PreviewExample {
  readonly name: string;
  /** The request, when the file is valid JSON. */
  readonly request?: unknown;
  /** What its .expected.json lists ([{pointer, rule}]) for an invalid-* example. */
  readonly expected?: readonly { readonly pointer: string; readonly rule: string }[];
  /** The errors the schema's validator finds in the request (absent while no schema has loaded). */
  readonly errors?: readonly { readonly pointer: string; readonly message: string; readonly rule: string }[];
  /** example-invalid findings: how the real errors differ from the expected ones (as `lint` says). */
  readonly findings: readonly PreviewDiagnostic[];
}
