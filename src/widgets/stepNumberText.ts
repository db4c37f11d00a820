/**
 * What an arrow key makes of a number's text: up or down by one step, where the step is the field's
 * multipleOf, else 1 for integers, else one unit of the last decimal place typed ("0.025" steps by
 * 0.001), so nudging a value keeps the precision the user chose. Shift steps ten times as far. A
 * value off the multipleOf grid moves to the nearest grid point that way. The result stays within the
 * field's limits. Decimal arithmetic on scaled integers: 0.1 + 0.2 gives
 * "0.3", not "0.30000000000000004". Pure; no DOM.
 */
import type { FieldNode } from '../schemas/index';

const PLAIN_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** Digits after the decimal point of a plain decimal text ("2.50" -> 2). */
function decimalsOf(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/**
 * The text after one step, or undefined when there is nothing to step: empty text, text that is not a
 * plain decimal (exponent forms, run lists), or a step that the limits do not let move.
 * @example stepNumberText('0.025', 1, {}, false) // '0.026'
 */
export function stepNumberText(
  text: string,
  direction: 1 | -1,
  field: Pick<
    FieldNode,
    'kind' | 'multipleOf' | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum'
  >,
  tenfold: boolean,
): string | undefined {
  const trimmed = text.trim();
  if (!PLAIN_DECIMAL.test(trimmed)) return undefined;
  const step = field.multipleOf ?? (field.kind === 'integer' ? 1 : 10 ** -decimalsOf(trimmed));
  const stepText = String(step);
  if (!PLAIN_DECIMAL.test(stepText)) return undefined;
  const places = Math.max(decimalsOf(trimmed), decimalsOf(stepText));
  if (places > 15) return undefined;
  const scale = 10 ** places;
  const scaled = Math.round(Number(trimmed) * scale);
  const unit = Math.round(step * scale);
  if (unit <= 0) return undefined;
  const by = unit * (tenfold ? 10 : 1);
  // Off the multipleOf grid ("0.13" in steps of 0.05): the first press lands on the grid.
  const offGrid = ((scaled % unit) + unit) % unit;
  let nextScaled: number;
  if (offGrid === 0) nextScaled = scaled + direction * by;
  else nextScaled = direction === 1 ? scaled - offGrid + unit : scaled - offGrid;
  const next = nextScaled / scale;
  if (field.exclusiveMaximum !== undefined && next >= field.exclusiveMaximum) return undefined;
  if (field.exclusiveMinimum !== undefined && next <= field.exclusiveMinimum) return undefined;
  // Past a limit: the limit itself, written as the schema gives it.
  let out = next.toFixed(places);
  if (field.maximum !== undefined && next > field.maximum) out = String(field.maximum);
  if (field.minimum !== undefined && next < field.minimum) out = String(field.minimum);
  return Number(out) === Number(trimmed) ? undefined : out;
}
