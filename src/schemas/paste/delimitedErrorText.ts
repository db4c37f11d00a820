/**
 * Why Papa Parse could not read pasted or imported text as written, in the reader's language (the
 * catalogue's paste.read.*, through the active locale): Papa's own messages are English ("Trailing
 * quote on quoted field is malformed") and a scientist pasting a sample sheet meets them. Each of
 * Papa 5's error codes has words; a code a later Papa adds is named, never dropped. No React, no DOM.
 */
import { say } from '../i18n/activeLocale';

/** One Papa Parse error, with the cell counts a field-count error is about. */
export interface DelimitedErrorFacts {
  /** Papa's `code`: MissingQuotes, InvalidQuotes, UndetectableDelimiter, TooFewFields, TooManyFields. */
  readonly code: string;
  /** Cells in the row the error is on (field-count errors). */
  readonly cells?: number;
  /** Cells of the first (header) row (field-count errors). */
  readonly expected?: number;
  /** The delimiter the text was read with. */
  readonly delimiter: '\t' | ',' | ';';
}

const DELIMITER_NAMES = { '\t': 'tab', ',': 'comma', ';': 'semicolon' } as const;

/**
 * The reason in the active locale's words. O(1).
 * @example withLocale('fr', () => delimitedErrorText({ code: 'MissingQuotes', delimiter: '\t' }))
 * // 'une cellule entre guillemets n’est pas fermée : le reste du texte a été lu comme cette cellule'
 */
export function delimitedErrorText(facts: DelimitedErrorFacts): string {
  switch (facts.code) {
    case 'MissingQuotes':
      return say('paste.read.unclosedQuote');
    case 'InvalidQuotes':
      return say('paste.read.strayQuote');
    case 'TooManyFields':
      return say('paste.read.tooManyCells', { cells: facts.cells ?? 0, expected: facts.expected ?? 0 });
    case 'TooFewFields':
      return say('paste.read.tooFewCells', { cells: facts.cells ?? 0, expected: facts.expected ?? 0 });
    case 'UndetectableDelimiter':
      return say('paste.read.noDelimiter', { delimiter: DELIMITER_NAMES[facts.delimiter] });
    default:
      return say('paste.read.unreadable', { code: facts.code });
  }
}
