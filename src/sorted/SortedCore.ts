/**
 * The engine under every sorted container: sorted sublists of about `load` keys, the last key of each
 * sublist (`maxes`) to bisect into, and a lazily built Fenwick tree of sublist lengths so positional
 * access is O(log(n / load)); bulk loads cut equal power-of-two chunks so positions are a shift
 * until the next write. Keys may carry parallel values (SortedKeyList). Only hot paths live here;
 * the public sequence API is SortedBase. No DOM, no framework, internal to src/sorted.
 */
import {
  bisectLeftBy,
  bisectLeftNatural,
  bisectRightBy,
  bisectRightNatural,
  type Comparator,
  type NaturalKey,
} from './bisect';
import type { VersionSource } from './SortedIterator';

type NK = NaturalKey;

/** Construction options shared by every sorted container. */
export interface SortedOptions<K> {
  /** Order of keys; omit it for plain numbers or plain strings (natural order, the fast path). */
  compare?: Comparator<K>;
  /** Target sublist length (>= 4); the default was tuned on V8, see docs/sorted.md. */
  load?: number;
}

/**
 * Sublist length, measured on V8 (Node 20, docs/sorted.md "Load factor"): 250 made add, remove and
 * mixed 1.2-1.6x faster than 1,000 at 1e4 and 1e5 keys (splice moves fewer keys) and no slower at
 * 1e6; lookups were flat from 125 to 2,000; 125 was slower at 1e6 (at, bisect, iteration).
 */
export const DEFAULT_LOAD = 250;

/**
 * The default load while a container is small (at most SMALL_MAX_LENGTH keys): 125. At 1e4 keys an
 * insert is mostly its `splice`, and half the sublist moves half the keys: `add` 1e4 took 0.73-0.89x
 * the time of load 250 (four same-process A/B runs of `npm run bench:sorted-cells`, 21 rounds each,
 * load average 16-17; `remove` and `mixed` 1e4 0.74x and 0.78x), as in the Load factor table (0.71
 * against 0.86-1.14 ms). Above that size 125 lost
 * (at, bisect 1e6: 1.5x), so lists switch to DEFAULT_LOAD as they grow (see `_grownPastSmall`).
 */
export const SMALL_LOAD = 125;

/** Largest size that keeps SMALL_LOAD: 2^15 keeps 1e4 on it and 1e5 (already ahead) on 250. */
export const SMALL_MAX_LENGTH = 1 << 15;

/**
 * Up to this many number keys, searches take the branchless loop (bisect.ts says why and what it
 * measured): 2^17 numbers are about 1 MB with the sublists' headers, within a core's L2 and L3 share.
 */
export const BRANCHLESS_MAX_LENGTH = 1 << 17;

export class SortedCore<K, V> implements VersionSource {
  /** Mutation counter; iterators compare it to refuse walking a changed container. */
  version = 0;
  protected _keys: K[][] = [];
  protected _vals: V[][] | null;
  protected _maxes: K[] = [];
  protected _len = 0;
  /** Target sublist length: the caller's, or SMALL_LOAD / DEFAULT_LOAD by size (`_fixedLoad` false). */
  protected _load: number;
  /** Whether the caller chose the load; if not, it follows the size (SMALL_LOAD, DEFAULT_LOAD). */
  private readonly _fixedLoad: boolean;
  protected readonly _cmp: Comparator<K> | undefined;
  protected readonly _name: string;
  /** typeof the keys under natural order, so numbers and strings never mix. */
  protected _kind = '';
  protected _fen: Int32Array | null = null;
  /**
   * Start position of each sublist (m + 1 entries, the last is the length), or null after any
   * mutation. Read-heavy runs locate a position with one guess and at most a short bisect here
   * instead of a Fenwick descent; it is rebuilt (O(n / load)) only after enough Fenwick lookups
   * since the last mutation to pay for it, so alternating reads and writes never rebuild it.
   */
  protected _starts: Int32Array | null = null;
  /** Sublists per item when `_starts` was built: a multiply (not a divide) guesses a sublist. */
  protected _perItem = 0;
  /** Fenwick lookups since the last mutation: the rebuild budget for `_starts`. */
  private _fenReads = 0;
  /**
   * log2 of the bulk-load chunk: the smallest power of two >= load (256 for the default 250), so
   * chunks stay within load .. 2 * load. A power of two makes a position's chunk a shift.
   */
  protected _shift: number;
  /** 2^_shift - 1: a position's offset in its chunk, in the uniform layout. */
  protected _mask: number;
  /**
   * The length while every sublist but the last holds exactly 2^_shift items, else 0: after a bulk
   * load (the constructor, a large `update`) and until the next mutation. Then at(i) for
   * 0 <= i < _ulen is `_walk[i >> _shift][i & _mask]`: no table load on the way to the sublist, the
   * "ideal sublists" layout of `npm run bench:sorted-at-floor`. One field holds both the flag and the
   * bound so the fast path loads one field less (measured there: see docs/sorted.md "Positional access").
   */
  protected _ulen = 0;
  /** The arrays iteration and at() read: `_vals ?? _keys`, kept in step so the fast path loads one field. */
  protected _walk: V[][];
  /** Result of the last seek or locate: sublist index and offset (avoids allocating a pair). */
  protected _li = 0;
  protected _lj = 0;

