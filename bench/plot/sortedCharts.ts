/**
 * Charts for `npm run bench:sorted -- --plot DIR`: one per operation, time per operation against the
 * number of keys, one line per library, the flat sorted array (the read floor) dashed. A cell's time
 * is per sample; dividing by the work a sample does (bench/sorted/worker.ts) gives time per
 * operation, so sizes compare on one axis.
 */
import { opCount } from '../sorted/benchData';
import type { ChartPoint, TimeChart } from './timeChart';

/** One cell as bench:sorted writes it to `--json`. */
export interface SortedCell {
  op: string;
  size: number;
  library: string;
  ms: number;
}

/** What one operation is and how many a sample does at size n (must match worker.ts). */
const WORK: Record<string, { unit: string; count: (n: number) => number }> = {
  build: { unit: 'ns per key (whole build ÷ n)', count: (n) => n },
  add: { unit: 'ns per add', count: opCount },
  remove: { unit: 'ns per remove (half hits)', count: opCount },
  contains: { unit: 'ns per lookup (half hits)', count: (n) => 4 * opCount(n) },
  bisect: { unit: 'ns per rank lookup', count: (n) => 4 * opCount(n) },
  at: { unit: 'ns per at(i), random i', count: (n) => 4 * opCount(n) },
  range: { unit: 'ns per 1,000-key range, summed', count: () => 100 },
  iterate: { unit: 'ns per key, full walk', count: (n) => n },
  prefix: { unit: 'ns per two-letter prefix walk', count: () => 200 },
  mixed: { unit: 'ns per step (50% has, 30% add, 20% remove)', count: opCount },
};

/** The floor's name in bench:sorted, drawn dashed. */
export const SORTED_FLOOR = 'sorted array';

export function sortedCharts(cells: readonly SortedCell[], note: string): TimeChart[] {
  const ops = [...new Set(cells.map((c) => c.op))];
  return ops.map((op) => {
    const work = WORK[op];
    if (work === undefined) throw new Error(`sortedCharts: no unit of work for operation "${op}"`);
    const points: ChartPoint[] = cells
      .filter((c) => c.op === op && Number.isFinite(c.ms))
      .map((c) => ({
        series: c.library === SORTED_FLOOR ? `${SORTED_FLOOR} (floor)` : c.library,
        x: c.size,
        y: (c.ms * 1e6) / work.count(c.size),
      }));
    return {
      file: `sorted-${op}.svg`,
      title: `bench:sorted — ${op}`,
      subtitle: note,
      xTitle: 'keys in the container',
      yTitle: work.unit,
      points,
      dashed: [`${SORTED_FLOOR} (floor)`],
    };
  });
}
