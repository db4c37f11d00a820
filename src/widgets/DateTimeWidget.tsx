/**
 * Dates and date-times as RFC 3339 text (what `format: date-time` validates). A text input rather than
 * <input type="datetime-local">: that one has no time zone, and guessing one would shift the value.
 */
import { memo, type ReactNode, useCallback } from 'react';
import { fail, parseDateTime } from '../schemas/index';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { TypedTextInput } from './TypedTextInput';
import { useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

const ENTER_DATE_TIME = fail('Enter a date and time.');
const ENTER_DATE = fail('Enter a date.');

/** A date-time (or, for `format: date`, a date) field. */
export const DateTimeWidget = memo(function DateTimeWidget(props: WidgetProps): ReactNode {
  const dateOnly = props.field.format === 'date';
  const parse = useCallback((text: string) => parseDateTime(text, { dateOnly }), [dateOnly]);
  const t = useTextValue(props, formatAnyValue, parse, dateOnly ? ENTER_DATE : ENTER_DATE_TIME);
  const example = dateOnly ? '2026-11-27' : '2026-11-27T14:30:00Z';
  return (
    <FieldFrame
      widget="dateTime"
      props={props}
      textError={t.textError}
      hint={
        dateOnly ? 'Year-month-day.' : 'Year-month-day, T, hours:minutes:seconds, then Z (UTC) or an offset.'
      }
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
