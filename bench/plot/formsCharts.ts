/**
 * Charts for `npm run bench:forms -- --plot DIR`: mount time, keystroke times and heap against the
 * number of fields, over the generated schemas (gen-N), one line per engine, plain react-hook-form
 * inputs (the floor) dashed. The instrument schemas have one size each and stay in the table.
 */
import type { ChartPoint, TimeChart } from './timeChart';

/** One result as bench:forms writes it to `--json` (extra fields are ignored). */
export interface FormsResult {
  engine: string;
  schema: string;
  fields: number;
  mountMs: number;
  keyWorkP95Ms: number;
  keyP50Ms: number;
  keyP95Ms: number;
  firstKeyMs: number;
  heapMB: number;
}

/** The floor's engine name in bench:forms, drawn dashed. */
export const FORMS_FLOOR = 'rhf';

const METRICS: { key: keyof FormsResult; file: string; title: string; unit: string }[] = [
  { key: 'mountMs', file: 'forms-mount.svg', title: 'mount', unit: 'ms, render call to first frame' },
  {
    key: 'keyWorkP95Ms',
    file: 'forms-key-work.svg',
    title: 'key work p95',
    unit: 'ms of script per keystroke, p95',
  },
  {
    key: 'keyP95Ms',
    file: 'forms-key-frame.svg',
    title: 'key to frame p95',
    unit: 'ms, keydown to next frame, p95',
  },
  {
    key: 'firstKeyMs',
    file: 'forms-first-key.svg',
    title: 'first keystroke',
    unit: 'ms, keydown to next frame',
  },
  {
    key: 'heapMB',
    file: 'forms-heap.svg',
    title: 'heap after mount',
    unit: 'MB of JS heap after a forced GC',
  },
];

export function formsCharts(results: readonly FormsResult[], note: string): TimeChart[] {
  const generated = results.filter((r) => /^gen-\d+$/.test(r.schema) && r.fields > 0);
  const label = (engine: string) => (engine === FORMS_FLOOR ? `${FORMS_FLOOR} (floor)` : engine);
  return METRICS.map((m) => {
    const points: ChartPoint[] = generated.map((r) => ({
      series: label(r.engine),
      x: r.fields,
      y: r[m.key] as number,
    }));
    return {
      file: m.file,
      title: `bench:forms — ${m.title}`,
      subtitle: note,
      xTitle: 'fields in the generated schema',
      yTitle: m.unit,
      points,
      dashed: [label(FORMS_FLOOR)],
    };
  });
}
