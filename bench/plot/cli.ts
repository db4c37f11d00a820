/**
 * `npm run bench:plot -- RESULTS.json [MORE.json ...] DIR`: redraws the charts from saved `--json`
 * files of bench:sorted, bench:forms or bench:search (the kind is read from each file's shape), so docs
 * can be re-plotted without running again. Several files of one kind are merged, so a run split by
 * sizes (`--sizes 1e4,1e5`, then `--sizes 1e6`) gives one chart per operation.
 */
import { readFileSync } from 'node:fs';
import { type PlotInput, plotResults } from './plotResults';

const args = process.argv.slice(2);
const dir = args.pop();
if (dir === undefined || args.length === 0) {
  console.error('usage: npm run bench:plot -- RESULTS.json [MORE.json ...] DIR');
  process.exit(2);
}

/** Which benchmark wrote a file: bench:search writes rows, bench:forms records Chromium. */
function inputOf(file: string, data: Record<string, unknown>): PlotInput {
  if (Array.isArray(data.rows)) return { bench: 'search', rows: data.rows as never };
  if (Array.isArray(data.results) && typeof data.chromium === 'string')
    return { bench: 'forms', results: data.results as never };
  if (Array.isArray(data.results)) return { bench: 'sorted', results: data.results as never };
  throw new Error(`${file}: not a bench:sorted, bench:forms or bench:search results file`);
}

const files = args.map((file) => ({
  file,
  json: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
}));
const inputs = files.map(({ file, json }) => inputOf(file, json));
const kinds = new Set(inputs.map((input) => input.bench));
if (kinds.size > 1)
  throw new Error(`cannot merge results of ${[...kinds].join(' and ')} into one set of charts`);
/** The inputs as one: every file is of the same kind, so their rows or results concatenate. */
function merge(all: readonly PlotInput[]): PlotInput {
  const first = all[0] as PlotInput;
  if (first.bench === 'search')
    return { bench: 'search', rows: all.flatMap((i) => (i.bench === 'search' ? i.rows : [])) };
  if (first.bench === 'forms')
    return { bench: 'forms', results: all.flatMap((i) => (i.bench === 'forms' ? i.results : [])) };
  return { bench: 'sorted', results: all.flatMap((i) => (i.bench === 'sorted' ? i.results : [])) };
}
const merged = merge(inputs);
const dates = files.map(({ json }) => (typeof json.date === 'string' ? json.date.slice(0, 16) : 'undated'));
const node = String(files[0]?.json.node ?? '?');
await plotResults(
  merged,
  dir,
  `from ${args.length} results file(s), ${[...new Set(dates)].join(', ')}; Node ${node}`,
);
