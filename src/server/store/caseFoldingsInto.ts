/**
 * The characters a log search must fold before comparing, found from the needle rather than by
 * folding every stored line: SQLite and a C-locale PostgreSQL fold only ASCII in lower(), and neither
 * has Unicode case folding built in, so the search folds in SQL with replace() on both, using one
 * table (unicode-case-folding's copy of Unicode's CaseFolding.txt) so the two stores cannot disagree.
 */
import { caseFold, lookupFolding } from 'unicode-case-folding';

/**
 * Folds `text` for caseless matching: Unicode full case folding (CaseFolding.txt statuses C and F, not
 * the Turkic T). Full folding rather than lower-casing because a search should find what a reader
 * calls "the same word": Σ, σ and final ς all fold to σ (lower-casing keeps ς apart, so "Σ" would miss
 * "ΔΣ", which lower-cases to "δς"); ß, ẞ and SS all fold to ss; the micro sign µ folds to Greek μ and
 * the Ångström sign Å to å, the same letters a scientist types; ligatures from a pasted PDF (ﬁ) fold
 * to their letters. Not the Turkic fold: there I folds to dotless ı, and "INFO" would stop finding
 * "info" for everyone else; İ folds to i with a combining dot, so "i" still finds "İ".
 * Example: foldCase('Überlauf bei ΔΣ') === 'überlauf bei δσ'.
 */
export const foldCase = (text: string): string => caseFold(text);

/** Highest code point with a case folding (Adlam, U+1E921); the table is read up to here once. */
const LAST_FOLDED = 0x1ffff;

let into: Map<string, [string, string][]> | undefined;

/** For each character that appears in some folding, the characters whose folding contains it. */
function foldingsByResult(): Map<string, [string, string][]> {
  if (into) return into;
  into = new Map();
  for (let code = 0; code <= LAST_FOLDED; code += 1) {
    const folded = lookupFolding(code);
    if (!folded) continue;
    const pair: [string, string] = [String.fromCodePoint(code), String.fromCodePoint(...folded)];
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
 * can cross it either way. "error" needs 3 pairs (E R O); "ångström" 9; a 200-character Greek needle
 * at most about 440. The first call reads the table (about 130,000 look-ups, a few ms).
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
