/**
 * Benchmark child: times one (library, operation, size) cell in a fresh process, so no library's JIT
 * state or garbage leaks into another's. Prints one JSON line {ms, samples, checksum} (or {skip}).
 * Started only by run.ts; it never compares libraries itself.
 */
import { type Adapter, makeAdapters } from './adapters';
import { numberData, opCount, stringData } from './benchData';

const [lib = '', op = '', sizeText = '0', samplesText = '5', warmupText = '2'] = process.argv.slice(2);
const n = Number(sizeText);
const samples = Number(samplesText);
const warmup = Number(warmupText);

const cmpNumber = (a: number, b: number) => a - b;
const cmpString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function emit(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * The shortest stretch of wall time a cell's samples span. On this shared 2-core VM the machine
 * slows by 1.3-1.6x for stretches of a few to a few hundred milliseconds, for every library alike:
 * range 1e4 with formulary and the array alternating in one process, blocks of 15 samples read
 * 0.102 and 0.088 ms, then 0.13-0.15 and 0.11-0.13 ms together, then fast again (issue 28). Fifteen
 * back-to-back samples of a 0.1 ms cell span 1.5 ms, so one such stretch decided a whole process,
 * and a cell's libraries ran at different moments: the "bimodal JIT state" of the second pass. A
 * median over 250 ms is mostly taken outside them. Cells whose 15 samples take longer are unchanged.
 */
const SAMPLE_WINDOW_MS = 250;

/** Runs `body` warmup + samples times; each run returns a checksum and is timed alone. */
function measure(body: () => number, restore: () => void): void {
  const times: number[] = [];
  let checksum: number | undefined;
  // Warm-up: at least `warmup` runs and at least 300 ms of this process's CPU time, so every library
  // reaches its optimised tier. CPU time, not wall time: on the shared machine (load 15-17 on 2 cores)
  // 300 ms of wall time gave a process ~30 ms of CPU, and some 1e6 folds were still timed before
  // their optimised code was in (formulary iterate 1e6: process medians 1.8 to 16 ms in one run).
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const warmStart = cpuMs();
  let warmRuns = 0;
  while (warmRuns < warmup || (cpuMs() - warmStart < 300 && warmRuns < 2000)) {
    const c = body();
    restore();
    if (checksum !== undefined && c !== checksum) {
      emit({ error: `checksum changed between warm-up runs: ${checksum} then ${c}` });
      process.exit(2);
    }
    checksum = c;
    warmRuns++;
  }
  // Samples: at least `samples`, and as many more as fit in SAMPLE_WINDOW_MS of wall time.
  const sampleStart = performance.now();
  for (let r = 0; r < samples || (performance.now() - sampleStart < SAMPLE_WINDOW_MS && r < 20_000); r++) {
    const t0 = performance.now();
    const c = body();
    const t1 = performance.now();
    restore();
    if (checksum !== undefined && c !== checksum) {
      emit({ error: `checksum changed between samples: ${checksum} then ${c}` });
      process.exit(2);
    }
    checksum = c;
    times.push(t1 - t0);
  }
  times.sort((a, b) => a - b);
  // A short cell takes thousands of samples: the JSON keeps 101 order statistics (0%, 1%, ... 100%).
  const kept =
    times.length <= 101
      ? times
      : Array.from({ length: 101 }, (_, q) => times[Math.round((q / 100) * (times.length - 1))]);
  emit({ ms: times[times.length >> 1], min: times[0], count: times.length, samples: kept, checksum });
}

function runPrefix(): void {
  const data = stringData(n);
  const ad = makeAdapters<string>(cmpString)[lib] as Adapter<string>;
  const s = ad.build(data.keys, op);
  measure(
    () => {
      let c = 0;
      for (const p of data.prefixes) c += ad.rangeVisit(s, p, `${p}\uffff`);
      return c;
    },
    () => {},
  );
}

function runNumbers(): void {
  const ad = makeAdapters<number>(cmpNumber)[lib] as Adapter<number>;
  if ((op === 'bisect' && !ad.rank) || (op === 'at' && !ad.at)) {
    emit({ skip: true });
    return;
  }
  if (op === 'at' && ad.atLinear && n > 1000) {
    emit({ skip: true, linear: true });
    return;
  }
  const d = numberData(n);
  const k = opCount(n);
  let s = op === 'build' ? undefined : ad.build(d.keys, op);
  const bodies: Record<string, [() => number, () => void]> = {
    build: [
      () => {
        s = ad.build(d.keys, op);
        return ad.size(s);
      },
      () => {},
    ],
    add: [
      () => {
        for (let i = 0; i < k; i++) s = ad.add(s, d.fresh[i] as number);
        return ad.size(s);
      },
      () => {
        for (let i = 0; i < k; i++) s = ad.remove(s, d.fresh[i] as number);
      },
    ],
    remove: [
      () => {
        for (let i = 0; i < k; i++) s = ad.remove(s, d.probes[i] as number);
        return ad.size(s);
      },
      () => {
        const back = new Set<number>();
        for (let i = 0; i < k; i++) if ((d.probes[i] as number) % 2 === 0) back.add(d.probes[i] as number);
        for (const x of back) s = ad.add(s, x);
      },
    ],
    contains: [
      () => {
        let hits = 0;
        for (let i = 0; i < d.probes.length; i++) if (ad.has(s, d.probes[i] as number)) hits++;
        return hits;
      },
      () => {},
    ],
    bisect: [
      () => {
        let sum = 0;
        const rank = ad.rank as (s: unknown, x: number) => number;
        for (let i = 0; i < d.probes.length; i++) sum += rank(s, d.probes[i] as number);
        return sum;
      },
      () => {},
    ],
    at: [
      () => {
        let sum = 0;
        const at = ad.at as (s: unknown, i: number) => number;
        for (let i = 0; i < d.positions.length; i++) sum += at(s, d.positions[i] as number);
        return sum;
      },
      () => {},
    ],
    range: [
      () => {
        let sum = 0;
        for (const lo of d.rangeStarts) sum += ad.rangeSum(s, lo, lo + 1998);
        return sum;
      },
      () => {},
    ],
    iterate: [() => ad.iterateSum(s), () => {}],
    mixed: [
      () => {
        let hits = 0;
        let f = 0;
        for (let i = 0; i < k; i++) {
          const kind = d.mixedKinds[i];
          const x = d.probes[i] as number;
          if (kind === 0) {
            if (ad.has(s, x)) hits++;
          } else if (kind === 1) s = ad.add(s, d.fresh[f++] as number);
          else s = ad.remove(s, x);
        }
        return hits * 1e7 + ad.size(s);
      },
      () => {
        let f = 0;
        const back = new Set<number>();
        for (let i = 0; i < k; i++) {
          const kind = d.mixedKinds[i];
          if (kind === 1) s = ad.remove(s, d.fresh[f++] as number);
          else if (kind === 2 && (d.probes[i] as number) % 2 === 0) back.add(d.probes[i] as number);
        }
        for (const x of back) if (!ad.has(s, x)) s = ad.add(s, x);
      },
    ],
  };
  const pair = bodies[op];
  if (pair === undefined) throw new Error(`unknown op ${op}`);
  measure(pair[0], pair[1]);
}

if (op === 'prefix') runPrefix();
else runNumbers();
