/**
 * A list's rows as spreadsheet text: a header row of the paste columns' labels (units in
 * parentheses, so the text pastes back into the same list) and one row per item, each value written
 * as its widget shows it ("88980-88985, 88990", "" for unset). Tab-separated for the clipboard,
 * comma-separated CSV (RFC 4180, CRLF) for files, both written by Papa Parse. No React, no DOM.
 */
import Papa from 'papaparse';
import { formatNumberList } from '../coerce/parseNumberList';
import { formatRunList } from '../coerce/parseRunList';
import type { FieldNode, ListNode } from '../FieldModel';
import { getAt } from '../pointer';
import { type PasteColumn, pasteColumnsOf } from './pasteColumns';

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

/** A value as cell text. O(value size). */
export function cellText(field: FieldNode, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (field.kind === 'runList' && isNumbers(value)) return formatRunList(value);
  if ((field.kind === 'numberList' || field.kind === 'binning') && isNumbers(value))
    return formatNumberList(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A column's header: its label, then its unit in parentheses. */
export function columnHeader(column: PasteColumn): string {
  return column.field.units ? `${column.label} (${column.field.units})` : column.label;
}

/**
 * `items` (the list's value, or some of its rows) as text with a header row. O(cells).
 * @example listToText(scans, [{runNumber: '1-3', thickness: 0.1}], '\t') // 'Run number\tThickness (cm)\n1-3\t0.1'
 */
export function listToText(list: ListNode, items: readonly unknown[], delimiter: '\t' | ','): string {
  const columns = pasteColumnsOf(list);
  const data = items.map((item) =>
    columns.map((c) => {
      const value = c.path === '' ? item : getAt(item, c.path);
      return cellText(c.field, value);
    }),
  );
  return Papa.unparse(
    { fields: columns.map(columnHeader), data },
    { delimiter, newline: delimiter === ',' ? '\r\n' : '\n' },
  );
}
