/**
 * Lists of numbers typed on one line ("-30, 60"; commas, semicolons or spaces), for wedge angles, Q
 * ranges per panel and the like: order and duplicates are kept as typed; the count and the item limits
 * are shown; units beside the input. The request holds number[], or, when the schema stores a string
 * (FieldNode.listAs 'text'), the list as normalised text ("-30, 60").
 */

import { memo, type ReactNode, useCallback, useMemo } from 'react';
import {
  type CoerceResult,
  fail,
  formatNumber,
  formatNumberList,
  ok,
  parseNumberList,
  translate,
} from '../schemas/index';
import { describeLimits, limitProblem } from './describeLimits';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { useLocale, useT } from './LocaleContext';
import { TypedTextInput } from './TypedTextInput';
import { type TextState, useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

const EMPTY_LIST = ok<number[]>([]);
const EMPTY_TEXT = ok('');

/**
 * Two values the field allows, for its placeholder and messages: "-30, 60" (wedge angles) where the
 * limits allow it, else values inside the limits ("2.5, 7.5" for D max, which must be positive).
 * @example numberListExample({exclusiveMinimum: 0}) // '2.5, 7.5'
 */
export function numberListExample(field: WidgetProps['field']): string {
  const lo = field.minimum ?? field.exclusiveMinimum;
  const hi = field.maximum ?? field.exclusiveMaximum;
  if ((lo === undefined || lo <= -30) && (hi === undefined || hi >= 60)) return '-30, 60';
  const from = lo ?? hi! - 10;
  const to = hi ?? from + 10;
  const nice = (x: number) => formatNumber(Number(x.toPrecision(2)));
  const pick = field.hints.integer === true ? (x: number) => String(Math.round(x)) : nice;
  return `${pick(from + (to - from) / 4)}, ${pick(from + ((to - from) * 3) / 4)}`;
}

function formatNumbers(value: unknown): string {
  return Array.isArray(value) && value.every((x) => typeof x === 'number')
    ? formatNumberList(value as number[])
    : formatAnyValue(value);
}

/** "2 values" ("no values" for an empty list), with the allowed count when the schema limits it. */
function countHint(locale: string, count: number, minItems?: number, maxItems?: number): string {
  const has = translate(locale, 'widget.numbers.count', { count });
  const say = (key: string, expected: number) => translate(locale, key, { has, expected });
  if (minItems !== undefined && minItems === maxItems) return say('widget.numbers.exactly', minItems);
  if (minItems !== undefined && count < minItems) return say('widget.numbers.atLeast', minItems);
  if (maxItems !== undefined && count > maxItems) return say('widget.numbers.atMost', maxItems);
  return has;
}

/**
 * The count and limits shown under the list while typing: which entry breaks a limit (minimum and
 * maximum of a list kind apply to each entry, see FieldModel), or the limits of each entry.
 */
function listHint(
  field: WidgetProps['field'],
  s: TextState,
  locale: string,
): { hint: string | undefined; warn: boolean } {
  const fromText = typeof s.parsed === 'string' ? parseNumberList(s.parsed) : undefined;
  const values = Array.isArray(s.parsed) ? s.parsed : fromText?.ok ? fromText.value : undefined;
  const count = values !== undefined && s.pendingError === undefined ? values.length : undefined;
  const countWrong =
    count !== undefined &&
    ((field.minItems !== undefined && count < field.minItems) ||
      (field.maxItems !== undefined && count > field.maxItems));
  const each = describeLimits(field, locale);
  const bad =
    values !== undefined && s.pendingError === undefined
      ? values.findIndex((v) => typeof v === 'number' && limitProblem(field, v, locale) !== undefined)
      : -1;
  const parts: string[] = [];
  if (count !== undefined) parts.push(countHint(locale, count, field.minItems, field.maxItems));
  if (bad >= 0)
    parts.push(
      translate(locale, 'widget.numbers.entryProblem', {
        n: bad + 1,
        problem: limitProblem(field, values?.[bad] as number, locale) ?? '',
      }),
    );
  else if (each !== undefined) parts.push(translate(locale, 'widget.numbers.each', { limits: each }));
  return { hint: parts.length === 0 ? undefined : parts.join('; '), warn: countWrong || bad >= 0 };
}

/** A number-list field. */
export const NumberListWidget = memo(function NumberListWidget(props: WidgetProps): ReactNode {
  const { field } = props;
  const integer = field.hints.integer === true;
  const asText = field.listAs === 'text';
  const parse = useCallback(
    (text: string): CoerceResult<unknown> => {
      const result = parseNumberList(text, { allowEmpty: false, integer });
      return result.ok && asText ? ok(formatNumberList(result.value)) : result;
    },
    [integer, asText],
  );
  const example = numberListExample(field);
  const locale = useLocale();
  const say = useT();
  const empty = useMemo(
    () =>
      field.minItems ? fail(say('widget.numbers.empty', { example })) : asText ? EMPTY_TEXT : EMPTY_LIST,
    [field.minItems, example, asText, say],
  );
  const hintOf = useCallback((s: TextState) => listHint(field, s, locale), [field, locale]);
  const t = useTextValue(props, formatNumbers, parse, empty, hintOf);
  return (
    <FieldFrame
      widget="numberList"
      props={props}
      textError={t.textError}
      hint={t.view.hint}
      hintWarn={t.view.warn}
      units={field.units}
    >
      {(aria) => (
        <TypedTextInput
          aria={aria}
          props={props}
          text={t}
          modifier="list"
          placeholder={field.placeholder ?? say('widget.example', { example })}
        />
      )}
    </FieldFrame>
  );
});
