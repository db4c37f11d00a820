/**
 * SortedKeyList behaviour a user sees: ordering by a key, identity-based membership among equal
 * keys, key bisects and ranges, clear errors, and a seeded stress run against a sorted array.
 */
import { describe, expect, test } from 'vitest';
import { SortedKeyList } from '../../src/sorted/index';
import { modelBisectRight, seededRandom } from './seededRandom';

interface Field {
  id: string;
  order: number;
}
const byOrder = (f: Field) => f.order;

describe('documented examples', () => {
  test('values sorted by key; equal keys keep insertion order', () => {
    const skl = new SortedKeyList((s: string) => s.length, ['ccc', 'a', 'bb', 'x']);
    expect(skl.toArray()).toEqual(['a', 'x', 'bb', 'ccc']);
    skl.add('y');
    expect(skl.toArray()).toEqual(['a', 'x', 'y', 'bb', 'ccc']);
  });
  test('bisectKeyLeft/Right and irangeKey', () => {
    const skl = new SortedKeyList(byOrder);
    const fields = [3, 1, 2, 2, 5].map((order, i) => ({ id: `f${i}`, order }));
    skl.update(fields);
    expect(skl.bisectKeyLeft(2)).toBe(1);
    expect(skl.bisectKeyRight(2)).toBe(3);
    expect([...skl.irangeKey(2, 3)].map((f) => f.id)).toEqual(['f2', 'f3', 'f0']);
    expect([...skl.irangeKey(2, 3, { inclusive: [false, true], reverse: true })].map((f) => f.id)).toEqual([
      'f0',
    ]);
    expect([...skl.irange(fields[1], fields[0])].map((f) => f.order)).toEqual([1, 2, 2, 3]);
  });
  test('membership is by identity among equal keys', () => {
    const a = { id: 'a', order: 1 };
    const b = { id: 'b', order: 1 };
    const skl = new SortedKeyList(byOrder, [a]);
    expect(skl.has(a)).toBe(true);
    expect(skl.has(b)).toBe(false);
    expect(skl.discard(b)).toBe(false);
    skl.add(b);
    expect(skl.indexOf(b)).toBe(1);
    expect(skl.count(b)).toBe(1);
    skl.remove(a);
    expect(skl.toArray()).toEqual([b]);
    expect(() => skl.remove(a)).toThrow(/not in the list/);
  });
  test('key comparator', () => {
    const skl = new SortedKeyList(
      (f: Field) => f.id,
      [],
      (x, y) => (x < y ? 1 : x > y ? -1 : 0),
    );
    skl.update([
      { id: 'a', order: 0 },
      { id: 'c', order: 0 },
      { id: 'b', order: 0 },
    ]);
    expect(skl.toArray().map((f) => f.id)).toEqual(['c', 'b', 'a']);
    expect(skl.at(-1).id).toBe('a');
  });
});

describe('errors', () => {
  test('NaN key, object key without a comparator, bad key function', () => {
    expect(() => new SortedKeyList((x: number) => x / 0 - x / 0, [1])).toThrow(/NaN/);
    expect(() => new SortedKeyList((x: number) => ({ x }), [1])).toThrow(/compare/);
    expect(() => new SortedKeyList(42 as unknown as (x: number) => number)).toThrow(/key must be a function/);
  });
  test('a value whose key changed after insertion is caught by assertInvariants', () => {
    const f = { id: 'f', order: 1 };
    const skl = new SortedKeyList(byOrder, [f, { id: 'g', order: 2 }]);
    skl.assertInvariants();
    f.order = 9;
    expect(() => skl.assertInvariants()).toThrow(/key of the value at 0 changed/);
  });
});

test('stress: 100,000 seeded mixed operations against a sorted array', () => {
  const rnd = seededRandom(11);
  const skl = new SortedKeyList(byOrder, [], { load: 8 });
  const model: Field[] = [];
  let next = 0;
  const sortModel = () => {
    // Stable by order, ties by insertion (id number), like the list.
    model.sort((p, q) => p.order - q.order || Number(p.id) - Number(q.id));
  };
  for (let op = 0; op < 100_000; op++) {
    const r = rnd();
    const order = Math.floor(rnd() * 300);
    if (r < 0.4 - (model.length > 800 ? 0.3 : 0)) {
      const f = { id: String(next++), order };
      skl.add(f);
      model.splice(
        modelBisectRight(model, f, (p, q) => p.order - q.order),
        0,
        f,
      );
    } else if (r < 0.6 && model.length > 0) {
      const f = model[Math.floor(rnd() * model.length)] as Field;
      expect(skl.discard(f)).toBe(true);
      model.splice(model.indexOf(f), 1);
    } else if (r < 0.62 && model.length < 800) {
      const batch = Array.from({ length: Math.floor(rnd() * 300) }, () => ({
        id: String(next++),
        order: Math.floor(rnd() * 300),
      }));
      skl.update(batch);
      model.push(...batch);
      sortModel();
    } else if (r < 0.7 && model.length > 0) {
      const i = Math.floor(rnd() * model.length);
      expect(skl.pop(i)).toBe(model.splice(i, 1)[0]);
    } else {
      expect(skl.bisectKeyLeft(order)).toBe(model.filter((f) => f.order < order).length);
      const hi = order + 10;
      expect([...skl.irangeKey(order, hi)]).toEqual(model.filter((f) => f.order >= order && f.order <= hi));
      continue;
    }
    skl.assertInvariants();
    expect(skl.length).toBe(model.length);
    if (op % 500 === 0) expect(skl.toArray()).toEqual(model);
  }
  expect(skl.toArray()).toEqual(model);
}, 180_000);

test('runs of positional reads (the starts table) return values, not keys, and stay right after mutations', () => {
  const rnd = seededRandom(12);
  const model = Array.from({ length: 600 }, (_, i) => ({ id: String(i), order: Math.floor(rnd() * 200) }));
  const skl = new SortedKeyList(byOrder, model, { load: 4 });
  model.sort((p, q) => p.order - q.order || Number(p.id) - Number(q.id));
  for (let round = 0; round < 30; round++) {
    for (let r = 0; r < 120; r++) {
      const i = Math.floor(rnd() * model.length);
      expect(skl.at(i)).toBe(model[i]);
      const order = Math.floor(rnd() * 200);
      expect(skl.bisectKeyLeft(order)).toBe(model.filter((f) => f.order < order).length);
    }
    skl.assertInvariants();
    const i = Math.floor(rnd() * model.length);
    expect(skl.pop(i)).toBe(model.splice(i, 1)[0]);
    skl.assertInvariants();
    expect(skl.at(i % model.length)).toBe(model[i % model.length]);
  }
});
