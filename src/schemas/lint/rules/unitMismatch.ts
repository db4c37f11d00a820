/**
 * Rule unit-mismatch: a key that ends in its unit ("sampleThickness_cm") and an `x-units` that names
 * another ("mm") contradict each other. The label shows the key's unit and the input the other, so
 * the scientist types a value in one and the reduction reads it in the other: off by a factor of 10
 * for cm and mm. Spellings of one unit (Ang, Å; us, µs; deg, °) agree.
 */

import { say } from '../../i18n/index';
import { unitSuffixOf } from '../../model/unitSuffix';
import type { LintRule, RuleFinding } from '../LintDiagnostic';

/** Other spellings of a unit, by the one the comparison uses. */
const spellings: Readonly<Record<string, readonly string[]>> = {
  Å: ['Ang', 'AA', 'Angstrom', 'angstrom', 'Å'],
  '1/Å': ['invAng', '1/Ang', '1/A', 'Å^-1', 'Å⁻¹', 'A^-1', '1/Angstrom'],
  µm: ['um', 'μm', 'micron', 'microns'],
  µs: ['us', 'μs', 'microseconds'],
  µeV: ['ueV', 'μeV'],
  µA: ['uA', 'μA'],
  '°': ['deg', 'degree', 'degrees'],
  '°C': ['degC', 'Celsius'],
  s: ['sec', 'second', 'seconds'],
  '%': ['pct', 'percent'],
};
const canonicalOf = new Map(Object.entries(spellings).flatMap(([unit, all]) => all.map((s) => [s, unit])));

/** The unit as compared: one spelling per unit, surrounding space ignored. */
function canonical(unit: string): string {
  const trimmed = unit.trim();
  return canonicalOf.get(trimmed) ?? trimmed;
}

export const unitMismatch: LintRule = {
  id: 'unit-mismatch',
  severity: 'warning',
  description: 'A key that ends in its unit (thickness_cm) must not declare another unit in x-units.',
  needsModel: true,
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const field of model?.fields ?? []) {
      const suffix = unitSuffixOf(field.key);
      if (!suffix || field.units === undefined || canonical(suffix.unit) === canonical(field.units)) continue;
      findings.push({
        schemaPointer: field.location.schemaPointer,
        message: say('linter.unitMismatch', {
          pointer: field.pointer,
          keyUnit: suffix.unit,
          units: field.units,
        }),
      });
    }
    return findings;
  },
};