  constructor(name: string, withValues: boolean, options: SortedOptions<K> | undefined) {
    this._name = name;
    this._vals = withValues ? [] : null;
    this._walk = (this._vals ?? this._keys) as unknown as V[][];
    const load = options?.load ?? SMALL_LOAD;
    if (!Number.isInteger(load) || load < 4) {
      throw new RangeError(`${name}: load must be an integer >= 4, got ${String(load)}`);
    }
    this._fixedLoad = options?.load !== undefined;
    this._load = load;
    this._shift = 32 - Math.clz32(load - 1);
    this._mask = (1 << this._shift) - 1;
    const cmp = options?.compare;
    if (cmp !== undefined && typeof cmp !== 'function') {
      throw new TypeError(`${name}: compare must be a function (a, b) => number`);
    }
    this._cmp = cmp;
  }

  /** Hook for subclasses to check one stored item; called by assertInvariants. */
  protected _checkItem(_i: number, _j: number, _pos: number, _fail: (why: string) => never): void {}

  /** The arrays iteration walks: values when kept beside keys, else the keys. */
  protected _items(): V[][] {
    return this._walk;
  }

  /** Validates a key for natural order (number or string, never NaN, never mixed). O(1). */
  protected _checkKey(k: K): void {
    if (this._cmp !== undefined) return;
    const t = typeof k;
    if (t === 'number') {
      if (Number.isNaN(k)) throw new TypeError(`${this._name}: NaN has no place in a sorted order`);
    } else if (t !== 'string') {
      throw new TypeError(
        `${this._name}: a ${k === null ? 'null' : t} key has no natural order; pass { compare } to order it`,
      );
    }
    if (t !== this._kind) {
      if (this._kind === '') this._kind = t;
      else throw new TypeError(`${this._name}: cannot mix ${t} keys with ${this._kind} keys`);
    }
  }

  /** Validates a batch before any of it is stored; an empty container forgets a refused kind. */
  protected _checkKeys(keys: readonly K[]): void {
    try {
      for (let i = 0; i < keys.length; i++) this._checkKey(keys[i] as K);
    } catch (error) {
      if (this._len === 0) this._kind = '';
      throw error;
    }
  }

  /** Validates a probe key (has, bisect, irange): same rules, never changes the kind. O(1). */
  protected _checkProbe(k: K): void {
    const t = typeof k;
    // The common case first: same kind as the stored keys and not NaN (numbers only can be NaN).
    if (this._cmp !== undefined || (t === this._kind && !Number.isNaN(k))) return;
    if (t === 'number' && Number.isNaN(k))
      throw new TypeError(`${this._name}: NaN has no place in a sorted order`);
    if ((t !== 'number' && t !== 'string') || (this._len > 0 && t !== this._kind)) {
      throw new TypeError(
        `${this._name}: cannot look up a ${k === null ? 'null' : t} key among ${this._kind || 'natural'} keys`,
      );
    }
  }

