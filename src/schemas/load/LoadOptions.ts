/**
 * Options of loadSchema and the shape of formulary.config.json (the CLI's --config FILE). Types only,
 * plus the check that turns a parsed config into options with errors naming the bad field.
 * docs/vocabulary.md documents every field.
 */
import type { Dialect, FormatPolicy, SchemaDiagnostic } from '../FieldModel';
import type { ReadText } from './documentUrl';

/** Settings a facility keeps in formulary.config.json; every field optional. */
export interface FormularyConfig {
  /** Our keyword -> the facility's name(s) for it, e.g. {"x-requires": "needs"}; renamed while loading. */
  readonly aliases?: Readonly<Record<string, string | readonly string[]>>;
  /** Unknown keywords become errors instead of warnings. */
  readonly strict?: boolean;
  /**
   * What `format` does in a draft-07 schema: "assert" (the default, as ajv does) refuses a value that is
   * not of its format; "annotate" only describes it, for a facility whose backend never checks formats.
   * In 2019-09 and 2020-12 `format` is an annotation, as those dialects say.
   */
  readonly formats?: FormatPolicy;
  /** Dialect of schemas without `$schema` (default "2020-12"). */
  readonly defaultDialect?: Dialect;
  /** The facility's own keywords that are neither JSON Schema nor ours: accepted without a warning. */
  readonly extraKeywords?: readonly string[];
  /** For the linter: value kinds ("number", "integer", "numberList", "binning") that must carry x-units. */
  readonly unitsRequiredFor?: readonly string[];
  /** For labels derived from keys: extra acronyms kept in capitals, e.g. ["IPTS", "TOF"]. */
  readonly acronyms?: readonly string[];
}

export interface LoadOptions extends FormularyConfig {
  /** Base URL (or file path) an object source's relative $refs resolve against. */
  readonly baseUrl?: string | URL;
  /** Replaces the reader of documents by URL (default: fs for file:, fetch for http(s)). */
  readonly read?: ReadText;
  /**
   * What a $ref that cannot be resolved does: 'throw' (the default) stops the load with a
   * SchemaLoadError; 'report' (the linter) makes it an `unresolved-ref` error diagnostic and drops the
   * $ref, so the rest of the schema can still be checked. Never 'report' for a form or a validator:
   * the node would then accept anything.
   */
  readonly unresolvedRefs?: 'throw' | 'report';
}

/** Where a node of the bundled schema was written. */
export interface SourceLocation {
  /** File path (for files) or URL it was read from; for an object source, its baseUrl or "<schema object>". */
  readonly file: string;
  /** JSON Pointer inside that file (the nearest node present there). */
  readonly pointer: string;
  /** 1-based line and column of the node's `"key":` (or its value at the top). */
  readonly line: number;
  readonly column: number;
}

export interface LoadedSchema {
  /** One self-contained schema: external refs internalised, `$ref` siblings normalised, aliases applied. */
  readonly schema: Record<string, unknown>;
  readonly dialect: Dialect;
  /** What `format` does for this schema: from its dialect and the `formats` option. */
  readonly formats?: FormatPolicy;
  readonly diagnostics: readonly SchemaDiagnostic[];
  /**
   * Only when the schema uses dynamic references and its `$ref`s stay as written: each `$ref` site's
   * pointer -> its target's pointer, both in `schema` ("#/..."), for the model to follow.
   */
  readonly refs?: ReadonlyMap<string, string>;
  /** Each file/URL read -> its text (an object source appears as its pretty-printed JSON). */
  readonly files: ReadonlyMap<string, string>;
  /** Name of the root document (a key of `files`). */
  readonly rootFile: string;
  /** Maps a pointer in `schema` ("/a/b" or "#/a/b") to where it was written; undefined if not in `schema`. */
  locate(schemaPointer: string): SourceLocation | undefined;
}
