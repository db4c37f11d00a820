/**
 * Requests typed as text (older tools, hand-written files: `"wavelength": "6"`, `"runs": "1-3"`,
 * `"flag": "true"`, `"angle": "-30, 60"`, `""` for unset), read the way the widgets read typed text:
 * each field whose schema wants a number, integer, boolean or list of numbers, and holds a string,
 * is converted with the same parsers, and the report says field by field what was converted and what
 * could not be. Fields whose schema accepts the text itself are left alone. Nothing is guessed: text
 * that does not parse stays as it was, listed in `refused`, so the validator still names it.
 */

import type { FieldModel, FieldNode } from '../FieldModel';
import { say } from '../i18n/activeLocale';
import { deleteAt, getAt, instancePointer, parsePointer, setAt } from '../pointer';
import { rowCombinations } from '../validate/evaluateRules';
import { unionAlternatives } from '../validate/unionMessage';
import { cloneJson } from '../validate/visibleRequest';
import type { CoerceResult } from './CoerceResult';
import { fail, ok } from './CoerceResult';
import { parseNumber } from './parseNumber';
import { parseNumberList } from './parseNumberList';
import { parseRunList } from './parseRunList';

/** A text value that became a typed one. `to` is undefined when the field was left unset. */
export interface TextConversion {
  readonly pointer: string;
  readonly from: string;
  readonly to: unknown;
}

/** A text value that could not be read as what its field wants: kept as it was. */
export interface TextRefusal {
  readonly pointer: string;
  readonly text: string;
  readonly message: string;
}

export interface TextCoercionReport {
  /**
   * A copy of the request with every convertible text converted (the input is never changed); with
   * `copy: 'whenConverted'`, the request itself when nothing was converted.
   */
  readonly request: unknown;
  readonly converted: readonly TextConversion[];
  readonly refused: readonly TextRefusal[];
}

const UNSET = Symbol('unset');

/** Whether a list field's union also takes a single number ("6" then stays one number). */
function takesScalar(model: FieldModel, field: FieldNode): boolean {
  const alternatives = unionAlternatives(model, field);
  return (alternatives ?? []).some((a) => a.type === 'number' || a.type === 'integer');
}

/** Whether `field` wants a number, a boolean or a list of numbers, where text is to be read. */
function wantsTyped(field: FieldNode): boolean {
  switch (field.kind) {
    case 'number':
    case 'integer':
      return field.coercion !== 'numberFromText';
    case 'boolean':
      return true;
    case 'numberList':
    case 'runList':
      return field.listAs !== 'text';
    default:
      return false;
  }
}

/** What `text` becomes in `field`, UNSET, or undefined when the field takes the text as it is. */
function readText(model: FieldModel, field: FieldNode, text: string): CoerceResult<unknown> | undefined {
  // "" is unset only where the field wants a typed value: a text, enum or JSON field takes it as it is.
  if (!wantsTyped(field)) return undefined;
  if (text.trim() === '') {
    if (field.nullable) return ok(null);
    if (!field.required) return ok(UNSET);
  }
  switch (field.kind) {
    case 'number':
    case 'integer':
      if (field.coercion === 'numberFromText') return undefined;
      return parseNumber(text, { integer: field.kind === 'integer' });
    case 'boolean': {
      const word = text.trim().toLowerCase();
      if (word === 'true') return ok(true);
      if (word === 'false') return ok(false);
      return fail(say('coerce.boolean.invalid', { text }));
    }
    case 'numberList':
    case 'runList': {
      if (field.listAs === 'text') return undefined;
      const parsed =
        field.kind === 'runList'
          ? parseRunList(text)
          : parseNumberList(text, { allowEmpty: !field.required });
      if (parsed.ok && parsed.value.length === 1 && takesScalar(model, field)) return ok(parsed.value[0]);
      return parsed;
    }
    default:
      return undefined;
  }
}

/**
 * The fields where text may be read (wantsTyped), in schema order, found once per model: readText
 * leaves every other field alone, and a server reading every submission walked all of a large
 * schema's fields for the few typed ones (EQSANS: about a tenth of its validated submission's CPU).
 */
interface TypedField {
  readonly field: FieldNode;
  /** The pointer's keys, for a field outside list rows (one value to read); undefined inside rows. */
  readonly keys: readonly string[] | undefined;
}
const typedFieldsOf = new WeakMap<FieldModel, readonly TypedField[]>();
function typedFields(model: FieldModel): readonly TypedField[] {
  let fields = typedFieldsOf.get(model);
  if (fields === undefined) {
    fields = model.fields.filter(wantsTyped).map((field) => ({
      field,
      keys: field.pointer.includes('*') ? undefined : parsePointer(field.pointer),
    }));
    typedFieldsOf.set(model, fields);
  }
  return fields;
}

export interface CoerceTextOptions {
  /**
   * "always" (default): `request` is a copy the caller may change. "whenConverted": copied at the
   * first conversion only, so a request already typed costs no copy (the server, which only reads it:
   * the copy was a seventh of the coercion's time on an EQSANS submission).
   */
  readonly copy?: 'always' | 'whenConverted';
}

/**
 * Converts the text values of `request` that the model's fields want typed. O(typed fields x rows +
 * size of the request for the copy).
 * Example: coerceTextRequest(model, {wavelength: '6'}).request -> {wavelength: 6}.
 */
export function coerceTextRequest(
  model: FieldModel,
  request: unknown,
  options: CoerceTextOptions = {},
): TextCoercionReport {
  // Until the first conversion the request is only read; with "whenConverted" it is copied there.
  let copied = options.copy !== 'whenConverted';
  let copy = copied ? cloneJson(request) : request;
  const converted: TextConversion[] = [];
  const refused: TextRefusal[] = [];
  const done = new Set<string>();
  const read = (p: string): unknown => getAt(copy, p);
  for (const { field, keys } of typedFields(model)) {
    // Most fields are outside list rows and hold their typed value already: one read, nothing more.
    if (keys !== undefined && typeof getAt(copy, keys) !== 'string') continue;
    for (const indexes of rowCombinations(field.pointer, read)) {
      const pointer = instancePointer(field.pointer, indexes);
      // Branches share pointers: the first field at a pointer decides (they read text alike).
      if (done.has(pointer)) continue;
      const value = getAt(copy, pointer);
      if (typeof value !== 'string') continue;
      const result = readText(model, field, value);
      if (result === undefined) continue;
      done.add(pointer);
      if (!result.ok) {
        refused.push({ pointer, text: value, message: result.message });
        continue;
      }
      const parent = getAt(copy, pointer.slice(0, pointer.lastIndexOf('/')));
      if (result.value === UNSET && Array.isArray(parent)) {
        // A position in a fixed-position list cannot be removed without moving the others.
        refused.push({ pointer, text: value, message: say('coerce.list.emptyPosition') });
        continue;
      }
      if (!copied) {
        copy = cloneJson(request);
        copied = true;
      }
      if (result.value === UNSET) {
        copy = deleteAt(copy, pointer);
        converted.push({ pointer, from: value, to: undefined });
      } else {
        copy = setAt(copy, pointer, result.value);
        converted.push({ pointer, from: value, to: result.value });
      }
    }
  }
  return { request: copy, converted, refused };
}