  /** Whether natural-order searches take the branchless loop now (see BRANCHLESS_MAX_LENGTH). O(1). */
  protected _branchless(): boolean {
    return this._len <= BRANCHLESS_MAX_LENGTH && this._kind === 'number';
  }

  /**
   * Whether the search over `maxes` takes the branchless loop: its own length decides, not the
   * container's, since maxes holds one key per sublist (4,000 numbers at 1e6) and stays in cache.
   * Measured at 1e6 numbers, bisectLeft in one process against the textbook loop: 0.64-1.13x the
   * time, median 0.93x over 15 runs (load average 12-17); the sublist search keeps `_branchless()`.
   */
  protected _maxesBranchless(): boolean {
    return this._maxes.length <= BRANCHLESS_MAX_LENGTH && this._kind === 'number';
  }

  /**
   * Sets (_li, _lj) to the first position whose key is not below k; (m, 0) past the end.
   *
   * _seekLeft and _seekRight differ only in the bisect they call, and stay two written-out copies on
   * purpose: folded into one `_seek(k, right)` (as _seekEnd is) with these two as one-line callers,
   * `npm run bench:sorted -- --sizes 1e4,1e5 --ops remove,range,mixed,contains,bisect --libs
   * formulary,formulary-cmp`, four before/after rounds in one session (load average 8-19), took
   * 1.036x the time on remove 1e4 and 1.052x on remove 1e5 (natural order), 1.049x on bisect 1e4 with a
   * comparator (fastest sample of each side); ops that never seek moved 0.99-1.02x. Past the 3% a
   * fold may cost on this hot path, so a fix here is made in both.
   */
  protected _seekLeft(k: K): void {
    const maxes = this._maxes;
    const m = maxes.length;
    const cmp = this._cmp;
    let i: number;
    let j = 0;
    if (cmp === undefined) {
      const branchless = this._branchless();
      i = bisectLeftNatural(maxes as unknown as NK[], k as unknown as NK, 0, m, this._maxesBranchless());
      if (i < m) {
        const list = this._keys[i] as unknown as NK[];
        j = bisectLeftNatural(list, k as unknown as NK, 0, list.length, branchless);
      }
    } else {
      i = bisectLeftBy(maxes, k, cmp, 0, m);
      if (i < m) {
        const list = this._keys[i] as K[];
        j = bisectLeftBy(list, k, cmp, 0, list.length);
      }
    }
    this._li = i;
    this._lj = j;
  }

  /**
   * Sets (_li, _lj) to the first position whose key is above k; (m, 0) past the end. The twin of
   * _seekLeft, kept separate for speed (see there).
   */
  protected _seekRight(k: K): void {
    const maxes = this._maxes;
    const m = maxes.length;
    const cmp = this._cmp;
    let i: number;
    let j = 0;
    if (cmp === undefined) {
      const branchless = this._branchless();
      i = bisectRightNatural(maxes as unknown as NK[], k as unknown as NK, 0, m, this._maxesBranchless());
      if (i < m) {
        const list = this._keys[i] as unknown as NK[];
        j = bisectRightNatural(list, k as unknown as NK, 0, list.length, branchless);
      }
    } else {
      i = bisectRightBy(maxes, k, cmp, 0, m);
      if (i < m) {
        const list = this._keys[i] as K[];
        j = bisectRightBy(list, k, cmp, 0, list.length);
      }
    }
    this._li = i;
    this._lj = j;
  }

