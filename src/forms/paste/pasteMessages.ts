/**
 * Every string the paste, copy and CSV controls of a list show, from the message catalogues
 * (src/schemas/i18n/messages, keys `paste.*`) in the form's locale: each is a function of its
 * arguments, never concatenated by a caller. Messages about a cell's content come from the schemas
 * layer's parsers.
 */
import { useMemo } from 'react';
import { listOf, type Translator, translator } from '../../schemas/index';
import { useLocale } from '../../widgets/index';

function messagesIn(locale: string, t: Translator) {
  /** "2 rows added, 3 rows written over": what a paste does to the list, as the locale writes a list. */
  const changes = (added: number, replaced: number, removed: number) =>
    listOf(locale, [
      ...(added > 0 ? [t('paste.rowsAdded', { count: added })] : []),
      ...(replaced > 0 ? [t('paste.rowsReplaced', { count: replaced })] : []),
      ...(removed > 0 ? [t('paste.rowsRemoved', { count: removed })] : []),
    ]);
  return {
    toolsLabel: (list: string) => t('paste.toolsLabel', { list }),
    pasteButton: t('paste.pasteButton'),
    pasteBoxLabel: (list: string) => t('paste.pasteBoxLabel', { list }),
    copyButton: (selected: number) =>
      selected === 0 ? t('paste.copyAll') : t('paste.copyRows', { count: selected }),
    exportButton: t('paste.exportButton'),
    importButton: t('paste.importButton'),
    importFileLabel: (list: string) => t('paste.importFileLabel', { list }),
    selectRow: (n: number) => t('paste.selectRow', { row: n }),
    copied: (n: number) => t('paste.copied', { count: n }),
    copyFailed: (why: string) => t('paste.copyFailed', { why }),
    exported: (n: number, file: string) => t('paste.exported', { count: n, file }),
    /** A file name, not a sentence: the list's label with what a file system refuses replaced. */
    csvFileName: (list: string) => `${list.replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'list'}.csv`,
    readFailed: (file: string, why: string) => t('paste.readFailed', { file, why }),

    previewTitle: (list: string) => t('paste.previewTitle', { list }),
    previewSource: (source: string) => t('paste.previewSource', { source }),
    sourceClipboard: t('paste.sourceClipboard'),
    headerFound: t('paste.headerFound'),
    noHeader: t('paste.noHeader'),
    modeLegend: t('paste.modeLegend'),
    modeAppend: (n: number) => t('paste.modeAppend', { count: n }),
    modeReplaceFrom: (row: number) => t('paste.modeReplaceFrom', { row }),
    modeReplaceAll: t('paste.modeReplaceAll'),
    planSummary: (added: number, replaced: number, removed: number, total: number) =>
      t('paste.planSummary', { changes: changes(added, replaced, removed), count: total }),
    noRows: t('paste.noRows'),
    badCells: (n: number) => t('paste.badCells', { count: n }),
    allRead: t('paste.allRead'),
    previewColumnRow: t('paste.previewColumnRow'),
    previewColumnUnread: (header: string) => t('paste.previewColumnUnread', { header }),
    previewColumnUnknown: (n: number) => t('paste.previewColumnUnknown', { column: n }),
    previewRowNew: t('paste.previewRowNew'),
    previewRowOver: (row: number) => t('paste.previewRowOver', { row }),
    previewMore: (shown: number, total: number) => t('paste.previewMore', { count: shown, total }),
    problemLine: (line: number, label: string, text: string, message: string) =>
      text === ''
        ? t('paste.problemLine', { line, label, message })
        : t('paste.problemLineText', { line, label, text, message }),
    problemsMore: (n: number) => t('paste.problemsMore', { count: n }),
    apply: (total: number) => t('paste.apply', { count: total }),
    cancel: t('paste.cancel'),

    pasted: (added: number, replaced: number, removed: number) =>
      t('paste.pasted', { changes: changes(added, replaced, removed) }),
    notRead: (n: number) => t('paste.notRead', { count: n }),
    undo: t('paste.undo'),
    undone: t('paste.undone'),
  } as const;
}

export type PasteMessages = ReturnType<typeof messagesIn>;

/** The paste words in `locale`. */
export function pasteMessages(locale: string): PasteMessages {
  return messagesIn(locale, translator(locale));
}

/** The paste words in the form's locale, built once per locale a component meets. */
export function usePasteMessages(): PasteMessages {
  const locale = useLocale();
  return useMemo(() => pasteMessages(locale), [locale]);
}
