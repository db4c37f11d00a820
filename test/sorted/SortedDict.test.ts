/**
 * SortedDict behaviour a user sees: O(1) lookups beside ordered keys, positional items, views, clear
 * errors, and a seeded stress run against a Map plus a sorted key array.
 */
import { describe, expect, test } from 'vitest';
import { SortedDict } from '../../src/sorted/index';
import { modelBisectLeft, seededRandom } from './seededRandom';

describe('documented examples', () => {
  test('keys come out sorted; later pairs win', () => {
    const d = new SortedDict([
      ['b', 2],
      ['a', 1],
      ['b', 3],
    ]);
    expect(d.keys().at(0)).toBe('a');
    expect([...d]).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
    expect(d.size).toBe(2);
  });
  test('get, has, set, delete', () => {
    const d = new SortedDict<number, string>();
    d.set(3, 'c').set(1, 'a').set(2, 'b');
    expect(d.get(2)).toBe('b');
    expect(d.get(9)).toBeUndefined();
    expect(d.has(1)).toBe(true);
    expect(d.delete(1)).toBe(true);
    expect(d.delete(1)).toBe(false);
    expect(d.keys().toArray()).toEqual([2, 3]);
  });
  test('peekItem, popItem, index, bisect', () => {
    const d = new SortedDict([
      [10, 'x'],
      [20, 'y'],
      [30, 'z'],
    ]);
    expect(d.peekItem()).toEqual([30, 'z']);
    expect(d.peekItem(0)).toEqual([10, 'x']);
    expect(d.index(20)).toBe(1);
    expect(() => d.index(25)).toThrow(/not a key/);
    expect(d.bisect(20)).toBe(2);
    expect(d.bisectLeft(20)).toBe(1);
    expect(d.bisectRight(25)).toBe(2);
    expect(d.popItem(0)).toEqual([10, 'x']);
    expect(d.popItem()).toEqual([30, 'z']);
    expect(d.length).toBe(1);
  });
  test('irange, islice and the views', () => {
    const d = new SortedDict(['d', 'a', 'c', 'b'].map((k, i) => [k, i] as [string, number]));
    expect([...d.irange('b', 'c')]).toEqual(['b', 'c']);
    expect([...d.islice(0, 2, true)]).toEqual(['b', 'a']);
    expect(d.values().at(0)).toBe(1);
    expect(d.values().toArray()).toEqual([1, 3, 2, 0]);
    expect(d.items().at(-1)).toEqual(['d', 0]);
    expect([...d.items().reversed()][0]).toEqual(['d', 0]);
    expect(d.keys().indexOf('c')).toBe(2);
    const keys = d.keys();
    d.set('e', 9);
    expect(keys.length).toBe(5);
    const seen: string[] = [];
    d.forEach((v, k) => {
      seen.push(`${k}${v}`);
    });
    expect(seen).toEqual(['a1', 'b3', 'c2', 'd0', 'e9']);
  });
});

describe('errors', () => {
  test('NaN or object keys are refused and leave the dict unchanged', () => {
    const d = new SortedDict<number, number>([[1, 1]]);
    expect(() => d.set(Number.NaN, 0)).toThrow(/NaN/);
    expect(() =>
      d.update([
        [2, 2],
        [Number.NaN, 0],
      ]),
    ).toThrow(/NaN/);
    expect(d.size).toBe(1);
    expect(d.get(2)).toBeUndefined();
    d.update([[1, 7]]);
    expect(d.get(1)).toBe(7);
    d.assertInvariants();
    expect(() => new SortedDict([[{}, 1]])).toThrow(/compare/);
  });
  test('empty popItem and out-of-range peekItem', () => {
    const d = new SortedDict<number, number>();
    expect(() => d.popItem()).toThrow(/empty/);
    d.set(1, 1);
    expect(() => d.peekItem(1)).toThrow(RangeError);
  });
  test('a comparator that makes distinct keys equal is caught', () => {
    const d = new SortedDict<{ n: number }, number>(undefined, (a, b) => a.n - b.n);
    d.set({ n: 1 }, 1).set({ n: 1 }, 2);
    expect(() => d.assertInvariants()).toThrow(/compare equal/);
  });
});

test('stress: 100,000 seeded mixed operations against a Map and a sorted array', () => {
  const rnd = seededRandom(21);
  const d = new SortedDict<number, number>(undefined, { load: 8 });
  const model = new Map<number, number>();
  const keys: number[] = [];
  const byNum = (a: number, b: number) => a - b;
  for (let op = 0; op < 100_000; op++) {
    const r = rnd();
    const k = Math.floor(rnd() * 1500);
    if (r < 0.45) {
      d.set(k, op);
      if (!model.has(k)) keys.splice(modelBisectLeft(keys, k, byNum), 0, k);
      model.set(k, op);
    } else if (r < 0.75) {
      const had = model.delete(k);
      expect(d.delete(k)).toBe(had);
      if (had) keys.splice(modelBisectLeft(keys, k, byNum), 1);
    } else if (r < 0.8 && model.size > 0) {
      const i = Math.floor(rnd() * model.size);
      const key = keys[i] as number;
      expect(d.popItem(i)).toEqual([key, model.get(key)]);
      model.delete(key);
      keys.splice(i, 1);
    } else {
      expect(d.get(k)).toBe(model.get(k));
      if (keys.length > 0) {
        const i = Math.floor(rnd() * keys.length);
        expect(d.keys().at(i)).toBe(keys[i]);
        expect(d.values().at(i)).toBe(model.get(keys[i] as number));
      }
      expect([...d.irange(k, k + 30)]).toEqual(keys.filter((x) => x >= k && x <= k + 30));
      continue;
    }
    d.assertInvariants();
    expect(d.size).toBe(model.size);
  }
  expect(d.keys().toArray()).toEqual(keys);
}, 180_000);
