/**
 * Unicode case folding for log search, from one table (unicode-case-folding's copy of Unicode's
 * CaseFolding.txt) on both stores, so they cannot disagree: SQLite and a C-locale PostgreSQL fold only
 * ASCII in lower(), and neither has Unicode case folding built in. SQLite calls foldNonAscii as a
 * registered function; PostgreSQL folds, in SQL, just the characters caseFoldingsInto finds for the needle.
 * Which folding and why: foldCase (src/schemas/search/foldCase.ts), which the page uses too.
 */
import { lookupFolding } from 'unicode-case-folding';

/** Highest code point with a case folding (Adlam, U+1E921); the table is read up to here once. */
const LAST_FOLDED = 0x1ffff;

let into: Map<string, [string, string][]> | undefined;
let foldOf: Map<string, string> | undefined;

/** For each character that appears in some folding, the characters whose folding contains it. */
function foldingsByResult(): Map<string, [string, string][]> {
  if (into) return into;
  into = new Map();
  foldOf = new Map();
  for (let code = 0; code <= LAST_FOLDED; code += 1) {
    const folded = lookupFolding(code);
    if (!folded) continue;
    const pair: [string, string] = [String.fromCodePoint(code), String.fromCodePoint(...folded)];
    if (code > 0x7f) foldOf.set(pair[0], pair[1]);
    for (const result of new Set(folded)) {
      const key = String.fromCodePoint(result);
      const list = into.get(key) ?? [];
      list.push(pair);
      into.set(key, list);
    }
  }
  return into;
}

/**
 * The [character, its folding] pairs whose folding shares a character with `folded` (a folded
 * needle). Folding only these in a stored line decides "folded line contains folded needle" exactly as
 * folding the whole line would: a character left alone folds to characters the needle lacks, and is
 * itself not in the needle (a folded string holds only characters that fold to themselves), so no match
 * can cross it either way. "error" needs 3 pairs (E R O), "ångström" 16 (ß and ﬆ among them: they fold
 * to s and t). The first call reads the table (about 130,000 look-ups, a few ms).
 */
export function caseFoldingsInto(folded: string): [string, string][] {
  const byResult = foldingsByResult();
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  for (const ch of new Set(folded)) {
    for (const pair of byResult.get(ch) ?? []) {
      if (seen.has(pair[0])) continue;
      seen.add(pair[0]);
      pairs.push(pair);
    }
  }
  return pairs;
}

const NON_ASCII = /[^\0-\x7f]/u;
const NON_ASCII_ALL = /[^\0-\x7f]/gu;

/**
 * `text` with its non-ASCII characters folded (ASCII left as it is): SQLite's log search registers it
 * as a function, its LIKE ignoring ASCII case itself. One call per stored line, a line without
 * non-ASCII returned as it is after one regular-expression test. Example: foldNonAscii('ÅB ß') === 'åB ss'.
 */
export function foldNonAscii(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  foldingsByResult();
  return text.replace(NON_ASCII_ALL, (ch) => foldOf!.get(ch) ?? ch);
}
