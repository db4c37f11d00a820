/**
 * A unit written at the end of a key after a separator ("sampleThickness_cm", "countTime_s"): the
 * label shows it in parentheses, and the missing-units lint rule takes it as the field's unit. Pure
 * string work.
 */

// Unit symbols a key may end with after a separator ("sampleThickness_cm", "distance_m"), written as
// they are. Left out on purpose: "min" (minimum far more often than minutes), "A" and "T" (a bank or
// detector letter as often as ångström or tesla), "C".
const unitSuffixes = new Set([
  'nm',
  'um',
  'mm',
  'cm',
  'm',
  'Ang',
  'AA',
  'Angstrom',
  'angstrom',
  'invAng',
  'K',
  'mK',
  'degC',
  'deg',
  'degrees',
  'rad',
  'mrad',
  's',
  'sec',
  'ms',
  'us',
  'ns',
  'Hz',
  'kHz',
  'MHz',
  'meV',
  'ueV',
  'eV',
  'keV',
  'mT',
  'Pa',
  'kPa',
  'bar',
  'mbar',
  'kV',
  'mA',
  'uA',
  'pct',
]);

/**
 * The unit a key ends with after a separator, and the key without it: "sampleThickness_cm" -> cm,
 * "sampleThickness". Undefined when the key has no such suffix or is nothing but a unit.
 */
export function unitSuffixOf(key: string): { stem: string; unit: string } | undefined {
  const m = /^(.*[^\s_\-.])[\s_\-.]+([A-Za-z]+)$/.exec(key);
  if (m === null || !unitSuffixes.has(m[2]!)) return undefined;
  return { stem: m[1]!, unit: m[2]! };
}