  /**
   * The end of a range that starts at (i0, j0): sets (_li, _lj) as _seekRight(k) would (`right`) or
   * _seekLeft(k), but never before (i0, j0), so a bound below the start gives an empty range. A range's
   * end is usually a few sublists past its start, so `maxes` is searched outwards from i0 (1, 2, 4, ...
   * sublists ahead, then a bisect of the last gap), not over all of it: O(log d) for an end d sublists
   * on. Measured in bench/sorted/cellAB.ts (docs/sorted.md, "range at 1e4"): the second full seek was
   * about half of irange's fixed cost.
   */
  protected _seekEnd(k: K, right: boolean, i0: number, j0: number): void {
    const maxes = this._maxes;
    const m = maxes.length;
    const cmp = this._cmp;
    let i = i0;
    if (i0 < m && this._endAfter(i0, k, right)) {
      // Gallop: lo is the first sublist not yet known to lie before the end; probe lo + step - 1.
      let lo = i0 + 1;
      let step = 1;
      let hi = lo;
      while (hi < m && this._endAfter(hi, k, right)) {
        lo = hi + 1;
        step *= 2;
        hi = lo + step - 1;
      }
      if (hi > m) hi = m;
      // The end's sublist is in [lo, hi]: the first of [lo, hi) not before it, or hi.
      if (cmp === undefined) {
        const nm = maxes as unknown as NK[];
        const nk = k as unknown as NK;
        i = right ? bisectRightNatural(nm, nk, lo, hi) : bisectLeftNatural(nm, nk, lo, hi);
      } else i = right ? bisectRightBy(maxes, k, cmp, lo, hi) : bisectLeftBy(maxes, k, cmp, lo, hi);
    }
    let j = 0;
    if (i < m) {
      const from = i === i0 ? j0 : 0;
      if (cmp === undefined) {
        const list = this._keys[i] as unknown as NK[];
        const nk = k as unknown as NK;
        const branchless = this._branchless();
        j = right
          ? bisectRightNatural(list, nk, from, list.length, branchless)
          : bisectLeftNatural(list, nk, from, list.length, branchless);
      } else {
        const list = this._keys[i] as K[];
        j = right
          ? bisectRightBy(list, k, cmp, from, list.length)
          : bisectLeftBy(list, k, cmp, from, list.length);
      }
    }
    this._li = i;
    this._lj = j;
  }

  /** Whether every key of sublist i lies before a range end at k (after it when `right`: k included). */
  private _endAfter(i: number, k: K, right: boolean): boolean {
    const x = this._maxes[i] as K;
    const cmp = this._cmp;
    if (cmp === undefined)
      return right
        ? !((k as unknown as NK) < (x as unknown as NK))
        : (x as unknown as NK) < (k as unknown as NK);
    const c = cmp(x, k);
    return right ? c <= 0 : c < 0;
  }

  /** Whether the key at (_li, _lj) exists and equals k. O(1). */
  protected _atKey(k: K): boolean {
    const list = this._keys[this._li];
    if (list === undefined) return false;
    const cmp = this._cmp;
    return cmp === undefined ? list[this._lj] === k : cmp(list[this._lj] as K, k) === 0;
  }

  /** Global position of (i, j). O(log(n / load)) once the positional index is built. */
  protected _pos(i: number, j: number): number {
    if (i === 0) return j;
    if (i >= this._keys.length) return this._len;
    if (this._ulen !== 0) return (i << this._shift) + j;
    const st = this._starts ?? this._startsIfPaid();
    if (st !== null) return (st[i] as number) + j;
    const f = this._fenwick();
    let s = j;
    for (let k = i; k > 0; k -= k & -k) s += f[k] as number;
    return s;
  }

