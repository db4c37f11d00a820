/**
 * The uniform layout: after a bulk load every sublist but the last holds exactly 2^k items, so
 * positions are a shift and a mask (docs/sorted.md "Positional access"). These tests check that every
 * positional answer agrees with a sorted array for loads that are and are not powers of two, that the
 * first mutation leaves the layout and a large update returns to it, and that the invariant check
 * catches a layout that lies.
 */
import { expect, test } from 'vitest';
import { SortedKeyList, SortedList } from '../../src/sorted/index';
import { modelBisectLeft, modelBisectRight, seededRandom } from './seededRandom';

const num = (a: number, b: number) => a - b;

/** Every position, from both ends, plus ranks, slices and the errors, against the model array. */
function expectPositions(sl: SortedList<number>, model: readonly number[], rnd: () => number): void {
  const n = model.length;
  expect(sl.length).toBe(n);
  for (let i = 0; i < n; i++) {
    expect(sl.at(i)).toBe(model[i]);
    expect(sl.at(i - n)).toBe(model[i]);
  }
  for (let r = 0; r < 50; r++) {
    const x = Math.floor(rnd() * 2 * n) - 1;
    expect(sl.bisectLeft(x)).toBe(modelBisectLeft(model, x, num));
    expect(sl.bisectRight(x)).toBe(modelBisectRight(model, x, num));
    expect(sl.indexOf(x)).toBe(model.indexOf(x));
    const a = Math.floor(rnd() * (n + 2)) - 1;
    const b = a + Math.floor(rnd() * 600);
    expect([...sl.islice(a, b)]).toEqual(model.slice(a, b));
  }
  expect(() => sl.at(n)).toThrow(RangeError);
  expect(() => sl.at(-n - 1)).toThrow(RangeError);
  expect(() => sl.at(0.5)).toThrow(TypeError);
  expect(() => sl.at(Number.NaN)).toThrow(TypeError);
}

test.each([4, 5, 7, 12, 250])('a bulk load at load %i answers every position like a sorted array', (load) => {
  const rnd = seededRandom(load);
  for (const n of [1, 6, 257, 3001]) {
    const values = Array.from({ length: n }, () => Math.floor(rnd() * n * 2));
    const model = [...values].sort(num);
    const sl = new SortedList(values, { load });
    sl.assertInvariants();
    expectPositions(sl, model, rnd);
  }
});

test('the first mutation leaves the uniform layout, a large update returns to it', () => {
  const rnd = seededRandom(11);
  const model = Array.from({ length: 2000 }, () => Math.floor(rnd() * 4000)).sort(num);
  const sl = new SortedList(model, { load: 6 });
  for (let round = 0; round < 5; round++) {
    // One insert and one positional delete, each in the middle of a chunk, then every position.
    const x = Math.floor(rnd() * 4000);
    sl.add(x);
    model.splice(modelBisectRight(model, x, num), 0, x);
    sl.assertInvariants();
    const i = Math.floor(rnd() * model.length);
    expect(sl.pop(i)).toBe(model.splice(i, 1)[0]);
    sl.assertInvariants();
    expectPositions(sl, model, rnd);
    // A batch of at least a quarter of the size re-chunks into the uniform layout again.
    const batch = Array.from({ length: model.length >> 1 }, () => Math.floor(rnd() * 4000));
    sl.update(batch);
    model.push(...batch);
    model.sort(num);
    sl.assertInvariants();
    expectPositions(sl, model, rnd);
    // Deleting from the front keeps every answer right whichever layout is live.
    sl.deleteAt(0);
    model.shift();
    sl.assertInvariants();
    expect(sl.at(0)).toBe(model[0]);
    expect(sl.at(model.length - 1)).toBe(model[model.length - 1]);
  }
  sl.clear();
  sl.assertInvariants();
  expect(() => sl.at(0)).toThrow(RangeError);
  sl.update([3, 1, 2]);
  expect([sl.at(0), sl.at(1), sl.at(2)]).toEqual([1, 2, 3]);
});

test('a SortedKeyList in the uniform layout returns values, not keys', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, order: (i * 7919) % 1000 }));
  const skl = new SortedKeyList((r: { order: number }) => r.order, rows, { load: 10 });
  skl.assertInvariants();
  for (let i = 0; i < 1000; i++) expect(skl.at(i).order).toBe(i);
  expect(skl.at(-1).id).toBe(rows.find((r) => r.order === 999)?.id);
});

test('assertInvariants catches a uniform layout that no longer holds', () => {
  const sl = new SortedList(
    Array.from({ length: 100 }, (_, i) => i),
    { load: 4 },
  );
  sl.add(50.5);
  // Pretend the layout were still uniform after the insert: positions past it would be wrong.
  (sl as unknown as { _ulen: number })._ulen = sl.length;
  expect(() => sl.assertInvariants()).toThrow(/uniform layout/);
});
