/**
 * Spreadsheet text as rows of cells, with Papa Parse (RFC 4180 quoting: a cell may hold the
 * delimiter, quotes or a line break), never a split of our own. A spreadsheet's copy is tab-separated;
 * a CSV file comma- or, from a decimal-comma locale, semicolon-separated. An empty line (the copy's
 * trailing newline) is not a row; a line of empty cells (",,,", an exported row left blank) is.
 * No React, no DOM.
 */
import Papa from 'papaparse';
import { delimitedErrorText } from './delimitedErrorText';

export interface DelimitedText {
  /** Each row's cells, with the 1-based line of the text it starts on. */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
  readonly delimiter: '\t' | ',' | ';';
  /** What the parser could not read as written (a quote left open), by line, in the active locale's words. */
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

/**
 * The delimiter of `text`: a tab wherever one occurs (cells such as "88980-88985,88990" hold commas),
 * else a semicolon when the first line has one and no comma, else a comma.
 */
export function delimiterOf(text: string): DelimitedText['delimiter'] {
  if (text.includes('\t')) return '\t';
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first.includes(';') && !first.includes(',') ? ';' : ',';
}

/**
 * Reads delimited text into rows. O(length of text).
 * @example readDelimited('a\tb\n1\t2\n').rows // [{line: 1, cells: ['a', 'b']}, {line: 2, cells: ['1', '2']}]
 */
export function readDelimited(text: string, delimiter = delimiterOf(text)): DelimitedText {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows: { line: number; cells: string[] }[] = [];
  const lines: number[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    const start = line;
    lines.push(start);
    // A quoted cell may span lines: the next row starts after them.
    for (const cell of cells) line += cell.split('\n').length - 1;
    line += 1;
    if (cells.length > 1 || cells[0]?.trim()) rows.push({ line: start, cells });
  }
  const errors = parsed.errors.map((e) => ({
    line: lines[e.row ?? 0] ?? 1,
    message: delimitedErrorText({
      code: e.code,
      cells: parsed.data[e.row ?? 0]?.length,
      expected: parsed.data[0]?.length,
      delimiter,
    }),
  }));
  return { rows, delimiter, errors };
}
