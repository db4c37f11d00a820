/**
 * Binning triplets [min, step, max] from text ("0.001, -0.02, 0.5") or an array, checked as a whole:
 * a step of zero, min not below max, or a logarithmic (negative) step with min ≤ 0 is refused with a
 * message. A negative step means logarithmic binning: the step is then a relative width (-0.01 = 1 %
 * per bin). No React, no DOM.
 */
import { activeLocale, say } from '../i18n/activeLocale';
import { type CoerceResult, fail, ok } from './CoerceResult';
import { formatLocaleNumber } from './localeNumber';
import { formatNumber } from './parseNumber';
import { parseNumberList } from './parseNumberList';

/** A number in a message, with the active locale's decimal mark. */
const shown = (n: number): string => formatLocaleNumber(n, activeLocale());

export type Binning = readonly [min: number, step: number, max: number];

/**
 * Parse and check a binning triplet. O(length).
 * @example parseBinning('0.001, -0.02, 0.5') // {ok: true, value: [0.001, -0.02, 0.5]}
 */
export function parseBinning(input: string | readonly unknown[]): CoerceResult<Binning> {
  let values: readonly unknown[];
  if (typeof input === 'string') {
    const parsed = parseNumberList(input, { allowEmpty: false });
    if (!parsed.ok) return fail(parsed.message);
    values = parsed.value;
  } else {
    values = input;
  }
  if (values.length !== 3) {
    return fail(say('coerce.binning.count', { count: values.length }));
  }
  const names = ['min', 'step', 'max'] as const;
  for (let i = 0; i < 3; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return fail(say('coerce.binning.notNumber', { part: names[i], got: JSON.stringify(v) ?? String(v) }));
    }
  }
  const [min, step, max] = values as [number, number, number];
  return checkBinning(min, step, max);
}

/** Check the relations between min, step and max. */
export function checkBinning(min: number, step: number, max: number): CoerceResult<Binning> {
  if (step === 0) return fail(say('coerce.binning.zeroStep'));
  if (!(min < max)) return fail(say('coerce.binning.order', { min: shown(min), max: shown(max) }));
  if (step < 0 && min <= 0) {
    return fail(say('coerce.binning.logMin', { min: shown(min) }));
  }
  if (step > 0 && step > max - min) {
    return fail(say('coerce.binning.stepTooLarge', { step: shown(step) }));
  }
  return ok([min, step, max]);
}

/** Comma-separated text of a triplet. */
export function formatBinning(binning: Binning): string {
  return binning.map(formatNumber).join(', ');
}

/**
 * What a step means, in words: "logarithmic, 1 % per bin" or "linear, 0.01 per bin".
 * @example describeBinningStep(-0.01) // 'logarithmic, 1 % per bin'
 */
export function describeBinningStep(step: number, units?: string): string {
  if (step < 0) {
    // toPrecision strips float noise such as 0.01 * 100 = 1.0000000000000002.
    const percent = Number((-step * 100).toPrecision(6));
    return say('coerce.binning.logStep', { percent: shown(percent) });
  }
  return units
    ? say('coerce.binning.linearStep', { step: shown(step), units })
    : say('coerce.binning.linearStepNoUnits', { step: shown(step) });
}

/** Number of bins a valid triplet gives (for hints: "50 bins"). */
export function binCount(binning: Binning): number {
  const [min, step, max] = binning;
  return step < 0 ? Math.ceil(Math.log(max / min) / Math.log(1 - step)) : Math.ceil((max - min) / step);
}
