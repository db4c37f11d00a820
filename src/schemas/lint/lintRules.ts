/**
 * The lint rules, in the order their docs list them (docs/authoring.md). Adding a rule: write it in
 * rules/, add it here, add a broken fixture in test/fixtures/lint/<id>.schema.json and its docs.
 */
import type { LintRule } from './LintDiagnostic';
import { advancedNoDefault, advancedRequiredNoDefault } from './rules/advancedDefaults';
import { ambiguousOneOf } from './rules/ambiguousOneOf';
import { defaultInvalid } from './rules/defaultInvalid';
import { duplicateLabel } from './rules/duplicateLabel';
import { exampleInvalid } from './rules/exampleInvalid';
import { fieldExampleInvalid } from './rules/fieldExampleInvalid';
import { impossibleCondition } from './rules/impossibleCondition';
import { missingUnits } from './rules/missingUnits';
import { ruleTarget } from './rules/ruleTarget';
import { schemaValid } from './rules/schemaValid';
import { translationMissing, translationStale } from './rules/translationRules';
import { unitMismatch } from './rules/unitMismatch';
import { unknownKeyword } from './rules/unknownKeyword';
import { unresolvedRef } from './rules/unresolvedRef';
import { unsafePattern } from './rules/unsafePattern';

export const lintRules: readonly LintRule[] = [
  schemaValid,
  unresolvedRef,
  unknownKeyword,
  defaultInvalid,
  advancedNoDefault,
  advancedRequiredNoDefault,
  ruleTarget,
  duplicateLabel,
  missingUnits,
  unitMismatch,
  unsafePattern,
  ambiguousOneOf,
  impossibleCondition,
  exampleInvalid,
  fieldExampleInvalid,
  translationMissing,
  translationStale,
];

/** Ids of findings that do not come from a rule above: the schema could not be loaded or modelled. */
export const systemRules: Readonly<Record<string, string>> = {
  'load-error': 'The schema file could not be read or parsed (invalid JSON, missing file).',
  'model-error': 'The form model could not be built from the schema.',
};
