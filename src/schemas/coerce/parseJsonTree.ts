/**
 * Strict JSON (RFC 8259, what JSON.parse accepts) read into a tree of nodes with their offsets, or the
 * first syntax error with its offset and kind. The kinds and offsets are those of jsonc-parser in strict
 * mode (its ParseErrorCode names), so messages stay as they were; ours because jsonc-parser cost the
 * embed bundle 3.2 kB gzip for comment and edit support a schema file never needs. No DOM.
 */

/** A node as jsonc-parser shapes it: objects hold `property` nodes whose children are [key, value]. */
export interface JsonNode {
  readonly type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  readonly offset: number;
  length: number;
  /** The value of a string (decoded), number, boolean or null node. */
  readonly value?: unknown;
  readonly children?: JsonNode[];
  readonly parent?: JsonNode;
}

/** jsonc-parser's ParseErrorCode names for the errors strict JSON can have. */
export type JsonErrorKind =
  | 'InvalidSymbol'
  | 'PropertyNameExpected'
  | 'ValueExpected'
  | 'ColonExpected'
  | 'CommaExpected'
  | 'CloseBraceExpected'
  | 'CloseBracketExpected'
  | 'EndOfFileExpected'
  | 'InvalidCommentToken'
  | 'UnexpectedEndOfString'
  | 'UnexpectedEndOfNumber'
  | 'InvalidUnicode'
  | 'InvalidEscapeCharacter'
  | 'InvalidCharacter';

export interface JsonSyntaxError {
  readonly kind: JsonErrorKind;
  /** Character offset of the token where the error was noticed (the text's length at its end). */
  readonly offset: number;
}

type Token =
  | '{'
  | '}'
  | '['
  | ']'
  | ','
  | ':'
  | 'string'
  | 'number'
  | 'literal'
  | 'comment'
  | 'unknown'
  | 'eof';

class Stop {
  constructor(readonly error: JsonSyntaxError) {}
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// Characters that end an unknown word: JSON's whitespace and punctuation.
const delimiter = /[\s{}[\],:"/]/;
const escapes: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Reads `text` as strict JSON. With `buildTree` false only the first error is looked for (the JSON
 * editor's keystroke path). O(length); nesting depth is limited by the call stack, as in JSON.parse.
 * @example parseJsonTree('{"a": 1,}').error // { kind: 'PropertyNameExpected', offset: 8 }
 */
export function parseJsonTree(
  text: string,
  buildTree = true,
): { tree: JsonNode; error?: undefined } | { tree?: undefined; error: JsonSyntaxError } {
  let pos = 0;
  let token: Token = 'eof';
  let tokenOffset = 0;
  let tokenValue: unknown;
  let scanError: JsonErrorKind | undefined;

  const current = (): Token => token;
  const fail = (kind: JsonErrorKind): never => {
    throw new Stop({ kind, offset: tokenOffset });
  };

  const scanString = (): string => {
    let out = '';
    let run = pos; // start of the characters not yet copied to `out`
    for (;;) {
      if (pos >= text.length) {
        scanError = 'UnexpectedEndOfString';
        return out + text.slice(run, pos);
      }
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(run, pos++);
        return out;
      }
      if (c === 92) {
        out += text.slice(run, pos++);
        if (pos >= text.length) {
          scanError = 'UnexpectedEndOfString';
          return out;
        }
        const e = text.charAt(pos++);
        if (e === 'u') {
          const hex = text.slice(pos, pos + 4);
          if (/^[0-9A-Fa-f]{4}$/.test(hex)) {
            out += String.fromCharCode(Number.parseInt(hex, 16));
            pos += 4;
          } else scanError = 'InvalidUnicode';
        } else if (escapes[e] !== undefined) out += escapes[e];
        else scanError = 'InvalidEscapeCharacter';
        run = pos;
        continue;
      }
      if (c === 10 || c === 13) {
        scanError = 'UnexpectedEndOfString';
        return out + text.slice(run, pos);
      }
      if (c < 32) scanError = 'InvalidCharacter';
      pos++;
    }
  };

  const scanNumber = (): void => {
    if (text.charCodeAt(pos) === 48) pos++;
    else while (isDigit(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === 46) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) {
        scanError = 'UnexpectedEndOfNumber';
        return;
      }
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 69 || e === 101) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === 45) pos++;
      if (!isDigit(text.charCodeAt(pos))) {
        scanError = 'UnexpectedEndOfNumber';
        return;
      }
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    tokenValue = Number(text.slice(tokenOffset, pos)); // from the token's start: a minus sign included
  };

