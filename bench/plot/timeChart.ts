/**
 * The one place the benchmarks draw charts: a log-log line chart of time against size, one line per
 * library, the floor (or baseline) dashed, as SVG. Vega-Lite compiles the spec and Vega renders it in
 * Node with no browser and no canvas (text widths are estimated), so `--plot DIR` works anywhere the
 * benchmarks run. Each runner turns its results into TimeCharts (sortedCharts.ts, ...).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** One measured point: a library's time at one size. */
export interface ChartPoint {
  series: string;
  x: number;
  y: number;
}

/** A chart to draw: its file name, its words and its points. */
export interface TimeChart {
  /** File name inside the plot directory, e.g. `sorted-add.svg`. */
  file: string;
  title: string;
  /** A second title line: what one operation is, where the numbers come from. */
  subtitle?: string;
  xTitle: string;
  yTitle: string;
  points: readonly ChartPoint[];
  /** Series drawn dashed: the floor or the baseline the others are read against. */
  dashed?: readonly string[];
}

/** The Vega-Lite spec for one chart (exported so tests can check what is drawn). */
export function timeChartSpec(chart: TimeChart): TopLevelSpec {
  const dashed = new Set(chart.dashed ?? []);
  const values = chart.points
    .filter((p) => Number.isFinite(p.y) && p.y > 0 && Number.isFinite(p.x) && p.x > 0)
    .map((p) => ({ ...p, line: dashed.has(p.series) ? 'dashed' : 'solid' }));
  // Series in a fixed order (first appearance) so colours match between charts of one run.
  const series = [...new Set(chart.points.map((p) => p.series))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: chart.title, subtitle: chart.subtitle ?? '', anchor: 'start' },
    width: 460,
    height: 300,
    background: 'white',
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        scale: { type: 'log' },
        axis: { title: chart.xTitle, format: '~s', grid: true },
      },
      y: {
        field: 'y',
        type: 'quantitative',
        // No rounding out to the next power of ten: it left half the height empty.
        scale: { type: 'log', nice: false },
        axis: { title: chart.yTitle, format: '~g', grid: true },
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: series },
        legend: { title: null, labelLimit: 300 },
      },
      strokeDash: {
        field: 'line',
        type: 'nominal',
        scale: {
          domain: ['solid', 'dashed'],
          range: [
            [1, 0],
            [6, 4],
          ],
        },
        legend: null,
      },
      tooltip: [{ field: 'series' }, { field: 'x' }, { field: 'y' }],
    },
  };
}

/** Renders one chart to an SVG string. */
export async function renderTimeChart(chart: TimeChart): Promise<string> {
  const view = new View(parse(compile(timeChartSpec(chart)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Writes every chart that has points into `dir` (created if missing); returns the paths written. */
export async function writeTimeCharts(dir: string, charts: readonly TimeChart[]): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const chart of charts) {
    if (chart.points.length === 0) continue;
    const path = join(dir, chart.file);
    writeFileSync(path, await renderTimeChart(chart));
    written.push(path);
  }
  return written;
}
