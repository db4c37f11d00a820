/**
 * Rule missing-units: a number whose key names a physical quantity (wavelength, distance, Q...) must
 * say its unit with x-units: "3" means nothing until it is 3 Å or 3 m. The quantity words are
 * configurable; keys that count or scale (bins, number, factor, fraction...) are exempt, and so are keys
 * that end in their unit ("thickness_cm").
 */

import { say } from '../../i18n/index';
import { unitSuffixOf } from '../../model/unitSuffix';
import type { LintRule, RuleFinding } from '../LintDiagnostic';

/** The default quantity words, matched against the words of a key. */
export const defaultQuantities: readonly string[] = [
  'wavelength',
  'lambda',
  'distance',
  'thickness',
  'radius',
  'height',
  'width',
  'diameter',
  'length',
  'temperature',
  'energy',
  'ei',
  'angle',
  'theta',
  'omega',
  'phi',
  'psi',
  'chi',
  'aperture',
  'q',
  'qx',
  'qy',
  'tof',
  'time',
  'interval',
  'offset',
  'density',
  'mass',
  'dspacing',
  'd',
  'field',
  'pressure',
];

/**
 * The unit the message suggests for each default quantity: the one its instruments usually use, so the
 * fix an author copies is right more often than not ("x-units": "degrees" for an angle, not Å).
 */
const suggestedUnit: Readonly<Record<string, string>> = {
  wavelength: 'Å',
  lambda: 'Å',
  dspacing: 'Å',
  d: 'Å',
  distance: 'mm',
  thickness: 'mm',
  radius: 'mm',
  height: 'mm',
  width: 'mm',
  diameter: 'mm',
  length: 'mm',
  aperture: 'mm',
  offset: 'mm',
  temperature: 'K',
  energy: 'meV',
  ei: 'meV',
  angle: 'degrees',
  theta: 'degrees',
  omega: 'degrees',
  phi: 'degrees',
  psi: 'degrees',
  chi: 'degrees',
  q: '1/Å',
  qx: '1/Å',
  qy: '1/Å',
  tof: 'µs',
  time: 's',
  interval: 's',
  density: 'g/cm³',
  mass: 'g',
  field: 'T',
  pressure: 'bar',
};

/** The unit to suggest for a quantity word; a facility's own quantity words get a neutral hint. */
export function suggestUnit(quantity: string | undefined): string | undefined {
  return quantity === undefined ? undefined : suggestedUnit[quantity];
}

/** Words that mark a count, a ratio or an index: no unit needed. */
const unitless = new Set([
  'bins',
  'bin',
  'number',
  'num',
  'count',
  'n',
  'index',
  'per',
  'decade',
  'points',
  'factor',
  'fraction',
  'ratio',
  'scale',
  'relative',
  'type',
  'mode',
  'name',
  'file',
  'log',
  'over',
]);
const suffixes = ['', 'min', 'max', 'start', 'end', 'low', 'high', 'lo', 'hi', 's'];

/** Splits a key into lower-case words: "sampleApertureSize" -> sample, aperture, size; "Qmin" -> qmin. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** The quantity a key names, if any ("wavelengthMin" -> "wavelength"). */
export function quantityOf(key: string, quantities: readonly string[]): string | undefined {
  const words = keyWords(key);
  if (words.some((w) => unitless.has(w))) return undefined;
  for (const word of words) {
    for (const q of quantities) {
      if (suffixes.some((s) => word === q + s)) return q;
    }
  }
  return undefined;
}

/** A description that says the number is a ratio or a count exempts it: "as a fraction of the FWHM". */
const unitlessDescription =
  /\b(fraction|ratio|factor|relative|dimensionless|unitless|percent|counts?|pixels?)\b/i;

const numeric = new Set(['number', 'integer', 'numberList', 'binning']);

export const missingUnits: LintRule = {
  id: 'missing-units',
  severity: 'warning',
  description: 'A number whose key names a physical quantity must declare x-units.',
  needsModel: true,
  check({ model, quantities, unitsRequiredFor }) {
    const findings: RuleFinding[] = [];
    for (const field of model?.fields ?? []) {
      if (field.units || !(numeric.has(field.kind) || unitsRequiredFor.includes(field.kind))) continue;
      // A key that ends in its unit ("thickness_cm") says it; the label shows it as "Thickness (cm)".
      if (unitSuffixOf(field.key)) continue;
      const quantity = quantityOf(field.key, quantities);
      if (!quantity && !unitsRequiredFor.includes(field.kind)) continue;
      if (quantity && field.description && unitlessDescription.test(field.description)) continue;
      const unit = suggestUnit(quantity);
      findings.push({
        schemaPointer: field.location.schemaPointer,
        message: quantity
          ? say('linter.missingUnitsQuantity', { pointer: field.pointer, quantity, unit: unit ?? 'mm' })
          : say('linter.missingUnits', { pointer: field.pointer, kind: field.kind, unit: unit ?? 'mm' }),
      });
    }
    return findings;
  },
};
