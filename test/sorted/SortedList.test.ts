/**
 * SortedList behaviour a user sees: the documented examples, edge cases, clear errors for bad input,
 * and a seeded stress run against a plain sorted array with assertInvariants after every mutation.
 */
import { describe, expect, test } from 'vitest';
import { SortedList } from '../../src/sorted/index';
import { BRANCHLESS_MAX_LENGTH } from '../../src/sorted/SortedCore';
import { modelBisectLeft, modelBisectRight, seededRandom } from './seededRandom';

const num = (a: number, b: number) => a - b;
/** A reducer that gathers items in the order reduce visits them. */
const collect = (acc: number[], x: number) => {
  acc.push(x);
  return acc;
};

describe('documented examples', () => {
  test('construct from any order', () => {
    expect(new SortedList([3, 1, 2]).toArray()).toEqual([1, 2, 3]);
  });
  test('add, has, discard, remove, count, indexOf', () => {
    const sl = new SortedList<number>();
    sl.add(5).add(1).add(5);
    expect(sl.toArray()).toEqual([1, 5, 5]);
    expect(sl.has(5)).toBe(true);
    expect(sl.count(5)).toBe(2);
    expect(sl.indexOf(5)).toBe(1);
    expect(sl.indexOf(4)).toBe(-1);
    expect(sl.discard(4)).toBe(false);
    expect(sl.discard(5)).toBe(true);
    sl.remove(1);
    expect(sl.toArray()).toEqual([5]);
    expect(() => sl.remove(1)).toThrow(/not in the list/);
  });
  test('positions: at, pop, deleteAt, bisect', () => {
    const sl = new SortedList(['d', 'a', 'c', 'b', 'e']);
    expect(sl.at(0)).toBe('a');
    expect(sl.at(-1)).toBe('e');
    expect(sl.bisectLeft('c')).toBe(2);
    expect(sl.bisectRight('c')).toBe(3);
    expect(sl.pop()).toBe('e');
    expect(sl.pop(0)).toBe('a');
    sl.deleteAt(1);
    expect(sl.toArray()).toEqual(['b', 'd']);
    expect(sl.length).toBe(2);
  });
  test('irange, islice, reversed', () => {
    const sl = new SortedList([1, 2, 3, 4, 5, 6]);
    expect([...sl.irange(2, 5)]).toEqual([2, 3, 4, 5]);
    expect([...sl.irange(2, 5, { inclusive: [false, false] })]).toEqual([3, 4]);
    expect([...sl.irange(2, 5, { reverse: true })]).toEqual([5, 4, 3, 2]);
    expect([...sl.irange(undefined, 3)]).toEqual([1, 2, 3]);
    expect([...sl.irange(4)]).toEqual([4, 5, 6]);
    expect([...sl.irange(5, 2)]).toEqual([]);
    expect([...sl.islice(1, 4)]).toEqual([2, 3, 4]);
    expect([...sl.islice(-2)]).toEqual([5, 6]);
    expect([...sl.islice(1, 4, true)]).toEqual([4, 3, 2]);
    expect([...sl.reversed()]).toEqual([6, 5, 4, 3, 2, 1]);
    expect([...sl]).toEqual([1, 2, 3, 4, 5, 6]);
  });
  test('iterators have a fast forEach that continues where next() stopped', () => {
    const sl = new SortedList([1, 2, 3, 4, 5, 6], { load: 4 });
    const seen: number[] = [];
    const it = sl.irange(2, 5);
    it.next();
    it.forEach((x) => {
      seen.push(x);
    });
    expect(seen).toEqual([3, 4, 5]);
    expect(it.next().done).toBe(true);
    const back: number[] = [];
    const rit = sl.islice(1, 6, true);
    rit.next();
    rit.forEach((x) => {
      back.push(x);
    });
    expect(back).toEqual([5, 4, 3, 2]);
    expect(rit.next().done).toBe(true);
  });
  test('reduce folds the list or what an iterator has left, in its direction', () => {
    const sl = new SortedList([5, 1, 4, 2, 3, 6], { load: 4 });
    expect(sl.reduce((sum, x) => sum + x, 0)).toBe(21);
    expect(sl.reduce(collect, [])).toEqual([1, 2, 3, 4, 5, 6]);
    const it = sl.irange(2, 5);
    it.next();
    expect(it.reduce(collect, [])).toEqual([3, 4, 5]);
    expect(it.next().done).toBe(true);
    const rit = sl.islice(1, 6, true);
    rit.next();
    expect(rit.reduce(collect, [])).toEqual([5, 4, 3, 2]);
    expect(new SortedList<number>().reduce((sum, x) => sum + x, 7)).toBe(7);
    const changed = sl.islice();
    sl.add(9);
    expect(() => changed.reduce((sum, x) => sum + x, 0)).toThrow(/changed during iteration/);
  });
  test('comparator, given directly or as an option', () => {
    const byDesc = new SortedList([1, 3, 2], (a, b) => b - a);
    expect(byDesc.toArray()).toEqual([3, 2, 1]);
    const people = new SortedList([{ n: 'b' }, { n: 'a' }], { compare: (x, y) => x.n.localeCompare(y.n) });
    expect(people.at(0).n).toBe('a');
    expect(people.has({ n: 'b' })).toBe(true);
  });
  test('clear empties and allows a new key type', () => {
    const sl = new SortedList([1, 2]);
    sl.clear();
    expect(sl.length).toBe(0);
    sl.add('x' as unknown as number);
    expect(sl.length).toBe(1);
  });
});

