/**
 * irange's end search (SortedCore._seekEnd, issue 28): the end of a range is found by galloping
 * outwards from its start rather than by a second search over all sublists. Every pair of bounds,
 * each inclusive or not, is checked against a filter of a plain sorted array: ends inside the start
 * sublist, on sublist edges, many sublists ahead, past the end; empty and reversed ranges; duplicates.
 */
import { describe, expect, test } from 'vitest';
import { SortedKeyList, SortedList } from '../../src/sorted/index';
import { seededRandom } from './seededRandom';

type Bounds = readonly [boolean, boolean];
const BOUNDS: readonly Bounds[] = [
  [true, true],
  [true, false],
  [false, true],
  [false, false],
];

/** What irange must return: the model's keys within [min, max] under the given inclusivity. */
function expected(model: readonly number[], min: number | undefined, max: number | undefined, b: Bounds) {
  return model.filter(
    (x) =>
      (min === undefined || (b[0] ? x >= min : x > min)) &&
      (max === undefined || (b[1] ? x <= max : x < max)),
  );
}

/** Checks every (min, max) pair of `probes` on `list`, both directions, both walks. */
function checkAllRanges(
  list: SortedList<number>,
  model: readonly number[],
  probes: readonly (number | undefined)[],
) {
  let checked = 0;
  for (const min of probes) {
    for (const max of probes) {
      for (const b of BOUNDS) {
        const want = expected(model, min, max, b);
        const got = [...list.irange(min, max, { inclusive: b })];
        const back = list.irange(min, max, { inclusive: b, reverse: true }).reduce<number[]>((acc, x) => {
          acc.unshift(x);
          return acc;
        }, []);
        const sum = list.irange(min, max, { inclusive: b }).reduce((s, x) => s + x, 0);
        // Compared by hand (expect() per range is slow): the message names the failing range.
        const same = (a: number[]) => a.length === want.length && a.every((x, i) => x === want[i]);
        if (!same(got) || !same(back) || sum !== want.reduce((s, x) => s + x, 0)) {
          throw new Error(
            `irange(${min}, ${max}, [${b}]): forward [${got}], reverse reversed [${back}], sum ${sum}; expected [${want}]`,
          );
        }
        checked++;
      }
    }
  }
  return checked;
}

/** Keys 0..n-1 with every third key tripled, so equal keys straddle sublist edges. */
function keysWithDuplicates(n: number): number[] {
  const keys: number[] = [];
  for (let x = 0; x < n; x++) {
    keys.push(x);
    if (x % 3 === 0) keys.push(x, x);
  }
  return keys;
}

/** Every key, every gap between keys, and both sides past the ends, plus the open bound. */
function probesFor(n: number): (number | undefined)[] {
  const probes: (number | undefined)[] = [undefined];
  for (let x = -2; x <= n + 1; x += 0.5) probes.push(x);
  return probes;
}

// Exhaustive loops: seconds on a loaded machine, so a longer timeout than vitest's 5 s.
describe('irange ends found from the start (issue 28)', { timeout: 120_000 }, () => {
  test('every pair of bounds after a bulk load (uniform chunks of 4), natural order', () => {
    const model = keysWithDuplicates(40);
    const list = new SortedList(model, { load: 4 });
    list.assertInvariants();
    expect(checkAllRanges(list, model, probesFor(40))).toBeGreaterThan(25_000);
  });

  test('every pair of bounds after writes (uneven sublists), natural order', () => {
    const rnd = seededRandom(28);
    const model: number[] = [];
    const list = new SortedList<number>([], { load: 4 });
    for (let i = 0; i < 250; i++) {
      const x = Math.floor(rnd() * 40);
      if (rnd() < 0.7 || model.length === 0) {
        list.add(x);
        model.push(x);
      } else if (list.discard(x)) model.splice(model.indexOf(x), 1);
    }
    model.sort((a, b) => a - b);
    list.assertInvariants();
    expect(list.toArray()).toEqual(model);
    expect(checkAllRanges(list, model, probesFor(40))).toBeGreaterThan(25_000);
  });

  test('every pair of bounds with a comparator (the comparator path of the end search)', () => {
    const model = keysWithDuplicates(30);
    const list = new SortedList(model, { load: 4, compare: (a: number, b: number) => a - b });
    expect(checkAllRanges(list, model, probesFor(30))).toBeGreaterThan(15_000);
  });

  test('a range that starts past the last key or ends before the first is empty', () => {
    const list = new SortedList([10, 20, 30, 40, 50, 60, 70, 80, 90], { load: 4 });
    expect([...list.irange(95, 200)]).toEqual([]);
    expect([...list.irange(-5, 5)]).toEqual([]);
    expect([...list.irange(90, 90, { inclusive: [false, true] })]).toEqual([]);
    expect([...list.irange(90, 90)]).toEqual([90]);
    expect([...list.irange(60, 20)]).toEqual([]);
    expect([...list.irange(60, 20, { reverse: true })]).toEqual([]);
    expect(list.irange(60, 20).reduce((s, x) => s + x, 0)).toBe(0);
    expect([...new SortedList<number>().irange(1, 2)]).toEqual([]);
  });

  test('long ranges gallop over many sublists (default load, 100,000 keys)', () => {
    const n = 100_000;
    const list = new SortedList(Array.from({ length: n }, (_, i) => 2 * i));
    const rnd = seededRandom(2028);
    for (let t = 0; t < 300; t++) {
      const lo = Math.floor(rnd() * 2 * n) - 10;
      const width = Math.floor(2 ** (rnd() * 18));
      const hi = lo + width;
      // Keys are the evens in [0, 2n): the range's first key, count and sum have closed forms.
      const first = Math.max(0, lo + (((lo % 2) + 2) % 2));
      const last = Math.min(2 * (n - 1), hi - (((hi % 2) + 2) % 2));
      const count = last >= first ? (last - first) / 2 + 1 : 0;
      const sum = count === 0 ? 0 : ((first + last) * count) / 2;
      const it = list.irange(lo, hi);
      expect(it.reduce((s, x) => s + x, 0)).toBe(sum);
      expect(list.bisectRight(hi) - list.bisectLeft(lo)).toBe(count);
    }
  });

  test('SortedKeyList ranges by key take the same end search', () => {
    const rows = keysWithDuplicates(30).map((k, i) => ({ k, i }));
    const list = new SortedKeyList((r: { k: number; i: number }) => r.k, rows, { load: 4 });
    for (const min of probesFor(30)) {
      for (const max of probesFor(30)) {
        for (const b of BOUNDS) {
          const want = expected(
            rows.map((r) => r.k),
            min,
            max,
            b,
          );
          const count = list.irangeKey(min, max, { inclusive: b }).reduce((n) => n + 1, 0);
          if (count !== want.length)
            throw new Error(`irangeKey(${min}, ${max}, [${b}]): ${count} rows, expected ${want.length}`);
        }
      }
    }
  });
});
