/**
 * `npm run bench:sorted-cells`: the close cells of `bench:sorted` (issue 28) timed in one process,
 * formulary against its floor (the flat array) or its best dynamic peer, in alternating rounds, so a
 * burst of load on the shared machine falls on both alike and only same-round ratios are reported.
 * `--alt DIR` adds a second copy of src/sorted (a prototype) as a third contender, for A/B tests.
 *
 * Each contender's timed loop is compiled from its own source text (`new Function`), so no call site
 * is shared between libraries: in one process a shared loop would see several receivers, go
 * polymorphic and stop inlining, which the one-library worker of `bench:sorted` never does. The work
 * per sample, the data and the checksums are the worker's (benchData.ts); every run's checksum must
 * match the floor's, so no contender's work can be dropped as dead code.
 *
 * Flags: --cells add:1e4,range:1e4,bisect:1e6,iterate:1e6 (the default; ops add, remove, mixed, range,
 * bisect, iterate), --rounds N (15),
 * --samples N per round (7), --alt DIR, --json FILE. Prints, per cell, each contender's median over
 * rounds of its per-round fastest sample, and the median, lowest and highest same-round ratio to the floor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrderedSet } from 'js-sdsl';
import { SortedList } from '../../src/sorted/index';
import { numberData, opCount } from './benchData';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const cells = (option('--cells') ?? 'add:1e4,range:1e4,bisect:1e6,iterate:1e6').split(',').map((c) => {
  const [op = '', size = ''] = c.split(':');
  if (!['add', 'remove', 'mixed', 'range', 'bisect', 'iterate'].includes(op) || !(Number(size) >= 1))
    throw new Error(`--cells: "${c}" is not op:size, op one of add, remove, mixed, range, bisect, iterate`);
  return { op, n: Number(size) };
});
const rounds = Number(option('--rounds') ?? 15);
const samples = Number(option('--samples') ?? 7);
const altDir = option('--alt');
const jsonFile = option('--json');
type ListClass = typeof SortedList;
const Alt: ListClass | undefined = altDir
  ? ((await import(resolve(altDir, 'index.ts'))) as { SortedList: ListClass }).SortedList
  : undefined;

const cmp = (a: number, b: number) => a - b;
/** The flat array's bisect, as in adapters.ts (the peers get the comparator; so does the floor). */
const lowerIndexSrc = `function lower(a, x) {
  let lo = 0; let hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (cmp(a[mid], x) < 0) lo = mid + 1; else hi = mid; }
  return lo;
}`;

/** Per op and contender: [timed body, untimed restore], source text over `s` (the structure) and `d`. */
const bodies: Record<string, Record<string, [string, string]>> = {
  add: {
    formulary: [
      'for (let i = 0; i < k; i++) s.add(d.fresh[i]); return s.length;',
      'for (let i = 0; i < k; i++) s.discard(d.fresh[i]);',
    ],
    'js-sdsl': [
      'for (let i = 0; i < k; i++) s.insert(d.fresh[i]); return s.size();',
      'for (let i = 0; i < k; i++) s.eraseElementByKey(d.fresh[i]);',
    ],
  },
  remove: {
    formulary: [
      'for (let i = 0; i < k; i++) s.discard(d.probes[i]); return s.length;',
      'const back = new Set(); for (let i = 0; i < k; i++) if (d.probes[i] % 2 === 0) back.add(d.probes[i]); for (const x of back) s.add(x);',
    ],
    'js-sdsl': [
      'for (let i = 0; i < k; i++) s.eraseElementByKey(d.probes[i]); return s.size();',
      'const back = new Set(); for (let i = 0; i < k; i++) if (d.probes[i] % 2 === 0) back.add(d.probes[i]); for (const x of back) s.insert(x);',
    ],
  },
  mixed: {
    formulary: [
      `let hits = 0; let f = 0; for (let i = 0; i < k; i++) { const kind = d.mixedKinds[i]; const x = d.probes[i];
        if (kind === 0) { if (s.has(x)) hits++; } else if (kind === 1) s.add(d.fresh[f++]); else s.discard(x); }
      return hits * 1e7 + s.length;`,
      `let f = 0; const back = new Set(); for (let i = 0; i < k; i++) { const kind = d.mixedKinds[i];
        if (kind === 1) s.discard(d.fresh[f++]); else if (kind === 2 && d.probes[i] % 2 === 0) back.add(d.probes[i]); }
      for (const x of back) if (!s.has(x)) s.add(x);`,
    ],
    'js-sdsl': [
      `let hits = 0; let f = 0; for (let i = 0; i < k; i++) { const kind = d.mixedKinds[i]; const x = d.probes[i];
        if (kind === 0) { if (s.find(x).isAccessible()) hits++; } else if (kind === 1) s.insert(d.fresh[f++]); else s.eraseElementByKey(x); }
      return hits * 1e7 + s.size();`,
      `let f = 0; const back = new Set(); for (let i = 0; i < k; i++) { const kind = d.mixedKinds[i];
        if (kind === 1) s.eraseElementByKey(d.fresh[f++]); else if (kind === 2 && d.probes[i] % 2 === 0) back.add(d.probes[i]); }
      for (const x of back) if (!s.find(x).isAccessible()) s.insert(x);`,
    ],
  },
  range: {
    formulary: [
      'let sum = 0; for (const lo of d.rangeStarts) sum += s.irange(lo, lo + 1998).reduce((a, x) => a + x, 0); return sum;',
      '',
    ],
    'sorted array': [
      `let sum = 0; for (const lo of d.rangeStarts) { const hi = lo + 1998;
        for (let i = lower(s, lo); i < s.length && cmp(s[i], hi) <= 0; i++) sum += s[i]; } return sum;`,
      '',
    ],
  },
  bisect: {
    formulary: [
      'let sum = 0; for (let i = 0; i < d.probes.length; i++) sum += s.bisectLeft(d.probes[i]); return sum;',
      '',
    ],
    'sorted array': [
      `let sum = 0; for (let i = 0; i < d.probes.length; i++) sum += lower(s, d.probes[i]); return sum;`,
      '',
    ],
  },
  iterate: {
    formulary: ['return s.reduce((a, x) => a + x, 0);', ''],
    'sorted array': ['let sum = 0; for (let i = 0; i < s.length; i++) sum += s[i]; return sum;', ''],
  },
};