describe('bad input gets a clear error', () => {
  test('NaN keys', () => {
    expect(() => new SortedList([1, Number.NaN])).toThrow(/NaN/);
    expect(() => new SortedList([1]).has(Number.NaN)).toThrow(/NaN/);
  });
  test('objects without a comparator, mixed kinds', () => {
    expect(() => new SortedList([{}])).toThrow(/compare/);
    expect(() => new SortedList<number | string>([1]).add('a')).toThrow(/mix/);
    const empty = new SortedList<number | string>();
    expect(() => empty.update([1, 'a'])).toThrow(/mix/);
    expect(empty.length).toBe(0);
    empty.add('b');
    expect(empty.toArray()).toEqual(['b']);
  });
  test('index out of range or not an integer', () => {
    const sl = new SortedList([1, 2, 3]);
    expect(() => sl.at(3)).toThrow(RangeError);
    expect(() => sl.at(-4)).toThrow(/out of range/);
    expect(() => sl.at(1.5)).toThrow(TypeError);
    expect(() => new SortedList<number>().pop()).toThrow(/empty/);
  });
  test('an inconsistent comparator is caught by assertInvariants', () => {
    let flip = false;
    const sl = new SortedList<number>([], (a, b) => {
      flip = !flip;
      return flip ? a - b : b - a;
    });
    for (let i = 0; i < 50; i++) sl.add(i);
    expect(() => sl.assertInvariants()).toThrow(/comparator is inconsistent|out of order/);
  });
  test('mutating during iteration throws', () => {
    const sl = new SortedList([1, 2, 3]);
    expect(() => {
      for (const x of sl) sl.add(x);
    }).toThrow(/changed during iteration/);
  });
});

