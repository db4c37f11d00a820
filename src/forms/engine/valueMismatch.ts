/**
 * Whether a stored value (from an import, formData or a draft) is of a type its field cannot show as
 * it is: 42 in a text field, [12345, 12346] in a run-list text field, {"a": 1} or an overflowed 1e400
 * (Infinity, which JSON would send as null) in a number field. Such a value is shown as it is, with
 * this message, and never rendered through the widget (which would show "42" or "12345-12346" as if
 * valid); the conversion is offered where one exists. O(1) for scalars, O(length) for lists. No React.
 */
import {
  type FieldNode,
  formatNumberList,
  formatRunList,
  parseNumberList,
  parseRunList,
  say,
} from '../../schemas/index';

/** What is wrong with a stored value, and the value it converts to when there is one. */
export interface ValueMismatch {
  readonly message: string;
  /** The value the field would take instead, and how it reads. */
  readonly convert?: { readonly value: unknown; readonly text: string };
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A value's JSON type in words: "a number", "a list", "an object". */
export function typeInWords(value: unknown): string {
  if (Array.isArray(value)) return say('mismatch.type.list');
  if (value === null) return 'null';
  if (typeof value === 'object') return say('mismatch.type.object');
  if (typeof value === 'string') return say('mismatch.type.text');
  if (typeof value === 'number') return say('mismatch.type.number');
  if (typeof value === 'boolean') return say('mismatch.type.boolean');
  return typeof value;
}

/** The JSON the form shows for a value: 1e400 reads "1e400 (too large)", not "null". */
export function showValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? 'NaN' : say(value > 0 ? 'mismatch.huge' : 'mismatch.hugeNegative');
  return JSON.stringify(value) ?? String(value);
}

const wrongType = (value: unknown, takes: string, convert?: ValueMismatch['convert']): ValueMismatch => ({
  message: say('mismatch.wrongType', {
    type: typeInWords(value),
    value: showValue(value),
    takes: say(takes),
  }),
  ...(convert ? { convert } : {}),
});

/** How `node` would take `value`, or undefined when it takes it as it is (or the validator says why not). */
export function valueMismatch(node: FieldNode, value: unknown): ValueMismatch | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && !Number.isFinite(value))
    return {
      message: say('mismatch.tooLarge', { value: showValue(value) }),
    };
  switch (node.kind) {
    case 'json':
      return undefined;
    case 'string':
    case 'path':
    case 'dateTime':
      if (typeof value === 'string') return undefined;
      return wrongType(
        value,
        'mismatch.takes.text',
        typeof value === 'number' || typeof value === 'boolean'
          ? { value: String(value), text: JSON.stringify(String(value)) }
          : undefined,
      );
    case 'number':
    case 'integer': {
      if (typeof value === 'number') return undefined;
      if (typeof value === 'string' && node.coercion === 'numberFromText') return undefined;
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      return wrongType(
        value,
        'mismatch.takes.number',
        Number.isFinite(n) ? { value: n, text: String(n) } : undefined,
      );
    }
    case 'boolean':
      if (typeof value === 'boolean') return undefined;
      return wrongType(
        value,
        'mismatch.takes.boolean',
        value === 'true' || value === 'false' ? { value: value === 'true', text: value } : undefined,
      );
    case 'enum':
      return typeof value === 'object' ? wrongType(value, 'mismatch.takes.enum') : undefined;
    case 'runList':
    case 'numberList':
      return listMismatch(node, value);
    case 'binning':
      return Array.isArray(value) ? undefined : wrongType(value, 'mismatch.takes.binning');
  }
}

function listMismatch(node: FieldNode, value: unknown): ValueMismatch | undefined {
  const runs = node.kind === 'runList';
  const what = runs ? 'mismatch.takes.runList' : 'mismatch.takes.numberList';
  const numbers = Array.isArray(value) && value.every(isFiniteNumber) ? (value as number[]) : undefined;
  if (node.listAs === 'text') {
    if (typeof value === 'string') return undefined;
    const asText =
      numbers && (!runs || numbers.every(Number.isInteger))
        ? runs
          ? formatRunList([...new Set(numbers)].sort((a, b) => a - b))
          : formatNumberList(numbers)
        : typeof value === 'number'
          ? String(value)
          : undefined;
    return wrongType(
      value,
      runs ? 'mismatch.takes.runListText' : 'mismatch.takes.numberListText',
      asText === undefined ? undefined : { value: asText, text: JSON.stringify(asText) },
    );
  }
  if (Array.isArray(value)) return undefined;
  const parsed =
    typeof value === 'string' ? (runs ? parseRunList(value) : parseNumberList(value)) : undefined;
  return wrongType(
    value,
    what,
    parsed?.ok ? { value: parsed.value, text: JSON.stringify(parsed.value) } : undefined,
  );
}