interface Contender {
  name: string;
  s: unknown;
  body: (s: unknown, d: unknown, k: number, cmp: unknown) => number;
  restore: (s: unknown, d: unknown, k: number, cmp: unknown) => void;
  perRound: number[];
}

/** A function of its own for one contender: its own feedback, as in a one-library process. */
function compile(src: string): Contender['body'] {
  return new Function('cmp', `${lowerIndexSrc}\nreturn function body(s, d, k) {\n${src}\n};`)(
    cmp,
  ) as Contender['body'];
}

function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q);
  return a[a.length >> 1] as number;
}

const report: object[] = [];
if (cells.length > 1) {
  // One process per cell: cells of one op share the contenders' methods (SortedBase.reduce, ...), and a
  // second cell's callback, compiled from the same text but a new function, made them polymorphic:
  // iterate 1e5 after iterate 1e4 in one process read 6.8x the array, 1.07x alone (issue 28).
  const dir = mkdtempSync(join(tmpdir(), 'formulary-cells-'));
  cells.forEach(({ op, n }, i) => {
    const part = join(dir, `${i}.json`);
    const args = argv.filter(
      (_, j) =>
        !['--cells', '--json'].includes(argv[j - 1] ?? '') && !['--cells', '--json'].includes(argv[j] ?? ''),
    );
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), ...args, '--cells', `${op}:${n}`, '--json', part],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) throw new Error(`cell ${op}:${n} failed (exit ${child.status})`);
    report.push(...(JSON.parse(readFileSync(part, 'utf8')) as { report: object[] }).report);
  });
  rmSync(dir, { recursive: true, force: true });
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ loadavg: loadavg(), report }, null, 2)}\n`);
  process.exit(0);
}
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const { op, n } of cells) {
  const d = numberData(n);
  const k = opCount(n);
  // Writes are compared with js-sdsl (the array's O(n) inserts would dominate a round), reads with the array.
  const floorName = ['add', 'remove', 'mixed'].includes(op) ? 'js-sdsl' : 'sorted array';
  const opBodies = bodies[op] as Record<string, [string, string]>;
  const make = (name: string, lib: string, build: () => unknown): Contender => {
    const [b, r] = opBodies[lib] as [string, string];
    return { name, s: build(), body: compile(b), restore: compile(r), perRound: [] };
  };
  const contenders: Contender[] = [
    make('formulary', 'formulary', () => new SortedList(d.keys)),
    ...(Alt ? [make('alt', 'formulary', () => new Alt(d.keys))] : []),
    floorName === 'js-sdsl'
      ? make('js-sdsl', 'js-sdsl', () => new OrderedSet<number>(d.keys, cmp))
      : make('sorted array', 'sorted array', () => d.keys.slice().sort(cmp)),
  ];
  let checksum: number | undefined;
  const run = (c: Contender): number => {
    const t0 = performance.now();
    const sum = c.body(c.s, d, k, cmp);
    const t = performance.now() - t0;
    c.restore(c.s, d, k, cmp);
    if (checksum === undefined) checksum = sum;
    else if (sum !== checksum) throw new Error(`${op} ${n}: ${c.name} checksum ${sum}, expected ${checksum}`);
    return t;
  };
  // Warm-up as the worker's: at least 300 ms and 5 runs per contender, before any timed round.
  for (const c of contenders) {
    const t0 = performance.now();
    for (let r = 0; r < 5 || performance.now() - t0 < 300; r++) run(c);
  }
  const loadBefore = loadavg()[0] as number;
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < contenders.length; j++) {
      const c = contenders[(j + round) % contenders.length] as Contender;
      const times: number[] = [];
      for (let r = 0; r < samples; r++) times.push(run(c));
      // The round's fastest sample: on a shared 2-core machine most samples are preempted, and the
      // fastest is the one that ran alone (the medians of an A/A run swung 0.3-2.8x at load 7).
      c.perRound.push(Math.min(...times));
    }
  }
  const floor = contenders.at(-1) as Contender;
  console.log(
    `\n${op} ${n} (load average ${loadBefore.toFixed(1)} -> ${(loadavg()[0] as number).toFixed(1)})`,
  );
  for (const c of contenders) {
    const ratios = c.perRound.map((t, r) => t / (floor.perRound[r] as number));
    const line = `  ${c.name.padEnd(14)} ${median(c.perRound).toFixed(4)} ms`;
    console.log(
      c === floor
        ? line
        : `${line}   ÷ ${floor.name}: median ${median(ratios).toFixed(2)}x (rounds ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x)`,
    );
    report.push({ op, n, contender: c.name, ms: median(c.perRound), perRound: c.perRound, ratios });
  }
}
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ loadavg: loadavg(), report }, null, 2)}\n`);
