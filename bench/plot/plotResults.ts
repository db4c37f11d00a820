/**
 * The hook the benchmark runners call for `--plot DIR` (and bench/plot/cli.ts for a saved `--json`
 * file): turns one benchmark's results into its charts and writes them as SVG. One entry point so
 * each runner gains two lines, not a chart library.
 */
import { type FormsResult, formsCharts } from './formsCharts';
import { type SearchRow, searchCharts } from './searchCharts';
import { type SortedCell, sortedCharts } from './sortedCharts';
import { type TimeChart, writeTimeCharts } from './timeChart';

/** Each benchmark and the shape of its results (what its `--json` file holds). */
export type PlotInput =
  | { bench: 'sorted'; results: readonly SortedCell[] }
  | { bench: 'forms'; results: readonly FormsResult[] }
  | { bench: 'search'; rows: readonly SearchRow[] };

/** Charts for one benchmark's results; `note` (when, where) goes under every title. */
export function chartsFor(input: PlotInput, note: string): TimeChart[] {
  if (input.bench === 'sorted') return sortedCharts(input.results, note);
  if (input.bench === 'forms') return formsCharts(input.results, note);
  return searchCharts(input.rows, note);
}

/** Writes the charts into `dir` and prints where; returns the files written. */
export async function plotResults(input: PlotInput, dir: string, note: string): Promise<string[]> {
  const files = await writeTimeCharts(dir, chartsFor(input, note));
  console.log(`plotted ${files.length} chart(s) into ${dir}`);
  return files;
}

/**
 * The `--plot DIR` value from argv: undefined without the flag. A flag without a directory ends the
 * run before any work, with one line saying so (as the runners' other usage errors do).
 */
export function plotDir(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--plot');
  if (i < 0) return undefined;
  const dir = argv[i + 1];
  if (dir === undefined || dir.startsWith('--')) {
    console.error('--plot needs a directory to write the SVG charts into: --plot DIR');
    process.exit(2);
  }
  return dir;
}