describe('edge cases', () => {
  test('empty list', () => {
    const sl = new SortedList<number>();
    expect(sl.has(1)).toBe(false);
    expect(sl.bisectLeft(1)).toBe(0);
    expect([...sl.irange(0, 9)]).toEqual([]);
    expect([...sl.islice()]).toEqual([]);
    expect([...sl.reversed()]).toEqual([]);
    sl.assertInvariants();
  });
  test('all duplicates across many sublists', () => {
    const sl = new SortedList<number>([], { load: 4 });
    for (let i = 0; i < 100; i++) sl.add(7);
    sl.assertInvariants();
    expect(sl.count(7)).toBe(100);
    expect(sl.bisectRight(7)).toBe(100);
    for (let i = 0; i < 100; i++) sl.remove(7);
    sl.assertInvariants();
    expect(sl.length).toBe(0);
  });
  test('one element', () => {
    const sl = new SortedList(['only']);
    expect(sl.at(-1)).toBe('only');
    expect(sl.pop()).toBe('only');
    sl.assertInvariants();
  });
  test('huge batch re-chunks, small batch inserts', () => {
    const rnd = seededRandom(7);
    const values = Array.from({ length: 200_000 }, () => Math.floor(rnd() * 1e9));
    const sl = new SortedList(values);
    sl.assertInvariants();
    sl.update([5, 3]);
    sl.assertInvariants();
    expect(sl.toArray()).toEqual([...values, 5, 3].sort(num));
    expect(sl.at(100_000)).toBe(sl.toArray()[100_000]);
  }, 60_000);
  test('searches past the branchless size agree with a sorted array (every key, the gaps, both ends)', () => {
    const rnd = seededRandom(11);
    const values = Array.from({ length: BRANCHLESS_MAX_LENGTH + 5_000 }, () => Math.floor(rnd() * 1e7));
    const sl = new SortedList(values);
    const model = [...values].sort(num);
    // Every key (so every sublist's first and last) and the gap after it: each boundary a search can miss.
    const probes = [-1, 1e7 + 1, ...model, ...model.map((x) => x + 0.5)];
    const ours = probes.map((x) => [sl.bisectLeft(x), sl.bisectRight(x), sl.has(x)]);
    const expected = probes.map((x) => {
      const left = modelBisectLeft(model, x, num);
      return [left, modelBisectRight(model, x, num), model[left] === x];
    });
    expect(ours).toEqual(expected);
  }, 60_000);
});

function stress(seed: number, ops: number, load: number): void {
  const rnd = seededRandom(seed);
  const sl = new SortedList<number>([], { load });
  const model: number[] = [];
  const cmp = num;
  for (let op = 0; op < ops; op++) {
    const r = rnd();
    const x = Math.floor(rnd() * 2000);
    const bias = model.length > 1500 ? 0.35 : 0;
    if (r < 0.4 - bias) {
      sl.add(x);
      model.splice(modelBisectRight(model, x, cmp), 0, x);
    } else if (r < 0.55) {
      const i = modelBisectLeft(model, x, cmp);
      const hit = model[i] === x;
      expect(sl.discard(x)).toBe(hit);
      if (hit) model.splice(i, 1);
    } else if (r < 0.65 && model.length > 0) {
      const i = Math.floor(rnd() * model.length) - (rnd() < 0.5 ? model.length : 0);
      expect(sl.pop(i)).toBe(model.splice(i < 0 ? i + model.length : i, 1)[0]);
    } else if (r < 0.67 && model.length < 1500) {
      const batch = Array.from({ length: Math.floor(rnd() * 400) }, () => Math.floor(rnd() * 2000));
      sl.update(batch);
      model.push(...batch);
      model.sort(cmp);
    } else if (r < 0.75) {
      expect(sl.bisectLeft(x)).toBe(modelBisectLeft(model, x, cmp));
      expect(sl.bisectRight(x)).toBe(modelBisectRight(model, x, cmp));
      expect(sl.has(x)).toBe(model.includes(x));
      continue;
    } else if (r < 0.85 && model.length > 0) {
      const i = Math.floor(rnd() * model.length);
      expect(sl.at(i)).toBe(model[i]);
      expect(sl.at(i - model.length)).toBe(model[i]);
      continue;
    } else if (r < 0.9) {
      const y = x + Math.floor(rnd() * 200);
      const expected = model.slice(modelBisectLeft(model, x, cmp), modelBisectRight(model, y, cmp));
      expect([...sl.irange(x, y)]).toEqual(expected);
      const viaForEach: number[] = [];
      sl.irange(x, y, { reverse: true }).forEach((v) => {
        viaForEach.push(v);
      });
      expect(viaForEach).toEqual(expected.reverse());
      expect(sl.irange(x, y).reduce((sum, v) => sum + v, 0)).toBe(expected.reduce((sum, v) => sum + v, 0));
      // expected is descending now (reversed in place above), as a reverse fold visits it.
      expect(sl.irange(x, y, { reverse: true }).reduce(collect, [])).toEqual(expected);
      continue;
    } else if (r < 0.999) {
      const a = Math.floor(rnd() * (model.length + 10)) - 5;
      const b = Math.floor(rnd() * (model.length + 10)) - 5;
      expect([...sl.islice(a, b, true)]).toEqual(model.slice(a, b).reverse());
      const viaForEach: number[] = [];
      sl.islice(a, b).forEach((v) => {
        viaForEach.push(v);
      });
      expect(viaForEach).toEqual(model.slice(a, b));
      expect(sl.islice(a, b).reduce(collect, [])).toEqual(model.slice(a, b));
      continue;
    } else {
      sl.clear();
      model.length = 0;
    }
    sl.assertInvariants();
    expect(sl.length).toBe(model.length);
    if (op % 500 === 0) expect(sl.toArray()).toEqual(model);
  }
  expect(sl.toArray()).toEqual(model);
}

