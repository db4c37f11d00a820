/**
 * Limits in words, shown before the user leaves a field ("0.1–10 Å", "above 0 mm") and checked while
 * typing ("12 is above the maximum, 10 Å"), in the form's language with its decimal mark. Plain
 * functions over a FieldNode; no rendering.
 */
import type { FieldNode } from '../schemas/index';
import { formatLocaleNumber, listOf, translate } from '../schemas/index';

/**
 * The allowed range of a numeric field in words, or undefined when it has no limits.
 * @example describeLimits({minimum: 0.1, maximum: 10, units: 'Å'}) // '0.1–10 Å'
 */
export function describeLimits(field: FieldNode, locale = 'en'): string | undefined {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, units, multipleOf } = field;
  const n = (x: number) => formatLocaleNumber(x, locale);
  const t = (key: string, values: Record<string, string>) => translate(locale, key, values);
  const withUnits = (text: string) => (units === undefined || units === '' ? text : `${text} ${units}`);
  let range: string | undefined;
  if (minimum !== undefined && maximum !== undefined) {
    range = withUnits(`${n(minimum)}–${n(maximum)}`);
  } else {
    const parts: string[] = [];
    if (exclusiveMinimum !== undefined) parts.push(t('limits.above', { limit: n(exclusiveMinimum) }));
    else if (minimum !== undefined) parts.push(t('limits.atLeast', { limit: n(minimum) }));
    if (exclusiveMaximum !== undefined) parts.push(t('limits.below', { limit: n(exclusiveMaximum) }));
    else if (maximum !== undefined) parts.push(t('limits.atMost', { limit: n(maximum) }));
    if (parts.length > 0) range = withUnits(listOf(locale, parts));
  }
  if (multipleOf !== undefined) {
    const step = t('limits.steps', { step: n(multipleOf) });
    return range === undefined ? step : t('limits.rangeAndSteps', { range, step });
  }
  return range;
}

/**
 * Why a number breaks the field's limits, or undefined when it keeps them. O(1).
 * @example limitProblem({maximum: 10, units: 'Å'}, 12) // '12 is above the maximum, 10 Å.'
 */
export function limitProblem(field: FieldNode, value: number, locale = 'en'): string | undefined {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, units } = field;
  const n = (x: number) => formatLocaleNumber(x, locale);
  const say = (key: string, limit: number) =>
    translate(locale, key, { value: n(value), limit: units ? `${n(limit)} ${units}` : n(limit) });
  if (minimum !== undefined && value < minimum) return say('limits.belowMinimum', minimum);
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum)
    return say('limits.mustBeAbove', exclusiveMinimum);
  if (maximum !== undefined && value > maximum) return say('limits.aboveMaximum', maximum);
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum)
    return say('limits.mustBeBelow', exclusiveMaximum);
  return undefined;
}