  /** Sets (_li, _lj) to the sublist and offset of position idx (0 <= idx < length). */
  protected _locate(idx: number): void {
    if (this._ulen !== 0) {
      this._li = idx >> this._shift;
      this._lj = idx & this._mask;
      return;
    }
    const keys = this._keys;
    const first = (keys[0] as K[]).length;
    if (idx < first) {
      this._li = 0;
      this._lj = idx;
      return;
    }
    const m = keys.length;
    const lastStart = this._len - (keys[m - 1] as K[]).length;
    if (idx >= lastStart) {
      this._li = m - 1;
      this._lj = idx - lastStart;
      return;
    }
    const st = this._starts ?? this._startsIfPaid();
    if (st !== null) {
      // Sublists hold load / 2 .. 2 * load items, so the proportional guess is usually exact or
      // one off; a bisect over the starts bounds the rest. Measured in docs/sorted.md (at).
      let i = Math.floor(idx * this._perItem);
      if ((st[i] as number) > idx || (st[i + 1] as number) <= idx) {
        let lo = 0;
        let hi = m;
        if ((st[i] as number) > idx) hi = i;
        else lo = i + 1;
        while (hi - lo > 1) {
          const mid = (lo + hi) >>> 1;
          if ((st[mid] as number) <= idx) lo = mid;
          else hi = mid;
        }
        i = lo;
      }
      this._li = i;
      this._lj = idx - (st[i] as number);
      return;
    }
    const f = this._fenwick();
    let pos = 0;
    let rem = idx;
    for (let step = 1 << (31 - Math.clz32(m)); step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= m && (f[next] as number) <= rem) {
        pos = next;
        rem -= f[next] as number;
      }
    }
    this._li = pos;
    this._lj = rem;
  }

  /** Inserts key k (with value v) after any equal keys. O(log n + load). */
  protected _insert(k: K, v: V): void {
    this.version++;
    this._dropStarts();
    const keys = this._keys;
    const maxes = this._maxes;
    const vals = this._vals;
    if (this._len === 0) {
      keys.push([k]);
      maxes.push(k);
      vals?.push([v]);
      this._len = 1;
      this._fen = null;
      return;
    }
    const m = maxes.length;
    const cmp = this._cmp;
    const branchless = this._branchless();
    let i =
      cmp === undefined
        ? bisectRightNatural(maxes as unknown as NK[], k as unknown as NK, 0, m, this._maxesBranchless())
        : bisectRightBy(maxes, k, cmp, 0, m);
    let list: K[];
    if (i === m) {
      i = m - 1;
      list = keys[i] as K[];
      list.push(k);
      maxes[i] = k;
      if (vals !== null) (vals[i] as V[]).push(v);
    } else {
      list = keys[i] as K[];
      const j =
        cmp === undefined
          ? bisectRightNatural(list as unknown as NK[], k as unknown as NK, 0, list.length, branchless)
          : bisectRightBy(list, k, cmp, 0, list.length);
      list.splice(j, 0, k);
      if (vals !== null) (vals[i] as V[]).splice(j, 0, v);
    }
    this._len++;
    if (this._len > SMALL_MAX_LENGTH && this._load === SMALL_LOAD && !this._fixedLoad) this._grownPastSmall();
    else if (list.length > this._load << 1) this._split(i);
    else if (this._fen !== null) this._fenAdd(i, 1);
  }

  /**
   * A list on the small default load grew past SMALL_MAX_LENGTH: re-chunk it once at DEFAULT_LOAD,
   * O(n) (32,769 keys), like a hash table's resize. Re-chunking rather than raising the load in place,
   * since sublists of 63..124 keys would fall under the new load / 2. Deletes never switch back (a
   * list hovering at the boundary would re-chunk on every crossing); the next bulk load decides again.
   */
  private _grownPastSmall(): void {
    const n = this._len;
    const keys = new Array<K>(n);
    const vals = this._vals === null ? null : new Array<V>(n);
    let p = 0;
    for (let i = 0; i < this._keys.length; i++) {
      const list = this._keys[i] as K[];
      const vl = this._vals?.[i];
      for (let j = 0; j < list.length; j++, p++) {
        keys[p] = list[j] as K;
        if (vals !== null) vals[p] = (vl as V[])[j] as V;
      }
    }
    this._loadSorted(keys, vals);
  }

  /** Removes and returns the item at (i, j), merging a sublist that fell under load / 2. */
  protected _deleteAt(i: number, j: number): V {
    this.version++;
    this._dropStarts();
    const keys = this._keys;
    const maxes = this._maxes;
    const vals = this._vals;
    const list = keys[i] as K[];
    const key = list[j] as K;
    let value = key as unknown as V;
    if (j === list.length - 1) {
      list.pop();
      if (vals !== null) value = (vals[i] as V[]).pop() as V;
    } else {
      list.splice(j, 1);
      if (vals !== null) value = (vals[i] as V[]).splice(j, 1)[0] as V;
    }
    this._len--;
    const n = list.length;
    if (n > this._load >> 1) {
      if (j === n) maxes[i] = list[n - 1] as K;
      if (this._fen !== null) this._fenAdd(i, -1);
    } else if (keys.length > 1) {
      const p = i === 0 ? 1 : i;
      const q = p - 1;
      const merged = (keys[q] as K[]).concat(keys[p] as K[]);
      keys[q] = merged;
      maxes[q] = merged[merged.length - 1] as K;
      keys.splice(p, 1);
      maxes.splice(p, 1);
      if (vals !== null) {
        vals[q] = (vals[q] as V[]).concat(vals[p] as V[]);
        vals.splice(p, 1);
      }
      this._fen = null;
      if (merged.length > this._load << 1) this._split(q);
    } else if (n > 0) {
      if (j === n) maxes[i] = list[n - 1] as K;
      this._fen = null;
    } else {
      keys.pop();
      maxes.pop();
      vals?.pop();
      this._fen = null;
      this._kind = '';
    }
    return value;
  }

  /** Replaces the whole content with already sorted keys (and values), in uniform chunks. O(n). */
  protected _loadSorted(keys: K[], vals: V[] | null): void {
    if (!this._fixedLoad) {
      const target = keys.length > SMALL_MAX_LENGTH ? DEFAULT_LOAD : SMALL_LOAD;
      this._load = target;
      this._shift = 32 - Math.clz32(target - 1);
      this._mask = (1 << this._shift) - 1;
    }
    const load = 1 << this._shift;
    const n = keys.length;
    const lists: K[][] = [];
    const maxes: K[] = [];
    const vlists: V[][] = [];
    for (let s = 0; s < n; s += load) {
      const chunk = keys.slice(s, s + load);
      lists.push(chunk);
      maxes.push(chunk[chunk.length - 1] as K);
      if (vals !== null) vlists.push(vals.slice(s, s + load));
    }
    this._keys = lists;
    this._maxes = maxes;
    if (this._vals !== null) this._vals = vlists;
    this._walk = (this._vals ?? this._keys) as unknown as V[][];
    this._len = n;
    this._fen = null;
    this.version++;
    this._dropStarts();
    this._ulen = n;
  }

  /** Splits sublist i in two when it grew past 2 * load. O(load + n / load). */
  private _split(i: number): void {
    const keys = this._keys;
    const list = keys[i] as K[];
    const half = list.splice(this._load);
    keys.splice(i + 1, 0, half);
    this._maxes.splice(i + 1, 0, half[half.length - 1] as K);
    this._maxes[i] = list[list.length - 1] as K;
    if (this._vals !== null) {
      const vl = this._vals[i] as V[];
      this._vals.splice(i + 1, 0, vl.splice(this._load));
    }
    this._fen = null;
  }

  /** The starts table if valid or now worth building (see `_starts`), else null. */
  private _startsIfPaid(): Int32Array | null {
    const m = this._keys.length;
    if (++this._fenReads * 8 < m) return null;
    const keys = this._keys;
    const st = new Int32Array(m + 1);
    let s = 0;
    for (let i = 0; i < m; i++) {
      st[i] = s;
      s += (keys[i] as K[]).length;
    }
    st[m] = s;
    this._perItem = m / s;
    this._starts = st;
    return st;
  }

  /** Marks the starts table stale and the layout no longer uniform; every mutation calls it. O(1). */
  protected _dropStarts(): void {
    this._starts = null;
    this._fenReads = 0;
    this._ulen = 0;
  }

  protected _fenwick(): Int32Array {
    let f = this._fen;
    if (f !== null) return f;
    const keys = this._keys;
    const m = keys.length;
    f = new Int32Array(m + 1);
    for (let i = 0; i < m; i++) f[i + 1] = (keys[i] as K[]).length;
    for (let i = 1; i <= m; i++) {
      const p = i + (i & -i);
      if (p <= m) f[p] = (f[p] as number) + (f[i] as number);
    }
    this._fen = f;
    return f;
  }

  private _fenAdd(i: number, delta: number): void {
    const f = this._fen as Int32Array;
    const m = f.length - 1;
    for (let k = i + 1; k <= m; k += k & -k) f[k] = (f[k] as number) + delta;
  }
}
