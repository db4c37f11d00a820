/**
 * Readable labels from property keys, for schemas without `title`: "sampleApertureSize" -> "Sample
 * aperture size", "1DQbinType" -> "1D Q bin type", "iptsNumber" -> "IPTS number", "sampleThickness_cm"
 * -> "Sample thickness (cm)". Pure string work; acronyms come from an extendable list so a facility
 * can add its own (options.acronyms).
 */
import { unitSuffixOf } from './unitSuffix';

/** Acronyms written in capitals wherever they appear as a word. A facility extends this per model. */
export const DEFAULT_ACRONYMS: readonly string[] = [
  'IPTS',
  'TOF',
  'ID',
  'URL',
  'URI',
  'SANS',
  'SAXS',
  'EQSANS',
  'GPSANS',
  'BIOSANS',
  'HFIR',
  'SNS',
  'ISIS',
  'ILL',
  'PSI',
  'NXS',
  'HDF',
  'CSV',
  'JSON',
  'XML',
  'GSAS',
  'UB',
  'DAS',
  'EPICS',
  'PV',
  'ROI',
  'UUID',
  '1D',
  '2D',
  '3D',
  'Qx',
  'Qy',
  'Qz',
  'dQ',
];

function acronymMap(acronyms: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of acronyms) map.set(a.toLowerCase(), a);
  return map;
}

const defaultMap = acronymMap(DEFAULT_ACRONYMS);

/**
 * Splits a key into words at "_", "-", ".", spaces, lower->upper and letter<->digit changes, and before
 * the last capital of a capital run ("IPTSNumber" -> IPTS, Number), unless the whole run is a known
 * acronym followed by a lower-case word ("TOFmin" -> TOF, min; "UBmatrix" -> UB, matrix). A capital
 * run with a plural "s" is one word ("IDs", "ROIs"). A digit run followed by one capital is one word
 * ("1D"). "Q" glued to a lower-case word is the symbol Q ("Qbin" -> Q, bin; "Qmax" -> Q, max), because
 * English words starting with Q continue with "u"; "Qx"/"Qy"/"Qz" stay whole.
 */
export function splitKey(key: string, acronyms?: readonly string[]): string[] {
  return splitWith(key, acronyms ? mapFor(acronyms) : defaultMap);
}

// Words a key may fuse with the acronym before it, sharing one capital ("HDFile", "SANSample"). Short
// on purpose: a word here that is also a common key tail would split keys like "TOFmin" wrongly.
const sharedCapitalWords = new Set([
  'file',
  'files',
  'filename',
  'format',
  'folder',
  'sample',
  'samples',
  'path',
  'number',
  'name',
]);

// digits+capital ("1D", "2D"), a plural capital run ("IDs"), capital runs not followed by lower case,
// capitalised or lower words, digits, a lone capital.
const wordPattern = /[0-9]+[A-Z](?![a-z])|[A-Z]{2,}s(?![a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[A-Z]/g;

function splitWith(key: string, map: Map<string, string>): string[] {
  const words: string[] = [];
  for (const raw of key.split(/[\s_\-.]+/)) {
    if (!raw) continue;
    // A known acronym glued to a lower-case word ("TOFmin") ends where the acronym ends. When its last
    // capital also starts a common word that the rest alone is not ("HDFile": F + ile), the capital is
    // shared: "HDF file".
    const chunk = raw.replace(/[A-Z]{2,}(?=[a-z])/g, (run, at: number) => {
      const rest = raw.slice(at + run.length);
      if (map.get(run.toLowerCase()) !== run || /^s(?![a-z])/.test(rest)) return run;
      const last = run[run.length - 1]!.toLowerCase();
      const tail = /^[a-z]+/.exec(rest)![0];
      return sharedCapitalWords.has(last + tail) && !sharedCapitalWords.has(tail)
        ? `${run} ${last}`
        : `${run} `;
    });
    for (const part of chunk.split(' ')) {
      for (const m of part.matchAll(wordPattern)) {
        const word = m[0];
        if (/^Q[b-df-hj-np-tv-z][a-z]+$/.test(word)) words.push('Q', word.slice(1));
        else words.push(word);
      }
    }
  }
  return words;
}

// The map for a config's acronym list, built once per list: a model asks for a label per key, and
// rebuilding the map each time led the model build's profile at 1,000 fields.
const maps = new WeakMap<readonly string[], Map<string, string>>();
function mapFor(acronyms: readonly string[]): Map<string, string> {
  let map = maps.get(acronyms);
  if (map === undefined) {
    map = acronyms.length === 0 ? defaultMap : acronymMap([...DEFAULT_ACRONYMS, ...acronyms]);
    maps.set(acronyms, map);
  }
  return map;
}

/**
 * A label from a key: words split by splitKey, first word capitalised, the rest lower case, except
 * acronyms (from the list) and single capital letters (symbols such as Q, T, E) which keep their case.
 * "LogQBinsPerDecade" -> "Log Q bins per decade"; "useThetaDepTransCorrection" -> "Use theta dep trans
 * correction". O(length of key).
 */
export function labelFromKey(key: string, acronyms?: readonly string[]): string {
  const map = acronyms ? mapFor(acronyms) : defaultMap;
  let labels = labelsByMap.get(map);
  if (labels === undefined) {
    labels = new Map();
    labelsByMap.set(map, labels);
  }
  let label = labels.get(key);
  if (label === undefined) {
    label = labelOf(key, map);
    labels.set(key, label);
  }
  return label;
}

// Labels already made, per acronym map: schemas repeat keys (every section's "value", "runNumber"),
// and the regular expressions below were a tenth of building a 1,000-field model.
const labelsByMap = new WeakMap<Map<string, string>, Map<string, string>>();

function labelOf(key: string, map: Map<string, string>): string {
  // A unit suffix keeps its case and goes in parentheses: "Sample thickness (cm)", not "... cm".
  const suffix = unitSuffixOf(key);
  if (suffix !== undefined) return `${labelOf(suffix.stem, map)} (${suffix.unit})`;
  const words = splitWith(key, map);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const known = map.get(word.toLowerCase());
    if (known) out.push(known);
    else if (/^[A-Z]$/.test(word)) out.push(word);
    else if (/^[0-9]+[A-Z]$/.test(word)) out.push(word);
    else if (/^[A-Z]{2,}s?$/.test(word))
      out.push(word); // an unknown capital run is an acronym too, and so is its plural ("IDs")
    else out.push(i === 0 ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word.toLowerCase());
  }
  if (out.length > 0 && /^[a-z]/.test(out[0]!)) out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return out.join(' ');
}

/** A label for an enum value or discriminator: "each_scan" -> "Each scan", 3 -> "3". */
export function labelFromValue(value: unknown, acronyms?: readonly string[]): string {
  if (typeof value === 'string') return value === '' ? '(empty)' : labelFromKey(value, acronyms) || value;
  return JSON.stringify(value) ?? String(value);
}
