/**
 * The default load follows the size (SortedCore SMALL_LOAD, SMALL_MAX_LENGTH): 125 while a container
 * holds at most 2^15 keys, 250 above, and a list that grows past 2^15 one insert at a time is
 * re-chunked once. These tests check the layout each size gets, that the re-chunk keeps every key
 * with its value and every position right, and that a caller's own load is never changed.
 */
import { expect, test } from 'vitest';
import { SortedKeyList, SortedList } from '../../src/sorted/index';
import { seededRandom } from './seededRandom';

const SMALL_MAX = 1 << 15;

/** The layout fields a test reads to see which load a container took (never written here). */
interface Layout {
  _load: number;
  _keys: unknown[][];
  _ulen: number;
}
const layout = (c: unknown) => c as Layout;

test('a bulk load of up to 2^15 keys takes load 125 (chunks of 128), a larger one load 250 (chunks of 256)', () => {
  const small = new SortedList(Array.from({ length: 10_000 }, (_, i) => 10_000 - i));
  expect(layout(small)._load).toBe(125);
  expect(layout(small)._keys[0]?.length).toBe(128);
  small.assertInvariants();
  const large = new SortedList(Array.from({ length: SMALL_MAX + 1 }, (_, i) => i));
  expect(layout(large)._load).toBe(250);
  expect(layout(large)._keys[0]?.length).toBe(256);
  large.assertInvariants();
  // An update large enough to bulk load decides again, both ways.
  large.update(Array.from({ length: 20_000 }, (_, i) => -1 - i));
  expect(layout(large)._load).toBe(250);
  small.update(Array.from({ length: 30_000 }, (_, i) => 1e6 + i));
  expect(layout(small)._load).toBe(250);
  small.assertInvariants();
});

test('a SortedKeyList grown one insert at a time past 2^15 is re-chunked once, every value with its key', () => {
  const rnd = seededRandom(2026);
  const order = Array.from({ length: SMALL_MAX + 500 }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const skl = new SortedKeyList((r: { key: number; id: string }) => r.key);
  for (let i = 0; i < order.length; i++) {
    const key = order[i] as number;
    skl.add({ key, id: `id${key}` });
    if (skl.length === SMALL_MAX) {
      expect(layout(skl)._load).toBe(125);
      skl.assertInvariants();
    }
    if (skl.length === SMALL_MAX + 1) {
      // The insert that crossed: now the uniform layout at load 250.
      expect(layout(skl)._load).toBe(250);
      expect(layout(skl)._ulen).toBe(SMALL_MAX + 1);
      skl.assertInvariants();
    }
  }
  skl.assertInvariants();
  const sorted = [...order].sort((a, b) => a - b);
  for (let p = 0; p < sorted.length; p += 97) {
    const row = skl.at(p);
    expect(row.key).toBe(sorted[p]);
    expect(row.id).toBe(`id${sorted[p]}`);
  }
  expect(skl.toArray().map((r) => r.key)).toEqual(sorted);
  // Shrinking below 2^15 by deletes keeps load 250 (no re-chunk on each crossing).
  for (let k = 0; k < 1000; k++) skl.remove(skl.at(0));
  expect(layout(skl)._load).toBe(250);
  skl.assertInvariants();
  expect(skl.at(0).key).toBe(1000);
});

test('a load the caller chose is kept at every size', () => {
  const sl = new SortedList<number>([], { load: 125 });
  for (let i = 0; i < SMALL_MAX + 10; i++) sl.add((i * 7919) % (SMALL_MAX + 10));
  expect(layout(sl)._load).toBe(125);
  sl.assertInvariants();
  const big = new SortedList(
    Array.from({ length: 50_000 }, (_, i) => i),
    { load: 64 },
  );
  expect(layout(big)._load).toBe(64);
  expect(layout(big)._keys[0]?.length).toBe(64);
});
