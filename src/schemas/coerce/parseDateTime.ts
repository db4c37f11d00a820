/**
 * Dates and date-times as JSON Schema's `format: date-time` / `date` expect them (RFC 3339). Text
 * without a time zone is refused with the fix rather than read as local or UTC time, which would
 * silently shift the value by hours. No React, no DOM.
 */
import { say } from '../i18n/activeLocale';
import { type CoerceResult, fail, ok } from './CoerceResult';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$/;

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Check an RFC 3339 date-time ("2026-11-27T14:30:00Z") or, with `dateOnly`, a date ("2026-11-27").
 * Returns the text itself as the value: the request keeps what was typed. O(length).
 */
export function parseDateTime(text: string, options: { dateOnly?: boolean } = {}): CoerceResult<string> {
  const trimmed = text.trim();
  if (trimmed === '')
    return fail(say(options.dateOnly === true ? 'coerce.date.empty' : 'coerce.dateTime.empty'));
  if (options.dateOnly === true) {
    const m = DATE.exec(trimmed);
    if (m === null) return fail(say('coerce.date.invalid', { text: trimmed }));
    if (!validDate(Number(m[1]), Number(m[2]), Number(m[3])))
      return fail(say('coerce.date.noSuchDay', { text: trimmed }));
    return ok(trimmed);
  }
  const m = DATE_TIME.exec(trimmed);
  if (m === null) return fail(say('coerce.dateTime.invalid', { text: trimmed }));
  if (!validDate(Number(m[1]), Number(m[2]), Number(m[3])))
    return fail(say('coerce.date.noSuchDay', { text: trimmed }));
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 60) {
    return fail(say('coerce.dateTime.noSuchTime', { text: trimmed }));
  }
  if (m[8] === undefined) {
    return fail(say('coerce.dateTime.needsZone', { text: trimmed }));
  }
  if (m[6] === undefined)
    return fail(
      say('coerce.dateTime.needsSeconds', { text: trimmed, example: `${trimmed.slice(0, 16)}:00${m[8]}` }),
    );
  return ok(trimmed);
}
