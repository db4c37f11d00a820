/**
 * Every word the preview page shows, from the message catalogues (keys `preview.*`) in the page's
 * language: `formulary preview --lang fr` (or FORMULARY_LANG/LANG) opens the page with ?lang=fr.
 * Functions for texts that hold numbers or names; tests and docs quote the same strings.
 */
import { type Translator, translator } from '../schemas/index';

function textsIn(t: Translator) {
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
  } as const;
}

export type PreviewTexts = ReturnType<typeof textsIn>;

/** The page's language: ?lang= (set by the CLI from --lang or the environment), else English. */
export function previewLocale(search: string = globalThis.location?.search ?? ''): string {
  return new URLSearchParams(search).get('lang') || 'en';
}

/** The preview words in `locale`. */
export function previewTextsIn(locale: string): PreviewTexts {
  return textsIn(translator(locale));
}

/** The preview words in the page's language (the page never changes it while open). */
export const previewTexts: PreviewTexts = previewTextsIn(previewLocale());
