/**
 * The schema linter's public face: lintSchema, the rule list, example checking and JSON locating.
 * Framework-free and file-free: the CLI and the Storybook author playground share it.
 */
export { analysePattern, type PatternVerdict } from './analysePattern';
export { diagnosticFromLoadError } from './diagnosticFromLoadError';
export type {
  LintableSchema,
  LintContext,
  LintDiagnostic,
  LintLocation,
  LintRule,
  NamedTranslation,
  RuleFinding,
  RuleSetting,
} from './LintDiagnostic';
export { type ExpectedError, lintExample, parseExpectedErrors } from './lintExample';
export { lintRules, systemRules } from './lintRules';
export { type LintOptions, lintSchema, sortDiagnostics } from './lintSchema';
export { locateInJson } from './locateInJson';
export { defaultQuantities, quantityOf } from './rules/missingUnits';
export { suggestKeyword } from './suggestKeyword';
