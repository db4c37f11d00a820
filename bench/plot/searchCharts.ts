/**
 * Charts for `npm run bench:search -- --plot DIR`: query time against the number of fields, one chart
 * per query length (1, 2, 3 words), FieldIndex p50 and p99 against the linear scan (dashed: the
 * baseline it must beat by 10x), plus the index's build time.
 */
import type { ChartPoint, TimeChart } from './timeChart';

/** One row as bench:search writes it to `--json` (extra fields are ignored). */
export interface SearchRow {
  fields: number;
  words: number;
  buildMs: number;
  indexP50: number;
  indexP99: number;
  linearP50: number;
  linearP99: number;
}

export function searchCharts(rows: readonly SearchRow[], note: string): TimeChart[] {
  const words = [...new Set(rows.map((r) => r.words))].sort((a, b) => a - b);
  const charts: TimeChart[] = words.map((w) => {
    const points: ChartPoint[] = [];
    for (const r of rows.filter((row) => row.words === w)) {
      points.push({ series: 'FieldIndex p50', x: r.fields, y: r.indexP50 });
      points.push({ series: 'FieldIndex p99', x: r.fields, y: r.indexP99 });
      points.push({ series: 'linear scan p50', x: r.fields, y: r.linearP50 });
      points.push({ series: 'linear scan p99', x: r.fields, y: r.linearP99 });
    }
    return {
      file: `search-${w}-word.svg`,
      title: `bench:search — ${w}-word queries`,
      subtitle: note,
      xTitle: 'fields indexed',
      yTitle: 'ms per query',
      points,
      dashed: ['linear scan p50', 'linear scan p99'],
    };
  });
  const builds = new Map(rows.map((r) => [r.fields, r.buildMs]));
  charts.push({
    file: 'search-build.svg',
    title: 'bench:search — FieldIndex build',
    subtitle: note,
    xTitle: 'fields indexed',
    yTitle: 'ms per build',
    points: [...builds].map(([x, y]) => ({ series: 'FieldIndex build', x, y })),
  });
  return charts;
}