test('stress: 100,000 seeded mixed operations against a sorted array (small load)', () => {
  stress(1, 100_000, 16);
}, 180_000);

test('positions stay right when runs of reads alternate with mutations (the starts table)', () => {
  const rnd = seededRandom(3);
  const model = Array.from({ length: 1000 }, () => Math.floor(rnd() * 5000)).sort(num);
  const sl = new SortedList<number>(model, { load: 4 });
  for (let round = 0; round < 60; round++) {
    // A run of reads long enough to pay for the starts table, then a check that it agrees.
    for (let r = 0; r < 150; r++) {
      const i = Math.floor(rnd() * model.length);
      expect(sl.at(i)).toBe(model[i]);
      expect(sl.at(i - model.length)).toBe(model[i]);
      const x = Math.floor(rnd() * 5000);
      expect(sl.bisectLeft(x)).toBe(modelBisectLeft(model, x, num));
      expect(sl.bisectRight(x)).toBe(modelBisectRight(model, x, num));
    }
    sl.assertInvariants();
    // With the table live, bad positions still get the general path's errors.
    expect(() => sl.at(1.5)).toThrow(TypeError);
    expect(() => sl.at(Number.NaN)).toThrow(TypeError);
    expect(() => sl.at(model.length)).toThrow(RangeError);
    expect(sl.at(-1)).toBe(model[model.length - 1]);
    const a = Math.floor(rnd() * model.length);
    expect([...sl.islice(a, a + 20)]).toEqual(model.slice(a, a + 20));
    // Then a few mutations, each followed by a read that must not use a stale table.
    for (let w = 0; w < 5; w++) {
      const x = Math.floor(rnd() * 5000);
      if (rnd() < 0.5) {
        sl.add(x);
        model.splice(modelBisectRight(model, x, num), 0, x);
      } else {
        const i = Math.floor(rnd() * model.length);
        expect(sl.pop(i)).toBe(model.splice(i, 1)[0]);
      }
      sl.assertInvariants();
      const i = Math.floor(rnd() * model.length);
      expect(sl.at(i)).toBe(model[i]);
    }
  }
  expect(sl.toArray()).toEqual(model);
});

test('stress: default load with a comparator', () => {
  const rnd = seededRandom(2);
  const sl = new SortedList<string>([], (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const model: string[] = [];
  for (let op = 0; op < 5000; op++) {
    const s = Math.floor(rnd() * 3000).toString(36);
    if (rnd() < 0.7) {
      sl.add(s);
      model.push(s);
    } else if (sl.discard(s)) model.splice(model.indexOf(s), 1);
    sl.assertInvariants();
  }
  expect(sl.toArray()).toEqual(model.sort());
});
