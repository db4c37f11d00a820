/**
 * Text pasted from a spreadsheet (or read from a CSV file) as rows of a list: columns matched by a
 * header row (a field's label or key, any case, its unit in brackets left out) or, without one, by
 * position; each cell read by its column's own parser (parseCell). Every cell that cannot be read is
 * returned with its line, column and reason, never dropped silently; so is a header cell naming no
 * field, a cell past the last column, and a column whose header gives another unit than the field's.
 * No React, no DOM: the form, the CLI or a backend can read a sample list alike.
 */
import type { ListNode } from '../FieldModel';
import { say } from '../i18n/activeLocale';
import { setAt } from '../pointer';
import { parseCell } from './parseCell';
import { headerName, type PasteColumn, pasteColumnsOf, splitUnit } from './pasteColumns';
import { readDelimited } from './readDelimited';

/** A cell read as its column's value (undefined: left unset). */
export interface PastedCell {
  readonly column: PasteColumn;
  readonly text: string;
  readonly value: unknown;
}

export interface PastedRow {
  /** 1-based line of the pasted text the row starts on. */
  readonly line: number;
  /** The row's cells as pasted, by pasted column. */
  readonly texts: readonly string[];
  /** The cells that were read, in column order. */
  readonly cells: readonly PastedCell[];
  /** Why a cell could not be read, by pasted column (0-based). */
  readonly errors: ReadonlyMap<number, string>;
}

/** A cell (or a header cell, or the text itself) that could not be read. */
export interface PasteProblem {
  readonly line: number;
  /** 1-based column of the pasted text; 0 for the text as a whole. */
  readonly column: number;
  /** The column's field label, else the header text or "column n". */
  readonly label: string;
  readonly text: string;
  readonly message: string;
}

export interface PastedRows {
  /** Whether the first row was read as a header. */
  readonly header: boolean;
  /** The header row's cells ([] without one). */
  readonly headers: readonly string[];
  /** The list column each pasted column fills; null where none. */
  readonly columns: readonly (PasteColumn | null)[];
  readonly rows: readonly PastedRow[];
  readonly problems: readonly PasteProblem[];
}

export interface ReadPastedRowsOptions {
  /** true or false to say whether the first row names the columns; by default it is detected. */
  readonly header?: boolean;
}

/** Which list column each header cell names (null: none), plus why a column is not read. */
function matchHeader(columns: readonly PasteColumn[], cells: readonly string[]) {
  const taken = new Set<PasteColumn>();
  return cells.map((cell) => {
    const name = headerName(cell);
    if (name === '') return { column: null, why: undefined };
    const column = columns.find((c) => !taken.has(c) && c.names.includes(name)) ?? null;
    if (!column) {
      const twice = columns.some((c) => c.names.includes(name));
      return {
        column: null,
        why: twice ? say('paste.read.secondColumn') : undefined,
      };
    }
    taken.add(column);
    const unit = splitUnit(cell).unit;
    const own = column.field.units;
    if (unit !== undefined && own !== undefined && unit.toLowerCase() !== own.toLowerCase())
      return { column, why: say('paste.read.columnUnit', { unit, label: column.label, own }) };
    return { column, why: undefined };
  });
}

/**
 * Whether a first row names columns: at least one of its cells does, and at least half of its
 * non-empty cells do (a sample row rarely holds a field's name; a header row with a note may).
 */
function looksLikeHeader(columns: readonly PasteColumn[], cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  const named = filled.filter((c) => columns.some((col) => col.names.includes(headerName(c))));
  return named.length > 0 && named.length * 2 >= filled.length;
}

/**
 * Reads `text` as rows of `list`. O(cells), plus the parsers' own cost (a run range: O(runs)).
 * @example readPastedRows(scans, 'Run number\tThickness (cm)\n88980-88982\t0.2').rows[0].cells.length // 2
 */
export function readPastedRows(
  list: ListNode,
  text: string,
  options: ReadPastedRowsOptions = {},
): PastedRows {
  const listColumns = pasteColumnsOf(list);
  const delimited = readDelimited(text);
  const problems: PasteProblem[] = delimited.errors.map((e) => ({
    line: e.line,
    column: 0,
    label: list.label,
    text: '',
    message: e.message,
  }));
  const first = delimited.rows[0];
  const header = first !== undefined && (options.header ?? looksLikeHeader(listColumns, first.cells));
  let columns: (PasteColumn | null)[];
  // Columns whose every cell is refused, with the reason (a unit other than the field's).
  const refused = new Map<number, string>();
  if (header && first) {
    const matched = matchHeader(listColumns, first.cells);
    columns = matched.map((m) => m.column);
    matched.forEach((m, i) => {
      const cell = first.cells[i]!;
      if (m.column && m.why) refused.set(i, m.why);
      if (cell.trim() !== '' && (!m.column || m.why))
        problems.push({
          line: first.line,
          column: i + 1,
          label: cell,
          text: cell,
          message: m.why ?? say('paste.read.noColumn', { list: list.label, name: cell }),
        });
    });
  } else {
    const widest = Math.max(0, ...delimited.rows.map((r) => r.cells.length));
    columns = Array.from({ length: widest }, (_, i) => listColumns[i] ?? null);
  }

  const rows: PastedRow[] = [];
  for (const row of header ? delimited.rows.slice(1) : delimited.rows) {
    const cells: PastedCell[] = [];
    const errors = new Map<number, string>();
    row.cells.forEach((cell, i) => {
      const column = columns[i] ?? null;
      const problem = (label: string, message: string) => {
        errors.set(i, message);
        problems.push({ line: row.line, column: i + 1, label, text: cell, message });
      };
      if (column === null) {
        // Only a cell with text is lost: say so when there is no column to take it.
        if (cell.trim() !== '' && !header)
          problem(
            say('paste.read.columnN', { n: i + 1 }),
            say('paste.read.extraCell', { list: list.label, count: listColumns.length }),
          );
        return;
      }
      const why = refused.get(i);
      if (why !== undefined) {
        problem(column.label, why);
        return;
      }
      const read = parseCell(column.field, cell);
      if (read.ok) cells.push({ column, text: cell, value: read.value });
      else problem(column.label, read.message);
    });
    rows.push({ line: row.line, texts: row.cells, cells, errors });
  }
  return { header, headers: header && first ? first.cells : [], columns, rows, problems };
}

/**
 * A pasted row as a list item holding only its read cells: what a CSV import compares with the list.
 * Unset cells are left out. O(cells x depth).
 */
export function pastedRowValue(row: PastedRow): unknown {
  let item: unknown = {};
  for (const cell of row.cells) {
    if (cell.value === undefined) continue;
    if (cell.column.path === '') return cell.value;
    item = setAt(item, cell.column.path, cell.value);
  }
  return item;
}
