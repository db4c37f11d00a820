/**
 * The text of a run-list or number-list field read as that field's value: its run limit, its integer
 * hint, and `listAs: "text"` (the request holds the list written out, normalised). One reading for the
 * widget, the react-hook-form resolver and a pasted spreadsheet cell, so all three agree.
 */
import type { FieldNode } from '../FieldModel';
import { type CoerceResult, ok } from './CoerceResult';
import { formatNumberList, parseNumberList } from './parseNumberList';
import { DEFAULT_MAX_RUNS, formatRunList, parseRunList } from './parseRunList';

/** The most runs a field accepts: its `maxRuns` hint, else its maxItems, else the default. */
export function maxRunsOf(field: FieldNode): number {
  const hinted = field.hints.maxRuns;
  if (typeof hinted === 'number' && hinted > 0) return hinted;
  return field.maxItems ?? DEFAULT_MAX_RUNS;
}

/** Non-empty text of a `runList` field as its value. */
export function parseRunListField(field: FieldNode, text: string): CoerceResult<unknown> {
  const parsed = parseRunList(text, { maxRuns: maxRunsOf(field) });
  return parsed.ok && field.listAs === 'text' ? ok(formatRunList(parsed.value)) : parsed;
}

/** Non-empty text of a `numberList` field as its value. */
export function parseNumberListField(field: FieldNode, text: string): CoerceResult<unknown> {
  const parsed = parseNumberList(text, { allowEmpty: false, integer: field.hints.integer === true });
  return parsed.ok && field.listAs === 'text' ? ok(formatNumberList(parsed.value)) : parsed;
}
