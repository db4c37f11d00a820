/**
 * Static check of a `pattern`: does it compile (as ajv compiles it, with the "u" flag), and can it
 * backtrack catastrophically? The second is a star-height test: a repeated group that itself holds an
 * unbounded repeat ((a+)+, (\d*,?)*), or a repeated alternation with identical branches ((a|a)*).
 * Linear in the pattern length; conservative (it may miss exotic cases, it flags no safe common ones).
 */

/** The verdict on one pattern. */
export type PatternVerdict =
  | { readonly kind: 'ok' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'catastrophic'; readonly message: string };

interface Frame {
  /** Holds an unbounded quantifier somewhere inside. */
  unbounded: boolean;
  /** Source of each top-level alternative, to spot identical ones. */
  alternatives: string[];
  start: number;
  altStart: number;
}

/** A repeat bound above this counts as unbounded: (a{1,50}){1,50} backtracks as badly as (a+)+. */
const largeBound = 20;

/** Reads the quantifier at `i`, if any: its length and whether it is unbounded. */
function readQuantifier(source: string, i: number): { length: number; unbounded: boolean } | undefined {
  const c = source[i];
  let length = 0;
  let unbounded = false;
  if (c === '*' || c === '+') {
    length = 1;
    unbounded = true;
  } else if (c === '?') length = 1;
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    length = m[0].length;
    unbounded = m[2] !== undefined && (m[3] === '' || Number(m[3]) > largeBound);
  } else return undefined;
  if (source[i + length] === '?') length++; // lazy: same backtracking
  return { length, unbounded };
}

/** Classifies a pattern; see the file comment. */
export function analysePattern(source: string): PatternVerdict {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return { kind: 'invalid', message: (error as Error).message };
  }
  const stack: Frame[] = [{ unbounded: false, alternatives: [], start: 0, altStart: 0 }];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '(') {
      let body = i + 1;
      if (source[body] === '?') {
        const m = /^\?(<[=!]|[:=!]|<[^>]+>)/.exec(source.slice(body));
        body += m ? m[0].length : 1;
      }
      stack.push({ unbounded: false, alternatives: [], start: i, altStart: body });
      i = body;
      continue;
    }
    if (c === '|') {
      top.alternatives.push(source.slice(top.altStart, i));
      top.altStart = i + 1;
      i++;
      continue;
    }
    let atomEnd = i + 1;
    let groupFrame: Frame | undefined;
    if (c === ')' && stack.length > 1) {
      groupFrame = stack.pop()!;
      groupFrame.alternatives.push(source.slice(groupFrame.altStart, i));
    } else if (c === '\\') {
      atomEnd = i + 2;
      const m = /^\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[pP]\{[^}]*\}|c[a-zA-Z]|\d+)/.exec(
        source.slice(i),
      );
      if (m) atomEnd = i + m[0].length;
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atomEnd = j + 1;
    }
    const q = readQuantifier(source, atomEnd);
    const parent = stack[stack.length - 1]!;
    if (groupFrame) {
      if (q?.unbounded && groupFrame.unbounded) {
        return {
          kind: 'catastrophic',
          message: `the repeated group "${source.slice(groupFrame.start, atomEnd)}" contains another unbounded repeat (nested quantifiers backtrack exponentially)`,
        };
      }
      const alts = groupFrame.alternatives;
      if (q?.unbounded && new Set(alts).size < alts.length) {
        return {
          kind: 'catastrophic',
          message: `the repeated group "${source.slice(groupFrame.start, atomEnd)}" has identical alternatives (backtracks exponentially)`,
        };
      }
      parent.unbounded ||= groupFrame.unbounded || Boolean(q?.unbounded);
    } else if (q?.unbounded) parent.unbounded = true;
    i = atomEnd + (q?.length ?? 0);
  }
  return { kind: 'ok' };
}
