/**
 * Runs the lint rules on one loaded schema and returns located, sorted diagnostics. No file system:
 * the caller loads the schema (and builds the model and validator); Storybook's author playground and
 * the CLI call this same function. Loader and model diagnostics are merged in, one report per finding.
 */
import type { FieldModel, SchemaDiagnostic, Severity, ValidationError } from '../FieldModel';
import { say } from '../i18n/activeLocale';
import type {
  LintableSchema,
  LintContext,
  LintDiagnostic,
  LintRule,
  NamedTranslation,
  RuleSetting,
} from './LintDiagnostic';
import { lintRules } from './lintRules';
import { LocalRefResolver } from './resolvePointer';
import { defaultQuantities } from './rules/missingUnits';
import { walkSubschemas } from './walkSubschemas';

export interface LintOptions {
  /** The FieldModel, if it could be built; rules that need it are skipped without it. */
  readonly model?: FieldModel;
  /** Request validator, for the schema's own `examples`. */
  readonly validate?: (request: unknown) => readonly ValidationError[];
  readonly aliases?: Readonly<Record<string, string | readonly string[]>>;
  /** Replaces the quantity words of missing-units. */
  readonly quantities?: readonly string[];
  readonly unitsRequiredFor?: readonly string[];
  readonly extraKeywords?: readonly string[];
  /** Unknown keywords become errors. */
  readonly strict?: boolean;
  /** Per-rule severity, or 'off'. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Translations of the schema, checked by translation-missing and translation-stale. */
  readonly translations?: readonly NamedTranslation[];
  /** Rules to run instead of the built-in list (tests, playground). */
  readonly ruleSet?: readonly LintRule[];
}

/**
 * Loader/model diagnostic ids a lint rule covers: '' drops them (our rule reports the same thing with
 * more help), another id files them under that rule (the model drops a rule whose pointer is malformed,
 * so rule-target cannot see it: the model's report is the only one).
 */
const renamed: Readonly<Record<string, string>> = {
  'rule-target-missing': '',
  'ambiguous-choice': '',
  'bad-rule-pointer': 'rule-target',
};

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Applies a configured severity; undefined means the finding is switched off. */
function settle(rule: string, severity: Severity, settings: LintOptions['rules']): Severity | undefined {
  const setting = settings?.[rule];
  if (setting === 'off') return undefined;
  return setting ?? severity;
}

/** Lints one schema. O(schema size) for the keyword rules plus O(fields) for the model rules. */
export function lintSchema(loaded: LintableSchema, options: LintOptions = {}): LintDiagnostic[] {
  const context: LintContext = {
    schema: loaded.schema,
    dialect: loaded.dialect,
    model: options.model,
    validate: options.validate,
    aliases: options.aliases ?? {},
    quantities: options.quantities ?? defaultQuantities,
    unitsRequiredFor: options.unitsRequiredFor ?? [],
    extraKeywords: options.extraKeywords ?? [],
    strict: options.strict ?? false,
    subschemas: walkSubschemas(loaded.schema),
    refs: new LocalRefResolver(loaded.schema),
    ...(options.translations ? { translations: options.translations } : {}),
  };
  const raw: { rule: string; severity: Severity; schemaPointer: string; message: string }[] = [];
  const ours = new Set<string>();
  for (const rule of options.ruleSet ?? lintRules) {
    ours.add(rule.id);
    if (rule.needsModel && !context.model) continue;
    if (options.rules?.[rule.id] === 'off') continue;
    let findings: ReturnType<LintRule['check']>;
    try {
      findings = rule.check(context);
    } catch (error) {
      findings = [
        {
          schemaPointer: '',
          message: say('linter.ruleCrashed', { rule: rule.id, message: (error as Error).message }),
          severity: 'error',
        },
      ];
    }
    for (const f of findings)
      raw.push({
        rule: rule.id,
        severity: f.severity ?? rule.severity,
        schemaPointer: f.schemaPointer,
        message: f.message,
      });
  }
  // The loader and model report some things we check better (unknown keywords with a suggestion): keep only the rest.
  const others: readonly SchemaDiagnostic[] = [
    ...(loaded.diagnostics ?? []),
    ...(options.model?.diagnostics ?? []),
  ];
  for (const d of others) {
    const rule = renamed[d.rule] ?? d.rule;
    // A $ref the loader could not resolve (unresolvedRefs: 'report') is gone from the bundle, so the
    // unresolved-ref rule cannot see it: the loader's report is the only one.
    const onlyFromLoader = d.rule === 'unresolved-ref';
    if ((ours.has(d.rule) && !onlyFromLoader) || rule === '') continue;
    raw.push({
      rule,
      severity: d.severity,
      schemaPointer: d.location.schemaPointer,
      message: d.message,
    });
  }
  const seen = new Set<string>();
  const out: LintDiagnostic[] = [];
  for (const r of raw) {
    const severity = settle(r.rule, r.severity, options.rules);
    if (!severity) continue;
    const pointer = r.schemaPointer.startsWith('#')
      ? decodeURIComponent(r.schemaPointer.slice(1))
      : r.schemaPointer;
    const key = `${r.rule}\u0000${pointer}\u0000${r.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = loaded.locate?.(pointer);
    out.push({
      file: at?.file,
      pointer: at?.pointer ?? pointer,
      line: at?.line,
      column: at?.column,
      rule: r.rule,
      severity,
      message: r.message,
    });
  }
  return sortDiagnostics(out);
}

/** Orders by file, line, column, then severity: how an editor lists them. */
export function sortDiagnostics(diagnostics: LintDiagnostic[]): LintDiagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}
