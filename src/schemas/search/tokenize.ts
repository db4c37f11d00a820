/**
 * Search tokens: text folded for case and accents ("Å" -> "a") and split at separators, camelCase
 * humps and letter/digit changes ("LogQBinsPerDecade" -> log q bins per decade, "1DQbin" -> 1 d qbin).
 * Offsets point into the original text so the form can highlight what matched. No DOM, no framework.
 */

/** One word of a text: its folded form and where it sits in the original text. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Character classes: separator, uppercase letter, other letter, digit. */
const SEP = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

const foldCache = new Map<string, string>();
const classCache = new Map<string, number>();

/** Folds one UTF-16 unit: lower case, accents dropped (NFD without combining marks). Cached. */
function foldChar(c: string, code: number): string {
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  let folded = foldCache.get(c);
  if (folded === undefined) {
    folded = c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    foldCache.set(c, folded);
  }
  return folded;
}

function classOf(c: string, code: number): number {
  if (code < 128) {
    if (code >= 97 && code <= 122) return LOWER;
    if (code >= 65 && code <= 90) return UPPER;
    if (code >= 48 && code <= 57) return DIGIT;
    return SEP;
  }
  let cls = classCache.get(c);
  if (cls === undefined) {
    if (/\p{Lu}/u.test(c)) cls = UPPER;
    else if (/[\p{L}\p{M}]/u.test(c) || (code >= 0xd800 && code <= 0xdfff)) cls = LOWER;
    else if (/\p{N}/u.test(c)) cls = DIGIT;
    else cls = SEP;
    classCache.set(c, cls);
  }
  return cls;
}

/**
 * The words of `text`, folded, with their original offsets. O(length).
 * tokenize("LogQBinsPerDecade").map(t => t.text) -> ["log", "q", "bins", "per", "decade"]
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let word = '';
  let prev = SEP;
  const flush = (end: number) => {
    if (start >= 0 && word !== '') tokens.push({ text: word, start, end });
    start = -1;
    word = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const code = text.charCodeAt(i);
    const cls = classOf(c, code);
    if (cls === SEP) {
      flush(i);
      prev = SEP;
      continue;
    }
    if (start >= 0) {
      const next = i + 1 < text.length ? classOf(text[i + 1] as string, text.charCodeAt(i + 1)) : SEP;
      const boundary =
        (prev === DIGIT) !== (cls === DIGIT) || // 1D, Q2
        (prev === LOWER && cls === UPPER) || // logQ
        (prev === UPPER && cls === UPPER && next === LOWER); // QBins: Q | Bins
      if (boundary) flush(i);
    }
    if (start < 0) start = i;
    word += foldChar(c, code);
    prev = cls;
  }
  flush(text.length);
  return tokens;
}

/** The folded words of `text` only. O(length). */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

/** `text` folded for case and accents, separators kept. O(length). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i] as string, text.charCodeAt(i));
  return out;
}
