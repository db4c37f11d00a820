/**
 * The body shared by the number and integer widgets: text in, number out, unit beside the input, the
 * allowed range below it (before the user leaves the field) and a warning while a typed number is out
 * of range; the arrow keys step it. Text that is not a number is never turned into one (see WidgetProps).
 */

import type { KeyboardEvent, ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import {
  type CoerceResult,
  fail,
  formatLocaleNumber,
  ok,
  parseNumber,
  usesDecimalComma,
} from '../schemas/index';
import { describeLimits, limitProblem } from './describeLimits';
import { FieldFrame } from './FieldFrame';
import { useLocale, useT } from './LocaleContext';
import { stepNumberText } from './stepNumberText';
import { TypedTextInput } from './TypedTextInput';
import { type TextState, useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

/**
 * The schema's own text form of a number | string union (hints.textPattern, e.g. IPTS as "IPTS-19800"
 * beside 19800): text it accepts is stored as typed, since the schema allows it. Null when there is none.
 */
function textFormOf(field: WidgetProps['field']): RegExp | null {
  const pattern = field.coercion === 'numberFromText' ? field.hints.textPattern : undefined;
  if (typeof pattern !== 'string') return null;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

/** A number as the locale writes it ("0,5" in French); text (a schema's text form) as it is. */
function formatValue(value: unknown, locale: string): string {
  if (typeof value === 'number') return formatLocaleNumber(value, locale);
  if (value === null || value === undefined) return '';
  return String(value);
}

/** The shared body of the number and integer widgets. */
export function NumberInput({
  props,
  integer,
  name,
}: {
  props: WidgetProps;
  integer: boolean;
  name: string;
}): ReactNode {
  const { field } = props;
  const locale = useLocale();
  const say = useT();
  const format = useCallback((value: unknown) => formatValue(value, locale), [locale]);
  const empty = useMemo(
    () => fail(say(integer ? 'coerce.integer.empty' : 'coerce.number.empty')),
    [say, integer],
  );
  const textForm = useMemo(() => textFormOf(field), [field]);
  const parse = useCallback(
    (text: string): CoerceResult<number | string> => {
      const parsed = parseNumber(text, { integer, units: field.units, locale });
      if (parsed.ok || !textForm?.test(text)) return parsed;
      return ok(text);
    },
    [integer, textForm, field.units, locale],
  );
  // The out-of-range warning shows while typing: the one thing a keystroke here may re-render.
  const problemOf = useCallback(
    (s: TextState) =>
      typeof s.parsed === 'number' && s.pendingError === undefined
        ? limitProblem(field, s.parsed, locale)
        : undefined,
    [field, locale],
  );
  const t = useTextValue(props, format, parse, empty, problemOf);
  // ArrowUp/ArrowDown step the number (Shift: ten steps), as in a native number input: see stepNumberText.
  const { replaceText } = t;
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
      if (event.altKey || event.ctrlKey || event.metaKey || props.readOnly) return;
      // A decimal comma is stepped as a point and written back as a comma.
      const comma = usesDecimalComma(locale);
      const typed = event.currentTarget.value;
      const stepped = stepNumberText(
        comma ? typed.replace(',', '.') : typed,
        event.key === 'ArrowUp' ? 1 : -1,
        field,
        event.shiftKey,
      );
      if (stepped === undefined) return;
      const next = comma ? stepped.replace('.', ',') : stepped;
      event.preventDefault();
      replaceText(next);
    },
    [field, props.readOnly, replaceText, locale],
  );
  const limits = describeLimits(field, locale);
  // Once the form shows an error for the value ("must be at most 10 cm"), the hint gives only the
  // limits: one message, not two saying the same thing.
  const problem = props.error === undefined ? t.view : undefined;
  const hint =
    problem !== undefined
      ? limits !== undefined
        ? say('limits.allowed', { problem, limits })
        : problem
      : limits;
  return (
    <FieldFrame
      widget={name}
      props={props}
      textError={t.textError}
      hint={hint}
      hintWarn={problem !== undefined}
      units={field.units}
    >
      {(aria) => (
        <TypedTextInput
          aria={aria}
          props={props}
          text={t}
          modifier="number"
          placeholder={field.placeholder}
          inputMode={integer ? 'numeric' : 'decimal'}
          onKeyDown={onKeyDown}
        />
      )}
    </FieldFrame>
  );
}
