/**
 * Guards validation against regular expressions with catastrophic backtracking ((a+)+, (\d*,?)*): a
 * linear star-height check flags a repeated group that holds an unbounded repeat. Flagged patterns are
 * not run at all (the value passes that one check, and the model carries an "unsafe-pattern" warning),
 * because no input length bound makes exponential matching safe and no linear engine is installed.
 */

const token = /\\.|\[(?:\\.|[^\]])*\]|\((?:\?:)?|\)|\{\d+(?:,\d*)?\}|./gsu;
const isUnbounded = (q: string | undefined): boolean =>
  q === '*' || q === '+' || (q !== undefined && /^\{\d+,(\d{3,})?\}$/.test(q));

const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/** The printable ASCII characters one atom matches (a sample that is enough to see overlap). */
function charsOf(atom: string): Set<string> {
  try {
    const re = new RegExp(`^(?:${atom})$`, 'u');
    return new Set(ascii.filter((c) => re.test(c)));
  } catch {
    return new Set(ascii);
  }
}

/**
 * A repeated group is safe when each iteration must match a separator (an atom that is not optional)
 * that none of its repeated atoms can match: "(,[0-9]+)*" splits one way only, "(a+)+" many ways.
 */
function separated(tokens: string[]): boolean {
  const repeated: string[] = [];
  const mandatory: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const q = tokens[i + 1];
    if (t === '(' || t === '(?:') depth++;
    else if (t === ')') {
      depth--;
      if (isUnbounded(q)) return false;
    } else if (t === '|' && depth === 0) return false;
    else if (['*', '+', '?'].includes(t) || /^\{/.test(t)) continue;
    else if (isUnbounded(q)) repeated.push(t);
    else if (depth === 0 && q !== '?' && !(q?.startsWith('{0') ?? false)) mandatory.push(t);
  }
  const repeatedChars = new Set(repeated.flatMap((t) => [...charsOf(t)]));
  return mandatory.some((t) => {
    const chars = charsOf(t);
    return chars.size > 0 && [...chars].every((c) => !repeatedChars.has(c));
  });
}

/**
 * True when `pattern` has an unbounded repeat of a group that itself holds an unbounded repeat and is
 * not separated (see `separated`): "(a+)+", "(\\d*,?)*". Conservative; O(pattern length x nesting).
 */
export function isDangerousPattern(pattern: string): boolean {
  const tokens = pattern.match(token) ?? [];
  const open: { index: number; unbounded: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '(' || t === '(?:') open.push({ index: i, unbounded: false });
    else if (t === ')') {
      const group = open.pop();
      if (!group) continue;
      if (group.unbounded && isUnbounded(tokens[i + 1]) && !separated(tokens.slice(group.index + 1, i)))
        return true;
      if ((group.unbounded || isUnbounded(tokens[i + 1])) && open.length > 0)
        open[open.length - 1]!.unbounded = true;
    } else if (isUnbounded(tokens[i + 1]) && open.length > 0) open[open.length - 1]!.unbounded = true;
  }
  return false;
}

/** A RegExp-like that refuses to run a dangerous pattern (always "matches"); others run normally. */
export function safeRegExp(pattern: string, flags = 'u'): { test(text: string): boolean } {
  if (isDangerousPattern(pattern)) return { test: () => true };
  return new RegExp(pattern, flags);
}
