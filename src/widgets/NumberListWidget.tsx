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
} from '../schemas/index';
import { describeLimits, limitProblem } from './describeLimits';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
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
function countHint(count: number, minItems?: number, maxItems?: number): string {
  const has = count === 0 ? 'no values' : `${count} ${count === 1 ? 'value' : 'values'}`;
  if (minItems !== undefined && minItems === maxItems) return `${has}; exactly ${minItems} expected`;
  if (minItems !== undefined && count < minItems) return `${has}; at least ${minItems} expected`;
  if (maxItems !== undefined && count > maxItems) return `${has}; at most ${maxItems} expected`;
  return has;
}

/**
 * The count and limits shown under the list while typing: which entry breaks a limit (minimum and
 * maximum of a list kind apply to each entry, see FieldModel), or the limits of each entry.
 */
function listHint(field: WidgetProps['field'], s: TextState): { hint: string | undefined; warn: boolean } {
  const fromText = typeof s.parsed === 'string' ? parseNumberList(s.parsed) : undefined;
  const values = Array.isArray(s.parsed) ? s.parsed : fromText?.ok ? fromText.value : undefined;
  const count = values !== undefined && s.pendingError === undefined ? values.length : undefined;
  const countWrong =
    count !== undefined &&
    ((field.minItems !== undefined && count < field.minItems) ||
      (field.maxItems !== undefined && count > field.maxItems));
  const each = describeLimits(field);
  const bad =
    values !== undefined && s.pendingError === undefined
      ? values.findIndex((v) => typeof v === 'number' && limitProblem(field, v) !== undefined)
      : -1;
  const parts: string[] = [];
  if (count !== undefined) parts.push(countHint(count, field.minItems, field.maxItems));
  if (bad >= 0) parts.push(`entry ${bad + 1}: ${limitProblem(field, values?.[bad] as number)}`);
  else if (each !== undefined) parts.push(`each ${each}`);
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
  const empty = useMemo(
    () =>
      field.minItems
        ? fail(`Enter numbers separated by commas, e.g. ${example}.`)
        : asText
          ? EMPTY_TEXT
          : EMPTY_LIST,
    [field.minItems, example, asText],
  );
  const hintOf = useCallback((s: TextState) => listHint(field, s), [field]);
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
          placeholder={field.placeholder ?? `e.g. ${example}`}
        />
      )}
    </FieldFrame>
  );
});
