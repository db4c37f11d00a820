/**
 * Lists of numbers typed as text ("-30, 60", "1 2 3", "0.1; 0.2") to number[] and back. Each entry is
 * parsed by parseNumber, so "abc" or "1e" is refused with its position rather than dropped.
 * No React, no DOM.
 */
import { say } from '../i18n/activeLocale';
import { type CoerceResult, fail, ok } from './CoerceResult';
import { formatNumber, parseNumber } from './parseNumber';

export interface ParseNumberListOptions {
  /** Empty text is an empty list instead of an error. Default true. */
  readonly allowEmpty?: boolean;
  /** Every entry must be a whole number. */
  readonly integer?: boolean;
}

/**
 * Parse numbers separated by commas, semicolons or spaces. O(length).
 * @example parseNumberList('-30, 60') // {ok: true, value: [-30, 60]}
 */
export function parseNumberList(text: string, options: ParseNumberListOptions = {}): CoerceResult<number[]> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return options.allowEmpty === false ? fail(say('coerce.numbers.empty')) : ok([]);
  }
  const pieces = trimmed.split(/\s*[,;]\s*|\s+/);
  const values: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (piece === '') {
      return fail(
        i === pieces.length - 1 ? say('coerce.numbers.trailingSeparator') : say('coerce.list.emptyEntry'),
      );
    }
    const parsed = parseNumber(piece, { integer: options.integer === true, pointOnly: true });
    if (!parsed.ok) return fail(say('coerce.numbers.entry', { n: i + 1, message: parsed.message }));
    values.push(parsed.value);
  }
  return ok(values);
}

/**
 * Text for a list of numbers, comma separated, in the given order.
 * @example formatNumberList([-30, 60]) // '-30, 60'
 */
export function formatNumberList(values: readonly number[]): string {
  return values.map(formatNumber).join(', ');
}
