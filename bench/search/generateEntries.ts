/**
 * Generated search entries for the benchmark: fields with labels, camelCase keys, descriptions, units
 * and enum labels drawn from a reduction scientist's vocabulary, deterministic per seed. Built through
 * entryOf so the index sees exactly what a real FieldModel would give it.
 */
import { entryOf, type FieldNode, type SearchEntry } from '../../src/schemas/index';

const subjects = [
  'detector',
  'sample',
  'beam',
  'wavelength',
  'background',
  'transmission',
  'monitor',
  'vanadium',
  'chopper',
  'slit',
  'mask',
  'bank',
  'pixel',
  'tube',
  'panel',
  'wedge',
  'annulus',
  'solvent',
  'empty can',
  'dark current',
  'flood',
  'sensitivity',
  'incident energy',
  'energy transfer',
  'time of flight',
  'peak',
  'reflectivity',
  'angle',
  'polariser',
  'analyser',
  'spin flipper',
  'temperature',
  'field',
  'pressure',
];
const qualifiers = [
  'min',
  'max',
  'step',
  'offset',
  'width',
  'center X',
  'center Y',
  'distance',
  'radius',
  'threshold',
  'scale factor',
  'efficiency',
  'correction',
  'tolerance',
  'bins per decade',
  'cutoff',
  'window',
  'fit order',
  'smoothing',
  'weight',
  'range',
  'run number',
  'file path',
  'normalisation',
  'error',
];
const fillers = [
  'used',
  'when',
  'the',
  'reduction',
  'applies',
  'a',
  'to',
  'each',
  'scan',
  'in',
  'units',
  'of',
  'measured',
  'value',
  'before',
  'after',
  'subtraction',
  'is',
  'enabled',
  'for',
  'Å',
  'résolution',
  'data',
  'instrument',
];
const units = ['Å', '1/Å', 'meV', 'mm', 'cm', 'µs', 'K', 'T', 'deg', '%', ''];
const enumSets = [
  ['Linear', 'Logarithmic'],
  ['None', 'Gaussian', 'Lorentzian'],
  ['Sum', 'Average', 'Median'],
];

/** A small, seeded PRNG (mulberry32) so every run indexes the same fields. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const camel = (text: string): string =>
  text
    .split(/\s+/)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');

/** `n` entries in schema order, as searchEntries would give for a model of n fields. O(n). */
export function generateEntries(n: number, seed = 1): SearchEntry[] {
  const rnd = random(seed);
  const entries: SearchEntry[] = [];
  for (let i = 0; i < n; i++) {
    const subject = pick(rnd, subjects);
    const qualifier = pick(rnd, qualifiers);
    const bank = rnd() < 0.3 ? ` ${1 + Math.floor(rnd() * 48)}` : '';
    const label = `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${qualifier}${bank}`;
    const description = Array.from({ length: 5 + Math.floor(rnd() * 8) }, () => pick(rnd, fillers)).join(' ');
    const section = `${pick(rnd, subjects)} settings`;
    const unit = pick(rnd, units);
    const field = {
      type: 'field',
      pointer: `/s${i}/${camel(label)}`,
      key: camel(label),
      label,
      description,
      advanced: rnd() < 0.4,
      order: i,
      schemaIndex: i,
      required: false,
      readOnly: false,
      conditionIds: [],
      location: { schemaPointer: `#/properties/f${i}` },
      hints: {},
      kind: 'number',
      coercion: 'none',
      nullable: false,
      hasDefault: false,
      ruleIds: [],
      ...(unit ? { units: unit } : {}),
      ...(rnd() < 0.1 ? { enumLabels: pick(rnd, enumSets) } : {}),
    } as FieldNode;
    entries.push(entryOf(field, i, [section], [], field.advanced));
  }
  return entries;
}

/** Queries of `words` words, each a prefix (3+ letters) or whole word of one field's label. */
export function generateQueries(
  entries: readonly SearchEntry[],
  words: number,
  count: number,
  seed = 2,
): string[] {
  const rnd = random(seed);
  const queries: string[] = [];
  while (queries.length < count) {
    const entry = pick(rnd, entries);
    const labelWords = entry.labelText.split(' ').filter((w) => w.length > 0);
    if (labelWords.length < words) continue;
    const start = Math.floor(rnd() * (labelWords.length - words + 1));
    const chosen = labelWords.slice(start, start + words).map((w) => {
      const cut = w.length > 3 && rnd() < 0.5 ? 3 + Math.floor(rnd() * (w.length - 3)) : w.length;
      return w.slice(0, cut);
    });
    queries.push(chosen.join(' '));
  }
  return queries;
}
