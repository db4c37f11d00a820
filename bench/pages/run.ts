/**
 * `npm run bench:pages`: what keeps "My submissions" fast at thousands of rows. The list model
 * (SubmissionIndex: a SortedKeyList from src/sorted keyed by the chosen order) against the peer a page
 * would write first: an array of rows, the changed row replaced, then Array.prototype.sort, in the
 * same run on the same rows and the same random live state changes. Also the cost of reading the
 * filtered rows a render needs (median of 21 reads). Prints a table; `--json FILE` writes the rows.
 */
import { writeFileSync } from 'node:fs';
import {
  makeRow,
  type SortOrder,
  SubmissionIndex,
  type SubmissionRow,
} from '../../src/app/submissions/SubmissionIndex';
import { pairFlags } from '../pairFlags';

const { fail, option, whole } = pairFlags('bench:pages', ['--rows', '--changes', '--json']);

const rowCounts = (option('--rows') ?? '1000,5000,20000').split(',').map((t) => {
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1) fail(`--rows: "${t}" is not a list of positive whole numbers`);
  return n;
});
const changes = whole('--changes', 2000);
const jsonFile = option('--json');

const STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
const INSTRUMENTS = ['eqsans', 'biosans', 'powder', 'reflectometer', 'inelastic'];
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function rows(n: number): SubmissionRow[] {
  return Array.from({ length: n }, (_, i) =>
    makeRow(
      {
        id: `s${String(i).padStart(6, '0')}`,
        instrument: pick(INSTRUMENTS),
        proposal: `IPTS-${30000 + i}`,
        submitter: null,
        createdAt: new Date(1.75e12 + Math.floor(random() * 1e10)).toISOString(),
      },
      Array.from({ length: 1 + Math.floor(random() * 3) }, (_, j) => ({
        id: `s${i}-j${j}`,
        label: `job ${j}`,
        state: pick(STATES),
      })),
    ),
  );
}

const RANK: Record<string, number> = {
  running: 0,
  queued: 1,
  failed: 2,
  timed_out: 3,
  interrupted: 4,
  cancelled: 5,
  succeeded: 6,
};
const compare: Record<SortOrder, (a: SubmissionRow, b: SubmissionRow) => number> = {
  newest: (a, b) => b.createdMs - a.createdMs || (a.id < b.id ? -1 : 1),
  oldest: (a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : 1),
  instrument: (a, b) =>
    (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0) || compare.newest(a, b),
  state: (a, b) => RANK[a.state]! - RANK[b.state]! || compare.newest(a, b),
};

/** The median time of 21 runs of `work`, in ms: single reads of a few ms are mostly noise here. */
function median(work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[10]!;
}

interface Result {
  rows: number;
  order: SortOrder;
  changes: number;
  indexUsPerChange: number;
  arrayUsPerChange: number;
  arrayOverIndex: number;
  indexReadMs: number;
  arrayReadMs: number;
}

const results: Result[] = [];
// A first round of 500 rows warms the JIT for both sides and is not reported.
for (const [round, n] of [500, ...rowCounts].entries()) {
  const base = rows(n);
  const plan = Array.from({ length: changes }, () => {
    const row = pick(base);
    return { id: row.id, job: pick(row.jobs).id, state: pick(STATES) };
  });
  for (const order of ['newest', 'state'] as const) {
    const index = new SubmissionIndex(order);
    index.put(base);
    let t = performance.now();
    for (const c of plan) index.setJobState(c.id, c.job, c.state);
    const indexMs = performance.now() - t;
    let fromIndex: SubmissionRow[] = [];
    const indexReadMs = median(() => {
      fromIndex = index.rows({ instrument: 'eqsans' });
    });

    // The peer: rows in an array, the changed one replaced in place, then a full sort.
    let array = [...base].sort(compare[order]);
    const at = new Map(array.map((r) => [r.id, r] as const));
    t = performance.now();
    for (const c of plan) {
      const old = at.get(c.id)!;
      const jobs = old.jobs.map((j) => (j.id === c.job ? { ...j, state: c.state } : j));
      const row = makeRow(old, jobs);
      at.set(row.id, row);
      array[array.indexOf(old)] = row;
      array.sort(compare[order]);
    }
    const arrayMs = performance.now() - t;
    let fromArray: SubmissionRow[] = [];
    const arrayReadMs = median(() => {
      fromArray = array.filter((r) => r.instrument === 'eqsans');
    });
    if (fromIndex.map((r) => r.id).join() !== fromArray.map((r) => r.id).join())
      fail(`the index and the array disagree on the order (${n} rows, ${order})`);
    array = [];
    if (round === 0) continue;
    results.push({
      rows: n,
      order,
      changes,
      indexUsPerChange: (indexMs * 1000) / changes,
      arrayUsPerChange: (arrayMs * 1000) / changes,
      arrayOverIndex: arrayMs / indexMs,
      indexReadMs,
      arrayReadMs,
    });
  }
}

const f = (x: number, d = 1) => x.toFixed(d);
console.log(
  '| rows | order | live change, SortedKeyList µs | live change, array + sort µs | array / index | filtered read (median of 21), index ms | array ms |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of results)
  console.log(
    `| ${r.rows} | ${r.order} | ${f(r.indexUsPerChange)} | ${f(r.arrayUsPerChange)} | ${f(r.arrayOverIndex)}× | ${f(r.indexReadMs, 2)} | ${f(r.arrayReadMs, 2)} |`,
  );
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
