/**
 * Plain text: stored exactly as typed (no trimming), with length limits shown in the hint. Empty text
 * is '' for a required field, null when nullable, absent when optional.
 */

import { memo, type ReactNode, useCallback } from 'react';
import { ok, translate } from '../schemas/index';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { useLocale } from './LocaleContext';
import { useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

const EMPTY_TEXT = ok('');

/** The length limits in words, or undefined. */
export function describeLength(minLength?: number, maxLength?: number, locale = 'en'): string | undefined {
  if (minLength !== undefined && maxLength !== undefined)
    return translate(locale, 'widget.length.between', { min: minLength, max: maxLength });
  if (maxLength !== undefined) return translate(locale, 'widget.length.atMost', { count: maxLength });
  if (minLength !== undefined && minLength > 0)
    return translate(locale, 'widget.length.atLeast', { count: minLength });
  return undefined;
}

/** A single-line text field. */
export const TextWidget = memo(function TextWidget(props: WidgetProps): ReactNode {
  const { field } = props;
  const locale = useLocale();
  const parse = useCallback((text: string) => ok(text), []);
  const t = useTextValue(props, formatAnyValue, parse, EMPTY_TEXT);
  return (
    <FieldFrame
      widget="text"
      props={props}
      textError={t.textError}
      hint={describeLength(field.minLength, field.maxLength, locale)}
      units={field.units}
    >
      {(aria) => (
        <input
          {...aria}
          {...t.input}
          id={props.id}
          type="text"
          className="formulary-widget__input"
          maxLength={field.maxLength}
          placeholder={field.placeholder}
        />
      )}
    </FieldFrame>
  );
});
