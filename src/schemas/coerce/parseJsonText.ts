/**
 * JSON typed into the free-form editor, with the first syntax error reported by line and column
 * ("Line 3, column 5: a comma is expected."), the same in every browser (JSON.parse messages differ
 * between engines, so positions come from our strict parseJsonTree). No React, no DOM.
 */
import { say } from '../i18n/activeLocale';
import { type CoerceResult, fail, ok } from './CoerceResult';
import { parseJsonTree } from './parseJsonTree';

/** parseJsonTree's error kinds -> message keys under coerce.json (the words are in the catalogues). */
const WHAT: Record<string, string> = {
  InvalidSymbol: 'invalid',
  InvalidNumberFormat: 'numberFormat',
  PropertyNameExpected: 'propertyName',
  ValueExpected: 'value',
  ColonExpected: 'colon',
  CommaExpected: 'comma',
  CloseBraceExpected: 'closeBrace',
  CloseBracketExpected: 'closeBracket',
  EndOfFileExpected: 'endOfFile',
  InvalidCommentToken: 'comment',
  UnexpectedEndOfComment: 'comment',
  UnexpectedEndOfString: 'string',
  UnexpectedEndOfNumber: 'numberCut',
  InvalidUnicode: 'unicode',
  InvalidEscapeCharacter: 'escape',
  InvalidCharacter: 'character',
};

/** 1-based line and column of a character offset. O(offset). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parse JSON text; on a syntax error the message gives its line and column. O(length).
 * @example parseJsonText('{"a": 1,}') // {ok: false, message: 'Line 1, column 9: a property name ...'}
 */
export function parseJsonText(text: string): CoerceResult<unknown> {
  if (text.trim() === '') return fail(say('coerce.json.empty'));
  const first = parseJsonTree(text, false).error;
  if (first !== undefined) {
    const { line, column } = lineAndColumn(text, first.offset);
    const what = say(`coerce.json.${WHAT[first.kind] ?? 'invalid'}`);
    return fail(say('coerce.json.at', { line, column, what }));
  }
  try {
    // JSON.parse builds the value: it keeps "__proto__" as an own key instead of setting a prototype.
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(say('coerce.json.notJson', { why: (error as Error).message }));
  }
}

/** Pretty JSON text for a value (two-space indent). */
export function formatJsonText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}
