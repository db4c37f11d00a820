/**
 * Every string the paste, copy and CSV controls of a list show, in one place, so a message catalogue
 * (issue 29, languages) can take them in as they are: each is a function of its arguments, never
 * concatenated by a caller. Messages about a cell's content come from the schemas layer's parsers.
 */

const rows = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`;
/** "2 rows added, 3 rows written over": what a paste does to the list. */
const changes = (added: number, replaced: number, removed: number) =>
  [
    added > 0 ? `${rows(added)} added` : '',
    replaced > 0 ? `${rows(replaced)} written over` : '',
    removed > 0 ? `${rows(removed)} removed` : '',
  ]
    .filter(Boolean)
    .join(', ');
const cells = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'cell' : 'cells'}`;

export const pasteMessages = {
  toolsLabel: (list: string) => `Rows of ${list}`,
  pasteButton: 'Paste rows…',
  pasteBoxLabel: (list: string) =>
    `Paste rows of ${list} from a spreadsheet (tab- or comma-separated, with or without a header row)`,
  copyButton: (selected: number) => (selected === 0 ? 'Copy all rows' : `Copy ${rows(selected)}`),
  exportButton: 'Export CSV',
  importButton: 'Import CSV…',
  importFileLabel: (list: string) => `CSV file of ${list}`,
  selectRow: (n: number) => `Select row ${n}`,
  copied: (n: number) => `Copied ${rows(n)} as tab-separated text with a header row.`,
  copyFailed: (why: string) => `Could not copy to the clipboard: ${why}`,
  exported: (n: number, file: string) => `Exported ${rows(n)} to ${file}.`,
  csvFileName: (list: string) => `${list.replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'list'}.csv`,
  readFailed: (file: string, why: string) => `Could not read ${file}: ${why}`,

  previewTitle: (list: string) => `Paste into ${list}`,
  previewSource: (source: string) => `From ${source}`,
  sourceClipboard: 'the clipboard',
  headerFound: 'The first row names the columns.',
  noHeader: 'No header row: columns are taken in the order the form shows them.',
  modeLegend: 'Where the rows go',
  modeAppend: (n: number) => `Add after the ${rows(n)} already there`,
  modeReplaceFrom: (row: number) => `Write over the rows from row ${row} on`,
  modeReplaceAll: 'Replace all rows',
  planSummary: (added: number, replaced: number, removed: number, total: number) =>
    `${changes(added, replaced, removed)}; ${rows(total)} afterwards.`,
  noRows: 'The pasted text holds no rows.',
  badCells: (n: number) =>
    `${cells(n)} could not be read: marked below. Their fields keep their value (a new row's default).`,
  allRead: 'Every cell was read.',
  previewColumnRow: 'Row',
  previewColumnUnread: (header: string) => `${header} (not read)`,
  previewColumnUnknown: (n: number) => `column ${n} (not read)`,
  previewRowNew: 'new',
  previewRowOver: (row: number) => `row ${row}`,
  previewMore: (shown: number, total: number) =>
    `Showing the first ${rows(shown)} of ${total.toLocaleString('en')}; every cell that could not be read is listed.`,
  problemLine: (line: number, label: string, text: string, message: string) =>
    text === '' ? `Line ${line}, ${label}: ${message}` : `Line ${line}, ${label} ('${text}'): ${message}`,
  problemsMore: (n: number) => `and ${n.toLocaleString('en')} more`,
  apply: (total: number) => `Apply (${rows(total)})`,
  cancel: 'Cancel',

  pasted: (added: number, replaced: number, removed: number) =>
    `Pasted: ${changes(added, replaced, removed)}.`,
  notRead: (n: number) => `${cells(n)} not read (their fields kept their value):`,
  undo: 'Undo paste',
  undone: 'Paste undone: the list is as it was.',
} as const;
