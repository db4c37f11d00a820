/**
 * Caseless text matching shared by the log search's two halves: the store folds stored lines in SQL
 * and the page folds the lines that arrive after a search, and both must call the same lines a match,
 * or a page's count drifts from the server's as a reduction logs. Framework-free, so the server's
 * store and the portal use this one function.
 */
import { caseFold } from 'unicode-case-folding';

/**
 * Unicode full case folding (CaseFolding.txt statuses C and F, not the Turkic T): Σ, σ and final ς all
 * fold to σ, ß, ẞ and SS to ss, the micro sign µ to Greek μ, the Ångström sign to å, the ligature ﬁ to
 * fi. Lower-casing is not enough: "ΔΣ" lower-cases to "δς", which "σ" misses. Not the Turkic fold,
 * where I folds to dotless ı and "INFO" would stop finding "info"; İ folds to i + combining dot, so "i"
 * still finds it.
 * @example foldCase('Überlauf bei ΔΣ') === 'überlauf bei δσ'
 */
export const foldCase = (text: string): string => caseFold(text);

/**
 * Where a folded needle first occurs in `text`, as a range of `text` itself (for a highlight), or
 * undefined. A folding can change the length (ß → ss, İ → i + dot), so the range is found on the
 * folded text and mapped back character by character; a match that starts or ends inside one
 * character's folding widens to the whole character.
 * @example findFolded('Straße 5', 'strasse') → { start: 0, end: 6 }
 */
export function findFolded(text: string, foldedNeedle: string): { start: number; end: number } | undefined {
  if (foldedNeedle === '') return undefined;
  let folded = '';
  // origin[i]: the index in `text` of the character folded[i] came from; one entry past the end.
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const piece = foldCase(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) origin.push(i);
    folded += piece;
    i += width;
  }
  origin.push(text.length);
  const at = folded.indexOf(foldedNeedle);
  if (at < 0) return undefined;
  const last = origin[at + foldedNeedle.length - 1]!;
  const lastWidth = text.codePointAt(last)! > 0xffff ? 2 : 1;
  return { start: origin[at]!, end: last + lastWidth };
}
