/**
 * `npm run bench:plot -- FILE DIR`: redraws the charts from a saved `--json` file of bench:sorted,
 * bench:forms or bench:search (the kind is read from the file's shape), so docs can be re-plotted
 * from the last full run without running it again.
 */
import { readFileSync } from 'node:fs';
import { type PlotInput, plotResults } from './plotResults';

const [file, dir] = process.argv.slice(2);
if (file === undefined || dir === undefined) {
  console.error('usage: npm run bench:plot -- RESULTS.json DIR');
  process.exit(2);
}
const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Which benchmark wrote the file: bench:search writes rows, bench:forms records Chromium. */
function inputOf(data: Record<string, unknown>): PlotInput {
  if (Array.isArray(data.rows)) return { bench: 'search', rows: data.rows as never };
  if (Array.isArray(data.results) && typeof data.chromium === 'string')
    return { bench: 'forms', results: data.results as never };
  if (Array.isArray(data.results)) return { bench: 'sorted', results: data.results as never };
  throw new Error(`${file}: not a bench:sorted, bench:forms or bench:search results file`);
}

const when = typeof json.date === 'string' ? json.date : 'date not recorded';
await plotResults(inputOf(json), dir, `from ${file} (${when}), Node ${String(json.node ?? '?')}`);
