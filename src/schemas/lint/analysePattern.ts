/**
 * Static check of a `pattern`: does it compile (as ajv compiles it, with the "u" flag), and can it
 * backtrack catastrophically? A repeated group is dangerous when one pass of its body can be split
 * into several passes in more than one way: the body repeats something unboundedly and can end with a
 * character it can also start with ((a+)+, (\d+,?)+), or can match nothing ((a*)*), or its
 * alternatives overlap ((a|a)*, (\w|\d)+). A required separator that the body cannot end with
 * ((?:,\s*\d+)*) keeps the split unique, so the usual run-list and number-list patterns pass.
 * Characters are compared on a probe alphabet (ASCII plus a few symbols): linear in the pattern length.
 */

/** The verdict on one pattern. */
export type PatternVerdict =
  | { readonly kind: 'ok' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'catastrophic'; readonly message: string };

/** What the analysis knows about a piece of the pattern. */
interface Piece {
  /** Probe characters a match can start / end with (bit i = probe[i]). */
  first: bigint;
  last: bigint;
  /** Can match the empty string. */
  nullable: boolean;
  /** Contains an unbounded repeat. */
  unbounded: boolean;
  /** A single character atom (for the overlapping-alternatives test). */
  single: boolean;
  source: string;
}

const probe: string[] = ['\t', '\n'];
for (let c = 0x20; c < 0x7f; c++) probe.push(String.fromCharCode(c));
probe.push('é', 'Å', 'µ', '–', '°', 'λ', '\u00a0', '中', '😀');
const all = (1n << BigInt(probe.length)) - 1n;
const charsetCache = new Map<string, bigint>();

/** The probe characters a one-character atom (literal, escape, class, ".") matches. */
function charset(atom: string): bigint {
  let bits = charsetCache.get(atom);
  if (bits === undefined) {
    bits = 0n;
    const re = new RegExp(`^(?:${atom})$`, 'u');
    probe.forEach((ch, i) => {
      if (re.test(ch)) bits! |= 1n << BigInt(i);
    });
    charsetCache.set(atom, bits);
  }
  return bits;
}

/** A repeat bound above this counts as unbounded: (a{1,50}){1,50} backtracks as badly as (a+)+. */
const largeBound = 20;

class Danger extends Error {}

/** Recursive-descent reader of a pattern that is known to compile. */
class PatternReader {
  private i = 0;
  constructor(private readonly s: string) {}

  alternation(): { piece: Piece; alternatives: Piece[] } {
    const start = this.i;
    const alternatives = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    const piece: Piece = {
      first: alternatives.reduce((b, p) => b | p.first, 0n),
      last: alternatives.reduce((b, p) => b | p.last, 0n),
      nullable: alternatives.some((p) => p.nullable),
      unbounded: alternatives.some((p) => p.unbounded),
      single: alternatives.length === 1 && alternatives[0]!.single,
      source: this.s.slice(start, this.i),
    };
    return { piece, alternatives };
  }

  private sequence(): Piece {
    const start = this.i;
    const items: Piece[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')')
      items.push(this.item());
    let first = 0n;
    for (const p of items) {
      first |= p.first;
      if (!p.nullable) break;
    }
    let last = 0n;
    for (let k = items.length - 1; k >= 0; k--) {
      last |= items[k]!.last;
      if (!items[k]!.nullable) break;
    }
    return {
      first,
      last,
      nullable: items.every((p) => p.nullable),
      unbounded: items.some((p) => p.unbounded),
      single: items.length === 1 && items[0]!.single,
      source: this.s.slice(start, this.i),
    };
  }

  private item(): Piece {
    const start = this.i;
    const { piece, alternatives } = this.atom();
    const q = this.quantifier();
    if (!q) return piece;
    const source = this.s.slice(start, this.i);
    if (q.unbounded) {
      if (piece.unbounded && (piece.first & piece.last) !== 0n) {
        throw new Danger(
          `"${source}" repeats a body that repeats itself and can end with a character it starts with (nested quantifiers backtrack exponentially)`,
        );
      }
      if (piece.unbounded && piece.nullable)
        throw new Danger(`"${source}" repeats a body that can match nothing`);
      for (let a = 0; a < alternatives.length; a++) {
        for (let b = a + 1; b < alternatives.length; b++) {
          const x = alternatives[a]!;
          const y = alternatives[b]!;
          if (x.source === y.source || (x.single && y.single && (x.first & y.first) !== 0n)) {
            throw new Danger(
              `"${source}" repeats alternatives that match the same text ("${x.source}", "${y.source}")`,
            );
          }
        }
      }
    }
    return {
      ...piece,
      nullable: piece.nullable || q.min === 0,
      unbounded: piece.unbounded || q.unbounded,
      single: false,
      source,
    };
  }

  private quantifier(): { min: number; unbounded: boolean } | undefined {
    const c = this.s[this.i];
    let result: { min: number; unbounded: boolean } | undefined;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      result = { min: c === '+' ? 1 : 0, unbounded: c !== '?' };
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return undefined;
      this.i += m[0].length;
      result = {
        min: Number(m[1]),
        unbounded: m[2] !== undefined && (m[3] === '' || Number(m[3]) > largeBound),
      };
    }
    if (result && this.s[this.i] === '?') this.i++; // lazy repeats backtrack the same way
    return result;
  }

  private atom(): { piece: Piece; alternatives: Piece[] } {
    const s = this.s;
    const start = this.i;
    const c = s[this.i]!;
    const simple = (first: bigint, nullable = false, single = true) => {
      const piece: Piece = {
        first,
        last: first,
        nullable,
        unbounded: false,
        single,
        source: s.slice(start, this.i),
      };
      return { piece, alternatives: [] };
    };
    if (c === '(') {
      this.i++;
      const look = /^\?(<?[=!])/.exec(s.slice(this.i));
      if (look) {
        this.i += look[0].length;
        this.alternation();
        this.i++; // ')'
        return simple(0n, true, false);
      }
      const named = /^\?(:|<[^>]+>)/.exec(s.slice(this.i));
      if (named) this.i += named[0].length;
      const inner = this.alternation();
      this.i++; // ')'
      return { piece: { ...inner.piece, source: s.slice(start, this.i) }, alternatives: inner.alternatives };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return simple(0n, true, false);
    }
    if (c === '[') {
      let j = this.i + 1;
      if (s[j] === '^') j++;
      if (s[j] === ']') j++;
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      this.i = j + 1;
      return simple(charset(s.slice(start, this.i)));
    }
    if (c === '\\') {
      const m =
        /^\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[pP]\{[^}]*\}|c[a-zA-Z]|[1-9]\d*|k<[^>]+>|[\s\S])/.exec(
          s.slice(this.i),
        )!;
      this.i += m[0].length;
      const body = m[1]!;
      if (body === 'b' || body === 'B') return simple(0n, true, false);
      if (/^([1-9]|k<)/.test(body)) return simple(all, true, false); // back-reference: anything, maybe empty
      return simple(charset(m[0]));
    }
    const cp = s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return simple(
      c === '.' ? charset('.') : charset(s.slice(start, this.i).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')),
    );
  }
}

/** Classifies a pattern; see the file comment. O(pattern length). */
export function analysePattern(source: string): PatternVerdict {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return { kind: 'invalid', message: (error as Error).message };
  }
  try {
    new PatternReader(source).alternation();
  } catch (error) {
    if (error instanceof Danger) return { kind: 'catastrophic', message: error.message };
    throw error;
  }
  return { kind: 'ok' };
}
