/**
 * Numbers from text and back: "0.1", " 1e-3 ", "-30" are numbers; "1,5", "abc", "0x10", "" are not, and
 * the message says why. Stricter than Number() on purpose: Number("") is 0 and Number("0x10") is 16,
 * both silent changes of what the user typed. No React, no DOM.
 */
import { type CoerceResult, fail, ok } from './CoerceResult';

/** A plain decimal or scientific-notation number, with an optional sign. */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Options shared by the number parsers. */
export interface ParseNumberOptions {
  /** Require a whole number (integer fields). */
  readonly integer?: boolean;
  /** The field's unit, when it has one: a message about typed letters names it. */
  readonly units?: string;
}

/**
 * Parse one number typed as text, trimming spaces around it. O(length).
 * @example parseNumber(' 1e-3 ') // {ok: true, value: 0.001}
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): CoerceResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('Enter a number.');
  if (!NUMBER_TEXT.test(trimmed)) return fail(explainNotANumber(trimmed, options.units));
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return fail(`'${trimmed}' is too large to be stored as a number.`);
  if (options.integer === true) {
    if (!Number.isInteger(value)) return fail(`'${trimmed}' is not a whole number.`);
    if (!Number.isSafeInteger(value)) return fail(`'${trimmed}' is too large to be stored exactly.`);
  }
  return ok(value);
}

/**
 * Why a piece of text is not a number, with the likely fix when there is one. Letters after digits
 * are most often a unit typed in; the field's own unit is named when it has one.
 */
function explainNotANumber(text: string, units: string | undefined): string {
  if (/^[+-]?\d+,\d+$/.test(text)) {
    return `'${text}' is not a number: use a point for decimals (${text.replace(',', '.')}).`;
  }
  if (/^[+-]?\d/.test(text) && /[a-zA-ZµÅ°]/.test(text)) {
    return units
      ? `'${text}' is not a number: type the number only; the unit (${units}) is shown beside the field.`
      : `'${text}' is not a number: type digits only, without letters.`;
  }
  return `'${text}' is not a number.`;
}

/**
 * Text for a number as the user would type it back: the shortest round-tripping form (String()).
 * @example formatNumber(0.001) // '0.001'
 */
export function formatNumber(value: number): string {
  return String(value);
}
