/**
 * Rules translation-missing and translation-stale: a translation named for the schema in
 * formulary.config.json ("translations") must give every text of the form a user sees (titles, derived
 * labels included, descriptions, enum labels, x-messages, branch labels), and must name nothing the
 * schema no longer has (a field renamed or removed leaves its translation behind). Missing is a warning
 * (the form falls back to the schema's text); stale is an error (the translation is out of date).
 */

import type { FieldModel } from '../../FieldModel';
import { say } from '../../i18n/index';
import { staleTranslationKeys, translatableTexts, translatedText } from '../../i18n/translationTexts';
import type { LintRule, RuleFinding } from '../LintDiagnostic';

export const translationMissing: LintRule = {
  id: 'translation-missing',
  severity: 'warning',
  description: 'A translation of the schema lacks a title, description, enum label, message or branch label.',
  needsModel: true,
  check(context) {
    const findings: RuleFinding[] = [];
    for (const { file, translation } of context.translations ?? []) {
      for (const t of translatableTexts(context.model!)) {
        if (translatedText(translation, t.node.pointer, t.part) !== undefined) continue;
        findings.push({
          schemaPointer: t.node.location.schemaPointer,
          message: say('linter.translationMissing', {
            file,
            locale: translation.locale,
            part: t.part,
            pointer: t.node.pointer || '/',
            text: t.text,
            key: t.node.pointer,
            shape: describePart(t.part),
          }),
        });
      }
    }
    return findings;
  },
};

export const translationStale: LintRule = {
  id: 'translation-stale',
  severity: 'error',
  description:
    'A translation of the schema names a field, enum value, message or branch the schema no longer has.',
  needsModel: true,
  check(context) {
    const findings: RuleFinding[] = [];
    for (const { file, translation } of context.translations ?? []) {
      for (const key of staleTranslationKeys(context.model!, translation)) {
        findings.push({
          schemaPointer: nearestLocation(context.model!, key.split(' ')[0]!),
          message: say('linter.translationStale', { file, locale: translation.locale, key }),
        });
      }
    }
    return findings;
  },
};

/**
 * Where in the schema a stale key belongs: the nearest node the schema still has on its pointer's path
 * (the field of a stale enum label, the group a removed field was in), so the finding points near it.
 */
function nearestLocation(model: FieldModel, pointer: string): string {
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const node = model.byPointer.get(p);
    if (node) return node.location.schemaPointer;
  }
  return model.root.location.schemaPointer;
}

/** The JSON an author adds for a part: "title": "…", "enum": {"linear": "…"}. */
function describePart(part: string): string {
  const slash = part.indexOf('/');
  if (slash < 0) return `"${part}": "…"`;
  return `"${part.slice(0, slash)}": {"${part.slice(slash + 1)}": "…"}`;
}
