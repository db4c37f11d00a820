/**
 * Types of the schema linter: a rule, its finding, and what a rule is given. Framework-free and
 * file-free, so the CLI and Storybook's author playground run the very same rules (the caller reads files).
 */

import type { Dialect, FieldModel, SchemaDiagnostic, Severity, ValidationError } from '../FieldModel';
import type { SchemaTranslation } from '../i18n/SchemaTranslation';
import type { LocalRefResolver } from './resolvePointer';
import type { SubschemaVisit } from './walkSubschemas';

/** Where a finding points in the source files; line and column are 1-based. */
export interface LintLocation {
  readonly file?: string;
  /** JSON Pointer into that file's JSON text. */
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
}

/** One finding of the linter, in the shape `formulary lint --format json` prints. */
export interface LintDiagnostic {
  readonly file?: string;
  /** JSON Pointer into the file (or, before locate(), into the bundled schema). */
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

/** What a rule reports before the runner adds its severity and location. */
export interface RuleFinding {
  /** JSON Pointer into the bundled schema. */
  readonly schemaPointer: string;
  readonly message: string;
  /** Override the rule's default severity for this one finding (e.g. a warning-level variant). */
  readonly severity?: Severity;
}

/** Everything a rule may read. No file system: a loaded schema and, when it could be built, its model. */
export interface LintContext {
  /** The bundled schema (external refs already inlined by the loader). */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly dialect: Dialect;
  /** The FieldModel, when buildFieldModel succeeded; model rules are skipped without it. */
  readonly model?: FieldModel;
  /** Facility keyword names mapped onto ours: {'x-requires': 'theirName'}. */
  readonly aliases: Readonly<Record<string, string | readonly string[]>>;
  /** Key words that name a physical quantity and so need x-units. */
  readonly quantities: readonly string[];
  /** Value kinds that need x-units whatever their key (config `unitsRequiredFor`). */
  readonly unitsRequiredFor: readonly string[];
  /** The facility's own keywords, accepted without a warning (config `extraKeywords`). */
  readonly extraKeywords: readonly string[];
  /** Unknown keywords are errors (config `strict`). */
  readonly strict: boolean;
  /** Validates a request against this schema (the FieldModel validator), for `examples` in the schema. */
  readonly validate?: (request: unknown) => readonly ValidationError[];
  /** Every subschema of `schema`, walked once and shared by the keyword rules. */
  readonly subschemas: readonly SubschemaVisit[];
  readonly refs: LocalRefResolver;
  /** Translations of this schema (config "translations"), for translation-missing and -stale. */
  readonly translations?: readonly NamedTranslation[];
}

/** A translation file as read, with the name diagnostics give it. */
export interface NamedTranslation {
  readonly file: string;
  readonly translation: SchemaTranslation;
}

/** A lint rule: an id, a default severity, a line of docs and a check. */
export interface LintRule {
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule catches. */
  readonly description: string;
  /** Whether the rule needs the FieldModel (skipped when the model could not be built). */
  readonly needsModel?: boolean;
  check(context: LintContext): RuleFinding[];
}

/** A loaded schema as the loader returns it; only what the linter needs. */
export interface LintableSchema {
  readonly schema: Readonly<Record<string, unknown>>;
  readonly dialect: Dialect;
  readonly diagnostics?: readonly SchemaDiagnostic[];
  /** Maps a pointer into the bundled schema back to its file, pointer, line and column. */
  locate?(schemaPointer: string): LintLocation | undefined;
}

/** Per-rule severity override from configuration: 'off' silences a rule. */
export type RuleSetting = Severity | 'off';
