/**
 * `npm run bench:sorted-at-floor`: how close a list of sublists comes to a flat array's `array[i]`
 * (the read floor of `npm run bench:sorted`), and the options for closing the gap (issue 28). One
 * process times, on the same keys and positions (random, as the `at` cells, and sequential runs):
 *
 * - `plain array`: `keys[i]`, the floor;
 * - `ideal sublists`: sublists all exactly `load` long, a position's sublist one division away;
 * - `starts + jump table`: a flatter index, a table from each block of 128 positions to its sublist;
 * - `formulary, bulk-loaded`: SortedList.at as shipped after a bulk load (the uniform layout), and
 *   the same with load 1,000 (a larger load at large sizes);
 * - `formulary after writes`: after 1% of the keys were added one by one (the starts table), with
 *   load 250 and 1,000, and a prototype that caches the last sublist for sequential access.
 * Then the one-off cost of re-chunking a list after writes into the uniform layout, against what it
 * saves per read.
 *
 * Prints milliseconds per sample (median of 15, best of 3 interleaved rounds) and each one's ratio to
 * the plain array; `--json FILE` writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { SortedList } from '../../src/sorted';

const argv = process.argv.slice(2);
const jsonIndex = argv.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? argv[jsonIndex + 1] : undefined;
if (jsonIndex >= 0 && !jsonFile) throw new Error('--json needs a file name');

const load = 250;
const probeCount = 20_000;

/** Deterministic positions in [0, n), the same for every layout. */
function positions(n: number): Int32Array {
  let seed = 12_345;
  const next = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  return Int32Array.from({ length: probeCount }, () => Math.floor(next() * n));
}

type Layout = (probes: Int32Array) => number;

/** The internals a prototype layout reads from a SortedList (bench only; never done in src/). */
interface Internals {
  _keys: number[][];
  _starts: Int32Array | null;
  _perItem: number;
  _loadSorted(keys: number[], vals: null): void;
}

/** A SortedList holding keys whose layout is no longer uniform: built without 1% of them, which are then added back. */
function afterWrites(keys: number[], listLoad: number): SortedList<number> {
  const held = keys.filter((_, i) => i % 100 !== 50);
  const list = new SortedList<number>(held, { load: listLoad });
  for (let i = 50; i < keys.length; i += 100) list.add(keys[i]!);
  // Pay for the starts table, as a read-heavy run does.
  for (let i = 0; i < keys.length; i += 7) list.at(i);
  return list;
}

function layouts(n: number): Record<string, Layout> {
  const keys = Array.from({ length: n }, (_, i) => 2 * i);
  const lists: number[][] = [];
  for (let i = 0; i < n; i += load) lists.push(keys.slice(i, i + load));
  const starts = new Int32Array(lists.length + 1);
  for (let j = 0; j < lists.length; j++) starts[j + 1] = starts[j]! + lists[j]!.length;
  const shift = 7;
  const jump = new Int32Array((n >> shift) + 1);
  for (let b = 0, j = 0; b < jump.length; b++) {
    while (starts[j + 1]! <= b << shift) j++;
    jump[b] = j;
  }
  const bulk = new SortedList<number>(keys);
  const bulk1000 = new SortedList<number>(keys, { load: 1000 });
  const written = afterWrites(keys, load);
  const written1000 = afterWrites(keys, 1000);
  // Prototype of "cache the last sublist": remember the sublist of the last answer and its bounds,
  // take the starts-table guess only when a position falls outside them.
  const inner = written as unknown as Internals;
  let lastList: number[] = [];
  let lastStart = 0;
  let lastEnd = 0;
  const cached = (i: number): number => {
    if (i >= lastStart && i < lastEnd) return lastList[i - lastStart]!;
    const st = inner._starts as Int32Array;
    let j = (i * inner._perItem) | 0;
    while (st[j]! > i) j--;
    while (st[j + 1]! <= i) j++;
    lastList = inner._keys[j]!;
    lastStart = st[j]!;
    lastEnd = st[j + 1]!;
    return lastList[i - lastStart]!;
  };
  const viaAt =
    (list: SortedList<number>): Layout =>
    (probes) => {
      let sum = 0;
      for (let k = 0; k < probes.length; k++) sum += list.at(probes[k]!);
      return sum;
    };
  return {
    'plain array': (probes) => {
      let sum = 0;
      for (let k = 0; k < probes.length; k++) sum += keys[probes[k]!]!;
      return sum;
    },
    'ideal sublists': (probes) => {
      let sum = 0;
      for (let k = 0; k < probes.length; k++) {
        const i = probes[k]!;
        const j = (i / load) | 0;
        sum += lists[j]![i - j * load]!;
      }
      return sum;
    },
    'starts + jump table': (probes) => {
      let sum = 0;
      for (let k = 0; k < probes.length; k++) {
        const i = probes[k]!;
        let j = jump[i >> shift]!;
        while (starts[j + 1]! <= i) j++;
        sum += lists[j]![i - starts[j]!]!;
      }
      return sum;
    },
    'formulary, bulk-loaded': viaAt(bulk),
    'bulk-loaded, load 1000': viaAt(bulk1000),
    'formulary after writes': viaAt(written),
    'after writes, load 1000': viaAt(written1000),
    'after writes, last-sublist cache': (probes) => {
      let sum = 0;
      for (let k = 0; k < probes.length; k++) sum += cached(probes[k]!);
      return sum;
    },
  };
}

