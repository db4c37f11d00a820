/**
 * Text in a react-hook-form value turned into the request value our widgets would have reported for
 * it: "0.1" -> 0.1 in a number field, "12345-12347" -> [12345, 12346, 12347] in a run list, "" -> null
 * in a nullable field. A host's own <input>, a setValue with text, or text our widget could not turn
 * into a value all reach the resolver as a string; coercing it here, with the widgets' parsers and
 * messages (src/schemas coercion), gives the same verdict the form would. Pure, no React.
 */
import {
  type CoerceResult,
  checkBinning,
  type FieldNode,
  fail,
  ok,
  parseDateTime,
  parseNumber,
  parseNumberListField,
  parseRunListField,
  say,
} from '../../schemas/index';

/** The message for an empty required field of each kind, in the active locale (say). */
const ENTER = {
  get number() {
    return fail(say('coerce.number.empty'));
  },
  get integer() {
    return fail(say('coerce.integer.empty'));
  },
  get runs() {
    return fail(say('coerce.runs.empty'));
  },
  get numbers() {
    return fail(say('widget.numbers.empty', { example: '-30, 60' }));
  },
  get date() {
    return fail(say('coerce.date.empty'));
  },
  get dateTime() {
    return fail(say('coerce.dateTime.empty'));
  },
  get binning() {
    return fail(say('widget.binning.empty'));
  },
};

/** The schema's own text form of a number | string union (hints.textPattern), as NumberInput reads it. */
function textForm(field: FieldNode): RegExp | null {
  const pattern = field.coercion === 'numberFromText' ? field.hints.textPattern : undefined;
  if (typeof pattern !== 'string') return null;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

/** "min, step, max" (or the binning widget's three texts joined by U+001F) as a checked triplet. */
function parseBinningText(text: string): CoerceResult<unknown> {
  const parts = text.includes('\u001f') ? text.split('\u001f') : text.split(/[,;\s]+/).filter(Boolean);
  if (parts.length !== 3) return ENTER.binning;
  const names = ['min', 'step', 'max'];
  const numbers: number[] = [];
  for (let i = 0; i < 3; i++) {
    const parsed = parseNumber(parts[i]!);
    if (!parsed.ok) return fail(say('widget.binning.part', { part: names[i]!, message: parsed.message }));
    numbers.push(parsed.value);
  }
  const [min, step, max] = numbers as [number, number, number];
  const checked = checkBinning(min, step, max);
  return checked.ok ? ok([min, step, max]) : fail(checked.message);
}

/** Parses non-empty text for `field`; undefined when the field's kind keeps text as it is. */
function parse(field: FieldNode, text: string): CoerceResult<unknown> | undefined {
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const integer = field.kind === 'integer';
      const parsed = parseNumber(text, { integer, units: field.units });
      return parsed.ok || !textForm(field)?.test(text) ? parsed : ok(text);
    }
    case 'runList':
      return parseRunListField(field, text);
    case 'numberList':
      return parseNumberListField(field, text);
    case 'binning':
      return parseBinningText(text);
    case 'dateTime':
      return parseDateTime(text, { dateOnly: field.format === 'date' });
    case 'boolean':
      return text === 'true' ? ok(true) : text === 'false' ? ok(false) : undefined;
    default:
      return undefined; // string, path, enum, and json (a JSON string is a value): the text is kept
  }
}

/** What empty text means, as the widgets decide it: null (nullable), absent (optional), or a message. */
function empty(field: FieldNode): CoerceResult<unknown> | undefined {
  if (field.nullable) return ok(null);
  if (!field.required) return ok(undefined);
  switch (field.kind) {
    case 'number':
      return ENTER.number;
    case 'integer':
      return ENTER.integer;
    case 'runList':
      return ENTER.runs;
    case 'numberList':
      return field.minItems ? ENTER.numbers : field.listAs === 'text' ? ok('') : ok([]);
    case 'binning':
      return ENTER.binning;
    case 'dateTime':
      return field.format === 'date' ? ENTER.date : ENTER.dateTime;
    default:
      return undefined;
  }
}

/**
 * The request value `text` means for `field`, or the widget's message when it means none; undefined
 * when the field keeps text as typed (strings, paths, enums, JSON: "" stays "", as an imported
 * request's "" does in the form). O(length of text).
 * Example: coerceFieldText(thicknessField, '0.2') -> {ok: true, value: 0.2}.
 */
export function coerceFieldText(field: FieldNode, text: string): CoerceResult<unknown> | undefined {
  if (!coerces.has(field.kind)) return undefined;
  if (text.trim() === '') return empty(field);
  // The schema takes text here too ("0.45" beside 0.45, "42101-42102"): text is a value, as in an
  // imported request, and the validator judges it.
  if (field.coercion === 'numberFromText' || field.listAs === 'text') return undefined;
  return parse(field, text);
}

/**
 * Whether `value` is the "" RhfField holds for a text field the user emptied: the widget reported no
 * value, which react-hook-form cannot hold (undefined brings the default back), so the request leaves
 * the key out as SubmissionForm does. Not when "" is the field's own start value: untouched, or emptied
 * back to it, react-hook-form's dirtyFields calls the field unchanged, and the default "" is sent.
 */
export function isEmptiedText(field: FieldNode, value: unknown, start: unknown): boolean {
  return value === '' && !coerces.has(field.kind) && start !== '';
}

/** Kinds whose value is not text: text there is coerced. Strings, paths, enums and JSON keep it. */
const coerces = new Set<FieldNode['kind']>([
  'number',
  'integer',
  'runList',
  'numberList',
  'binning',
  'dateTime',
  'boolean',
]);
