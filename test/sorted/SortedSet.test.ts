/**
 * SortedSet behaviour a user sees: ordered distinct members, set algebra in both forms, subset tests,
 * indexing, clear errors, and a seeded stress run against a Set plus a sorted array.
 */
import { describe, expect, test } from 'vitest';
import { SortedSet } from '../../src/sorted/index';
import { modelBisectLeft, seededRandom } from './seededRandom';

describe('documented examples', () => {
  test('duplicates dropped, members in order', () => {
    expect(new SortedSet([3, 1, 3]).toArray()).toEqual([1, 3]);
  });
  test('reduce folds the members in order', () => {
    expect(new SortedSet([3, 1, 3, 2]).reduce((sum, x) => sum + x, 0)).toBe(6);
    expect(new SortedSet(['b', 'a', 'c']).reduce((s, x) => s + x, '')).toBe('abc');
  });
  test('add, has, discard, remove, indexing', () => {
    const s = new SortedSet(['m', 'c', 'x']);
    s.add('c').add('a');
    expect(s.size).toBe(4);
    expect(s.has('x')).toBe(true);
    expect(s.at(0)).toBe('a');
    expect(s.at(-1)).toBe('x');
    expect(s.indexOf('m')).toBe(2);
    expect(s.indexOf('q')).toBe(-1);
    expect(s.count('m')).toBe(1);
    expect(s.bisectLeft('d')).toBe(2);
    expect(s.bisectRight('c')).toBe(2);
    expect(s.discard('q')).toBe(false);
    expect(s.delete('m')).toBe(true);
    expect(() => s.remove('m')).toThrow(/not a member/);
    expect(s.pop()).toBe('x');
    s.deleteAt(0);
    expect([...s]).toEqual(['c']);
  });
  test('set algebra returns new sets', () => {
    const a = new SortedSet([1, 2, 3, 4]);
    const b = [3, 4, 5];
    expect(a.union(b).toArray()).toEqual([1, 2, 3, 4, 5]);
    expect(a.intersection(b).toArray()).toEqual([3, 4]);
    expect(a.intersection(b, [4]).toArray()).toEqual([4]);
    expect(a.difference(b).toArray()).toEqual([1, 2]);
    expect(a.symmetricDifference(b).toArray()).toEqual([1, 2, 5]);
    expect(a.toArray()).toEqual([1, 2, 3, 4]);
    a.assertInvariants();
  });
  test('in-place forms', () => {
    expect(new SortedSet([1, 2]).unionUpdate([0], [9]).toArray()).toEqual([0, 1, 2, 9]);
    expect(new SortedSet([1, 2, 3]).intersectionUpdate(new Set([2, 3, 4])).toArray()).toEqual([2, 3]);
    expect(new SortedSet([1, 2, 3]).differenceUpdate([2]).toArray()).toEqual([1, 3]);
    const s = new SortedSet([1, 2, 3]).symmetricDifferenceUpdate([3, 4, 4]);
    expect(s.toArray()).toEqual([1, 2, 4]);
    s.assertInvariants();
  });
  test('subset, superset, disjoint', () => {
    const s = new SortedSet([1, 2]);
    expect(s.isSubsetOf([1, 2, 3])).toBe(true);
    expect(s.isSubsetOf([1, 3])).toBe(false);
    expect(s.isSupersetOf([2])).toBe(true);
    expect(s.isSupersetOf([2, 5])).toBe(false);
    expect(s.isDisjointFrom([5, 6])).toBe(true);
    expect(s.isSubsetOf(new SortedSet([2, 1]))).toBe(true);
  });
  test('ranges and reverse iteration', () => {
    const s = new SortedSet([5, 1, 4, 2, 3]);
    expect([...s.irange(2, 4, { inclusive: [true, false] })]).toEqual([2, 3]);
    expect([...s.islice(-2)]).toEqual([4, 5]);
    expect([...s.reversed()]).toEqual([5, 4, 3, 2, 1]);
  });
  test('comparator sets keep their comparator in results', () => {
    const s = new SortedSet([1, 2, 3], (a, b) => b - a);
    expect(s.union([0]).toArray()).toEqual([3, 2, 1, 0]);
  });
});

describe('errors', () => {
  test('NaN and mixed kinds are refused, the set stays intact', () => {
    const s = new SortedSet([1, 2]);
    expect(() => s.add(Number.NaN)).toThrow(/NaN/);
    expect(() => s.update([3, 'x' as unknown as number])).toThrow(/mix/);
    expect(s.toArray()).toEqual([1, 2]);
    s.assertInvariants();
    expect(() => s.at(2)).toThrow(/out of range/);
  });
});

test('stress: 100,000 seeded mixed operations against a Set and a sorted array', () => {
  const rnd = seededRandom(31);
  const s = new SortedSet<number>(undefined, { load: 8 });
  const model = new Set<number>();
  let sorted: number[] = [];
  const resort = () => {
    sorted = [...model].sort((a, b) => a - b);
  };
  for (let op = 0; op < 100_000; op++) {
    const r = rnd();
    const x = Math.floor(rnd() * 1500);
    if (r < 0.4) {
      s.add(x);
      if (!model.has(x)) {
        model.add(x);
        sorted.splice(
          modelBisectLeft(sorted, x, (a, b) => a - b),
          0,
          x,
        );
      }
    } else if (r < 0.7) {
      const had = model.delete(x);
      expect(s.discard(x)).toBe(had);
      if (had)
        sorted.splice(
          modelBisectLeft(sorted, x, (a, b) => a - b),
          1,
        );
    } else if (r < 0.72) {
      const other = Array.from({ length: Math.floor(rnd() * 100) }, () => Math.floor(rnd() * 1500));
      const kind = Math.floor(rnd() * 4);
      if (kind === 0) {
        s.unionUpdate(other);
        for (const v of other) model.add(v);
      } else if (kind === 1) {
        s.differenceUpdate(other);
        for (const v of other) model.delete(v);
      } else if (kind === 2) {
        s.symmetricDifferenceUpdate(other);
        for (const v of new Set(other)) if (!model.delete(v)) model.add(v);
      } else {
        const keep = new Set([...other, ...sorted.filter(() => rnd() < 0.7)]);
        s.intersectionUpdate(keep);
        for (const v of [...model]) if (!keep.has(v)) model.delete(v);
      }
      resort();
    } else if (r < 0.77 && model.size > 0) {
      const i = Math.floor(rnd() * model.size);
      expect(s.pop(i)).toBe(sorted[i]);
      model.delete(sorted[i] as number);
      sorted.splice(i, 1);
    } else {
      expect(s.has(x)).toBe(model.has(x));
      if (sorted.length > 0) {
        const i = Math.floor(rnd() * sorted.length);
        expect(s.at(i)).toBe(sorted[i]);
      }
      continue;
    }
    s.assertInvariants();
    expect(s.size).toBe(model.size);
    if (op % 500 === 0) expect(s.toArray()).toEqual(sorted);
  }
  expect(s.toArray()).toEqual(sorted);
}, 180_000);
