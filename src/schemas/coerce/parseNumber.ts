/**
 * Numbers from text and back: "0.1", " 1e-3 ", "-30" are numbers; "abc", "0x10", "" are not, and the
 * message says why. Stricter than Number() on purpose: Number("") is 0 and Number("0x10") is 16,
 * both silent changes of what the user typed. In a decimal-comma locale (options.locale: "fr", "de",
 * "sv") "0,5" is 0.5 and "1 234,5" is 1234.5; "1,234" is refused as ambiguous (a thousands separator
 * elsewhere), never guessed. No React, no DOM.
 */
import { activeLocale } from '../i18n/activeLocale';
import { translate } from '../i18n/translate';
import { type CoerceResult, fail, ok } from './CoerceResult';
import { numberSymbolsOf } from './localeNumber';

/** A plain decimal or scientific-notation number, with an optional sign. */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Digits grouped by three with spaces (any kind: typed, no-break, narrow no-break). */
const SPACE_GROUPED = /^([+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+)([.,]\d+)?([eE][+-]?\d+)?$/;
/** Digits grouped by three with points, then a decimal comma (German "1.234,5"). */
const POINT_GROUPED = /^([+-]?\d{1,3}(?:\.\d{3})+)(,\d+)?$/;
/** A comma that may be a thousands separator: "1,234", "-12,500" (not "0,234", not "1,2345"). */
const COMMA_MAYBE_GROUP = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+$/;

/** Options shared by the number parsers. */
export interface ParseNumberOptions {
  /** Require a whole number (integer fields). */
  readonly integer?: boolean;
  /** The field's unit, when it has one: a message about typed letters names it. */
  readonly units?: string;
  /** The user's locale (BCP 47): its decimal mark is accepted, its messages used. Default English. */
  readonly locale?: string;
  /** Decimals with a point only, whatever the locale (list items, which commas separate). */
  readonly pointOnly?: boolean;
}

/**
 * Parse one number typed as text, trimming spaces around it. O(length).
 * @example parseNumber(' 1e-3 ') // {ok: true, value: 0.001}
 * @example parseNumber('1 234,5', {locale: 'fr'}) // {ok: true, value: 1234.5}
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): CoerceResult<number> {
  const locale = options.locale ?? activeLocale();
  const t = (key: string, values?: Record<string, string>) => translate(locale, key, values);
  const trimmed = text.trim();
  if (trimmed === '') return fail(t('coerce.number.empty'));
  const plain =
    numberSymbolsOf(locale).decimal === ',' && options.pointOnly !== true
      ? fromDecimalComma(trimmed, locale)
      : trimmed;
  if (typeof plain !== 'string') return plain;
  if (!NUMBER_TEXT.test(plain)) return fail(explainNotANumber(trimmed, options.units, locale));
  const value = Number(plain);
  if (!Number.isFinite(value)) return fail(t('coerce.number.tooLarge', { text: trimmed }));
  if (options.integer === true) {
    if (!Number.isInteger(value)) return fail(t('coerce.number.notWhole', { text: trimmed }));
    if (!Number.isSafeInteger(value)) return fail(t('coerce.number.notExact', { text: trimmed }));
  }
  return ok(value);
}

/**
 * Text in a decimal-comma locale rewritten with a decimal point, or a refusal that says why. Groups of
 * three digits may be separated by spaces, or by points before a decimal comma; a point alone is a
 * decimal point (scientists' habit) unless it could be a German group separator.
 */
function fromDecimalComma(text: string, locale: string): string | CoerceResult<number> {
  const spaced = SPACE_GROUPED.exec(text);
  if (spaced)
    return `${spaced[1]!.replace(/[ \u00a0\u202f]/g, '')}${(spaced[2] ?? '').replace(',', '.')}${spaced[3] ?? ''}`;
  const grouped = POINT_GROUPED.exec(text);
  const group = numberSymbolsOf(locale).group;
  if (grouped && group === '.') {
    if (grouped[2] !== undefined) return `${grouped[1]!.replace(/\./g, '')}${grouped[2].replace(',', '.')}`;
    return fail(
      translate(locale, 'coerce.number.ambiguousPoint', { text, grouped: grouped[1]!.replace(/\./g, '') }),
    );
  }
  if (COMMA_MAYBE_GROUP.test(text)) {
    return fail(
      translate(locale, 'coerce.number.ambiguousComma', {
        text,
        decimal: text.replace(',', '.'),
        grouped: text.replace(/,/g, ''),
      }),
    );
  }
  if (text.includes(',') && text.includes('.')) return fail(explainNotANumber(text, undefined, locale));
  return text.replace(',', '.');
}

/**
 * Why a piece of text is not a number, with the likely fix when there is one. Letters after digits
 * are most often a unit typed in; the field's own unit is named when it has one.
 */
function explainNotANumber(text: string, units: string | undefined, locale: string): string {
  if (/^[+-]?\d+,\d+$/.test(text) && numberSymbolsOf(locale).decimal !== ',') {
    return translate(locale, 'coerce.number.comma', { text, fixed: text.replace(',', '.') });
  }
  if (/^[+-]?\d/.test(text) && /[a-zA-ZµÅ°]/.test(text)) {
    return units
      ? translate(locale, 'coerce.number.unitTyped', { text, units })
      : translate(locale, 'coerce.number.letters', { text });
  }
  return translate(locale, 'coerce.number.invalid', { text });
}

/**
 * Text for a number as the user would type it back: the shortest round-tripping form (String()).
 * See formatLocaleNumber for the locale's decimal mark.
 * @example formatNumber(0.001) // '0.001'
 */
export function formatNumber(value: number): string {
  return String(value);
}