  /** The next token, whitespace skipped; a scan error, comment or unknown word stops the parse. */
  const scan = (): void => {
    for (let c = text.charCodeAt(pos); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(pos))
      pos++;
    tokenOffset = pos;
    scanError = undefined;
    tokenValue = undefined;
    if (pos >= text.length) {
      token = 'eof';
      return;
    }
    const ch = text.charAt(pos);
    const c = text.charCodeAt(pos);
    if ('{}[],:'.includes(ch)) {
      pos++;
      token = ch as Token;
    } else if (ch === '"') {
      pos++;
      token = 'string';
      tokenValue = scanString();
    } else if (ch === '/' && (text.charAt(pos + 1) === '/' || text.charAt(pos + 1) === '*')) {
      token = 'comment'; // any comment, closed or not, is the error jsonc-parser reports first
    } else if (isDigit(c) || (ch === '-' && isDigit(text.charCodeAt(pos + 1)))) {
      if (ch === '-') pos++;
      token = 'number';
      scanNumber();
    } else {
      const start = pos;
      pos++;
      while (pos < text.length && !delimiter.test(text.charAt(pos))) pos++;
      const word = text.slice(start, pos);
      token = word === 'true' || word === 'false' || word === 'null' ? 'literal' : 'unknown';
      tokenValue = word === 'null' ? null : word === 'true';
    }
    if (scanError) fail(scanError);
    if (token === 'comment') fail('InvalidCommentToken');
    if (token === 'unknown') fail('InvalidSymbol');
  };

  const node = (type: JsonNode['type'], parent: JsonNode | undefined, value?: unknown): JsonNode => {
    const made: JsonNode = { type, offset: tokenOffset, length: 0, parent };
    if (type === 'object' || type === 'array' || type === 'property') Object.assign(made, { children: [] });
    else Object.assign(made, { value, length: pos - tokenOffset });
    if (buildTree) parent?.children?.push(made);
    return made;
  };

  /** Parses a value at the current token; false when the token starts none. */
  const parseValue = (parent: JsonNode | undefined): JsonNode | undefined => {
    if (token === '{' || token === '[') {
      const open = token;
      const close = open === '{' ? '}' : ']';
      const made = node(open === '{' ? 'object' : 'array', parent);
      scan();
      let needsComma = false;
      // current(): the token after scan(), which TypeScript's narrowing of `token` cannot see.
      while (current() !== close && current() !== 'eof') {
        if (current() === ',') {
          if (!needsComma) fail('ValueExpected');
          scan();
        } else if (needsComma) fail('CommaExpected');
        if (open === '{') parseProperty(made);
        else if (!parseValue(made)) fail('ValueExpected');
        needsComma = true;
      }
      if (current() !== close) fail(open === '{' ? 'CloseBraceExpected' : 'CloseBracketExpected');
      made.length = pos - made.offset;
      scan();
      return made;
    }
    if (token === 'string' || token === 'number' || token === 'literal') {
      const type = token === 'literal' ? (tokenValue === null ? 'null' : 'boolean') : token;
      const made = node(type, parent, tokenValue);
      scan();
      return made;
    }
    return undefined;
  };

  const parseProperty = (object: JsonNode): void => {
    if (token !== 'string') fail('PropertyNameExpected');
    const property = node('property', object);
    node('string', property, tokenValue);
    scan();
    if (current() !== ':') fail('ColonExpected');
    scan();
    const value = parseValue(property);
    if (!value) fail('ValueExpected');
    property.length = (value?.offset ?? 0) + (value?.length ?? 0) - property.offset;
  };

  try {
    scan();
    if (token === 'eof') fail('ValueExpected');
    const tree = parseValue(undefined);
    if (!tree) return fail('ValueExpected');
    if (current() !== 'eof') fail('EndOfFileExpected');
    return { tree };
  } catch (thrown) {
    if (thrown instanceof Stop) return { error: thrown.error };
    throw thrown;
  }
}
