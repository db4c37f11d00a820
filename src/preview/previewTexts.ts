/**
 * Every word the preview page shows, in one place: the `preview.*` messages of the catalogues
 * (src/schemas/i18n/messages), in the language `formulary preview --lang` sends. Functions for texts
 * that hold numbers or names; tests and docs quote the English catalogue.
 */
import { translator } from '../schemas/index';

/** The page's words in `locale` (a key the language lacks is English). */
export function previewTextsIn(locale: string | undefined) {
  const t = translator(locale);
  return {
    title: (file: string) => t('preview.title', { file }),
    connecting: t('preview.connecting'),
    disconnected: t('preview.disconnected'),
    loadFailed: (file: string) => t('preview.loadFailed', { file }),
    noSchemaYet: (file: string) => t('preview.noSchemaYet', { file }),
    reloaded: (revision: number) => t('preview.reloaded', { revision }),
    formHeading: t('preview.formHeading'),
    requestHeading: t('preview.requestHeading'),
    findingsHeading: t('preview.findingsHeading'),
    noFindings: t('preview.noFindings'),
    linting: t('preview.linting'),
    severity: (severity: string) => t('preview.severity', { severity }),
    defaultsHeading: t('preview.defaultsHeading'),
    defaultsHint: t('preview.defaultsHint'),
    watchingHeading: t('preview.watchingHeading'),
    notAppliedHeading: t('preview.notAppliedHeading'),
    dismiss: t('preview.dismiss'),
    examplesHeading: t('preview.examplesHeading'),
    examplesFrom: (dir: string) => t('preview.examplesFrom', { dir }),
    noExamples: t('preview.noExamples'),
    invalidExample: t('preview.invalidExample'),
    exampleLoading: t('preview.exampleLoading'),
    exampleImported: (name: string) => t('preview.exampleImported', { name }),
    exampleExpectedHeading: t('preview.exampleExpectedHeading'),
    exampleRealHeading: t('preview.exampleRealHeading'),
    exampleNoExpected: t('preview.exampleNoExpected'),
    exampleNoReal: t('preview.exampleNoReal'),
    exampleFindingsHeading: t('preview.exampleFindingsHeading'),
    exampleAgrees: t('preview.exampleAgrees'),
    exampleValid: t('preview.exampleValid'),
    occurred: t('preview.occurred'),
    missing: t('preview.missing'),
    unexpected: t('preview.unexpected'),
    goToField: (field: string) => t('preview.goToField', { field: field || '/' }),
  };
}

export type PreviewTexts = ReturnType<typeof previewTextsIn>;

/** The English words (what a page without --lang shows). */
export const previewTexts: PreviewTexts = previewTextsIn('en');
