/**
 * Dates and date-times as RFC 3339 text (what `format: date-time` validates). A text input rather than
 * <input type="datetime-local">: that one has no time zone, and guessing one would shift the value.
 */

import { memo, type ReactNode, useCallback, useMemo } from 'react';
import { fail, parseDateTime } from '../schemas/index';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { useLocale, useT } from './LocaleContext';
import { TypedTextInput } from './TypedTextInput';
import { useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

/** An ISO date or date-time in the locale's long form ("27 novembre 2026 à 14:30:00 UTC"), or undefined. */
function localDate(iso: string, dateOnly: boolean, locale: string): string | undefined {
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'full',
      ...(dateOnly ? {} : { timeStyle: 'long' }),
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return undefined;
  }
}

/** A date-time (or, for `format: date`, a date) field. */
export const DateTimeWidget = memo(function DateTimeWidget(props: WidgetProps): ReactNode {
  const dateOnly = props.field.format === 'date';
  const parse = useCallback((text: string) => parseDateTime(text, { dateOnly }), [dateOnly]);
  const say = useT();
  const locale = useLocale();
  const empty = useMemo(
    () => fail(say(dateOnly ? 'coerce.date.empty' : 'coerce.dateTime.empty')),
    [say, dateOnly],
  );
  // The typed text stays ISO 8601 (what the request holds, unambiguous in every language); the value is
  // shown back below in the locale's own words (Intl.DateTimeFormat).
  const t = useTextValue(props, formatAnyValue, parse, empty, (s) =>
    typeof s.parsed === 'string' ? localDate(s.parsed, dateOnly, locale) : undefined,
  );
  const example = dateOnly ? '2026-11-27' : '2026-11-27T14:30:00Z';
  return (
    <FieldFrame
      widget="dateTime"
      props={props}
      textError={t.textError}
      hint={t.view ?? say(dateOnly ? 'widget.date.hint' : 'widget.dateTime.hint')}
    >
      {(aria) => (
        <TypedTextInput
          aria={aria}
          props={props}
          text={t}
          modifier="datetime"
          placeholder={props.field.placeholder ?? example}
        />
      )}
    </FieldFrame>
  );
});
