/**
 * Limits in words, shown before the user leaves a field ("0.1–10 Å", "above 0 mm") and checked while
 * typing ("12 is above the maximum, 10 Å"). Plain functions over a FieldNode; no rendering.
 */
import type { FieldNode } from '../schemas/index';
import { formatNumber } from '../schemas/index';

function withUnits(text: string, units: string | undefined): string {
  return units === undefined || units === '' ? text : `${text} ${units}`;
}

/**
 * The allowed range of a numeric field in words, or undefined when it has no limits.
 * @example describeLimits({minimum: 0.1, maximum: 10, units: 'Å'}) // '0.1–10 Å'
 */
export function describeLimits(field: FieldNode): string | undefined {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, units, multipleOf } = field;
  let range: string | undefined;
  if (minimum !== undefined && maximum !== undefined) {
    range = withUnits(`${formatNumber(minimum)}–${formatNumber(maximum)}`, units);
  } else {
    const parts: string[] = [];
    if (exclusiveMinimum !== undefined) parts.push(`above ${formatNumber(exclusiveMinimum)}`);
    else if (minimum !== undefined) parts.push(`at least ${formatNumber(minimum)}`);
    if (exclusiveMaximum !== undefined) parts.push(`below ${formatNumber(exclusiveMaximum)}`);
    else if (maximum !== undefined) parts.push(`at most ${formatNumber(maximum)}`);
    if (parts.length > 0) range = withUnits(parts.join(' and '), units);
  }
  if (multipleOf !== undefined) {
    const step = `in steps of ${formatNumber(multipleOf)}`;
    return range === undefined ? step : `${range}, ${step}`;
  }
  return range;
}

/**
 * Why a number breaks the field's limits, or undefined when it keeps them. O(1).
 * @example limitProblem({maximum: 10, units: 'Å'}, 12) // '12 is above the maximum, 10 Å.'
 */
export function limitProblem(field: FieldNode, value: number): string | undefined {
  const n = formatNumber(value);
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, units } = field;
  if (minimum !== undefined && value < minimum) {
    return `${n} is below the minimum, ${withUnits(formatNumber(minimum), units)}.`;
  }
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) {
    return `${n} must be above ${withUnits(formatNumber(exclusiveMinimum), units)}.`;
  }
  if (maximum !== undefined && value > maximum) {
    return `${n} is above the maximum, ${withUnits(formatNumber(maximum), units)}.`;
  }
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) {
    return `${n} must be below ${withUnits(formatNumber(exclusiveMaximum), units)}.`;
  }
  return undefined;
}