/** Consecutive positions from a few random starts: the access pattern a last-sublist cache serves. */
function sequential(n: number): Int32Array {
  const random = positions(n);
  const out = new Int32Array(probeCount);
  const run = Math.min(n, 1000);
  for (let k = 0; k < probeCount; k++) {
    const from = Math.min(random[Math.floor(k / run)]!, n - run);
    out[k] = from + (k % run);
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

const results: { size: number; pattern: string; layout: string; ms: number }[] = [];
for (const n of [1e4, 1e5, 1e6]) {
  const all = layouts(n);
  for (const [pattern, probes] of [
    ['random', positions(n)],
    ['sequential', sequential(n)],
  ] as const) {
    const checksums = new Set(Object.values(all).map((f) => f(probes)));
    if (checksums.size !== 1) throw new Error(`layouts disagree at n=${n}: ${[...checksums].join(', ')}`);
    for (const f of Object.values(all)) for (let w = 0; w < 200; w++) f(probes);
    const best = new Map<string, number>();
    for (let round = 0; round < 3; round++) {
      for (const [name, f] of Object.entries(all)) {
        const samples: number[] = [];
        for (let s = 0; s < 15; s++) {
          const start = performance.now();
          f(probes);
          samples.push(performance.now() - start);
        }
        best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, median(samples)));
      }
    }
    for (const [layout, ms] of best) results.push({ size: n, pattern, layout, ms });
  }
}

console.log(
  `${'size'.padEnd(6)} ${'positions'.padEnd(11)} ${'layout'.padEnd(33)} ${'ms'.padStart(8)} ${'÷ plain array'.padStart(14)}`,
);
for (const r of results) {
  const plain = results.find(
    (p) => p.size === r.size && p.pattern === r.pattern && p.layout === 'plain array',
  )!.ms;
  console.log(
    `${r.size.toExponential(0).padEnd(6)} ${r.pattern.padEnd(11)} ${r.layout.padEnd(33)} ${r.ms.toFixed(4).padStart(8)} ${`${(r.ms / plain).toFixed(2)}×`.padStart(14)}`,
  );
}
// The option of re-chunking a read-heavy list into the uniform layout after writes: its one-off
// cost (copying every item into new chunks, the bulk load's own step) against what it saves per read.
console.log(
  '\nre-chunking after writes into the uniform layout (one-off), against the saving per random read:',
);
const rechunk: { size: number; ms: number; savedNsPerRead: number; readsToPayBack: number }[] = [];
for (const n of [1e4, 1e5, 1e6]) {
  const keys = Array.from({ length: n }, (_, i) => 2 * i);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const list = afterWrites(keys, load) as unknown as Internals & SortedList<number>;
    const start = performance.now();
    list._loadSorted(list.toArray(), null);
    times.push(performance.now() - start);
  }
  const ms = median(times);
  const row = (layout: string) =>
    results.find((r) => r.size === n && r.pattern === 'random' && r.layout === layout)!.ms;
  const savedNsPerRead = ((row('formulary after writes') - row('formulary, bulk-loaded')) * 1e6) / probeCount;
  const readsToPayBack = savedNsPerRead > 0 ? (ms * 1e6) / savedNsPerRead : Number.POSITIVE_INFINITY;
  rechunk.push({ size: n, ms, savedNsPerRead, readsToPayBack });
  console.log(
    `${n.toExponential(0).padEnd(6)} ${ms.toFixed(3)} ms; saves ${savedNsPerRead.toFixed(1)} ns per read; pays back after ${(readsToPayBack / n).toFixed(1)} x n reads`,
  );
}

if (jsonFile) {
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, results, rechunk }, null, 2)}\n`,
  );
}
