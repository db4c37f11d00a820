/**
 * Sample lists from spreadsheets: pasted or CSV text read as rows of a list (each cell by its
 * column's parser, every unreadable cell reported), where they go, and a list written back as text.
 * Framework-free.
 */

export { type DelimitedErrorFacts, delimitedErrorText } from './delimitedErrorText';
export { cellText, columnHeader, listToText } from './listToText';
export { parseCell } from './parseCell';
export { headerName, type PasteColumn, pasteColumnsOf, splitUnit } from './pasteColumns';
export { type PasteMode, type PastePlan, planPaste } from './planPaste';
export { type DelimitedText, delimiterOf, readDelimited } from './readDelimited';
export {
  type PastedCell,
  type PastedRow,
  type PastedRows,
  type PasteProblem,
  pastedRowValue,
  type ReadPastedRowsOptions,
  readPastedRows,
} from './readPastedRows';
