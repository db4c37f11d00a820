/**
 * One spreadsheet cell read as its column's value, the way the field's widget reads typed text (run
 * ranges, number lists, binning, dates), plus what spreadsheets write that nobody types in a form: a
 * number followed by its unit ("0.5 cm"), TRUE/FALSE, and an option by its label. An empty cell is
 * null where the field takes null, empty text in a text field, unset where the field is optional, and
 * an error where a value is needed.
 * Nothing is guessed: a unit other than the field's is refused, not converted. No React, no DOM.
 */
import { type CoerceResult, fail, ok } from '../coerce/CoerceResult';
import { checkBinning } from '../coerce/parseBinning';
import { parseDateTime } from '../coerce/parseDateTime';
import { parseJsonText } from '../coerce/parseJsonText';
import { parseNumberListField, parseRunListField } from '../coerce/parseListField';
import { parseNumber } from '../coerce/parseNumber';
import type { FieldNode } from '../FieldModel';
import { say } from '../i18n/activeLocale';

/** The value of a cell that leaves its field unset (absent from the request). */
export const UNSET: undefined = undefined;

const sameUnit = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A number with a unit after it: "0.5 cm", "300K", "-30 degrees". */
const WITH_UNIT = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([^\d\s.,+-].*)$/;

/** A number, its unit taken off when it is the field's own. */
function numberCell(field: FieldNode, text: string): CoerceResult<unknown> {
  const integer = field.kind === 'integer';
  let digits = text;
  const unit = WITH_UNIT.exec(text);
  if (unit && field.units !== undefined) {
    if (!sameUnit(unit[2]!, field.units))
      return fail(say('paste.cell.unit', { text, unit: unit[2]!, label: field.label, own: field.units }));
    digits = unit[1]!;
  }
  const parsed = parseNumber(digits, { integer, units: field.units });
  if (parsed.ok || field.coercion !== 'numberFromText') return parsed;
  // A number | text union: the schema's own text form is a value too (as NumberInput reads it).
  const pattern = field.hints.textPattern;
  if (typeof pattern === 'string') {
    try {
      if (new RegExp(pattern, 'u').test(text)) return ok(text);
    } catch {
      // An unusable pattern: the number's own message stands.
    }
  }
  return parsed;
}

function booleanCell(text: string): CoerceResult<unknown> {
  const word = text.toLowerCase();
  if (['true', 'yes', '1'].includes(word)) return ok(true);
  if (['false', 'no', '0'].includes(word)) return ok(false);
  return fail(say('paste.cell.boolean', { text }));
}

function enumCell(field: FieldNode, text: string): CoerceResult<unknown> {
  const values = field.enum ?? [];
  const exact = values.findIndex((v) => String(v) === text);
  if (exact >= 0) return ok(values[exact]);
  const lower = text.toLowerCase();
  const loose = values.findIndex(
    (v, i) => String(v).toLowerCase() === lower || field.enumLabels?.[i]?.toLowerCase() === lower,
  );
  if (loose >= 0) return ok(values[loose]);
  const names = values.map((v, i) => field.enumLabels?.[i] ?? String(v)).join(', ');
  return fail(say('paste.cell.enum', { text, names }));
}

function binningCell(text: string): CoerceResult<unknown> {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (parts.length !== 3) return fail(say('paste.cell.binning', { text }));
  const numbers: number[] = [];
  for (const part of parts) {
    const parsed = parseNumber(part);
    if (!parsed.ok) return parsed;
    numbers.push(parsed.value);
  }
  const [min, step, max] = numbers as [number, number, number];
  const checked = checkBinning(min, step, max);
  return checked.ok ? ok(numbers) : fail(checked.message);
}

/** What an empty cell means for `field`: null, unset, or a message when a value is needed. */
function emptyCell(field: FieldNode): CoerceResult<unknown> {
  if (field.nullable) return ok(null);
  // Text: an empty text, as an empty text box gives (and as an exported "" comes back); the
  // validator judges its length.
  if (field.kind === 'string' || field.kind === 'path') return ok('');
  if (!field.required) return ok(UNSET);
  return fail(`${field.label} needs a value.`);
}

/**
 * The value `text` (one cell, surrounding spaces ignored) means for `field`, or why it means none.
 * O(length of text), O(runs) for run ranges.
 * @example parseCell(runField, '88980-88982,88990') // {ok: true, value: '88980-88982, 88990'} (text field)
 */
export function parseCell(field: FieldNode, cell: string): CoerceResult<unknown> {
  const text = cell.trim();
  if (text === '') return emptyCell(field);
  switch (field.kind) {
    case 'number':
    case 'integer':
      return numberCell(field, text);
    case 'boolean':
      return booleanCell(text);
    case 'enum':
      return enumCell(field, text);
    case 'runList':
      return parseRunListField(field, text);
    case 'numberList':
      return parseNumberListField(field, text);
    case 'binning':
      return binningCell(text);
    case 'dateTime':
      return parseDateTime(text, { dateOnly: field.format === 'date' });
    case 'json':
      return parseJsonText(text);
    default:
      return ok(text);
  }
}
