/**
 * JSON typed into the free-form editor, with the first syntax error reported by line and column
 * ("Line 3, column 5: a comma is expected."), the same in every browser (JSON.parse messages differ
 * between engines, so positions come from our strict parseJsonTree). No React, no DOM.
 */
import { type CoerceResult, fail, ok } from './CoerceResult';
import { parseJsonTree } from './parseJsonTree';

const WHAT: Record<string, string> = {
  InvalidSymbol: 'this is not valid JSON',
  InvalidNumberFormat: 'this number is not written as JSON allows',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'nothing more is expected after the value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'the string is not closed with a double quote',
  UnexpectedEndOfNumber: 'the number is cut short',
  InvalidUnicode: 'the \\u escape is not valid',
  InvalidEscapeCharacter: 'the escape sequence is not valid',
  InvalidCharacter: 'this character must be escaped inside a string',
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
  if (text.trim() === '') return fail('Enter a JSON value, e.g. {} or [].');
  const first = parseJsonTree(text, false).error;
  if (first !== undefined) {
    const { line, column } = lineAndColumn(text, first.offset);
    const what = WHAT[first.kind] ?? 'this is not valid JSON';
    return fail(`Line ${line}, column ${column}: ${what}.`);
  }
  try {
    // JSON.parse builds the value: it keeps "__proto__" as an own key instead of setting a prototype.
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(`Not valid JSON: ${(error as Error).message}`);
  }
}

/** Pretty JSON text for a value (two-space indent). */
export function formatJsonText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}
