/**
 * `npm run bench:paste [-- --rows 1000 --runs 5 --baseline DIR --json FILE --no-build]`: the paste
 * measure of bench:forms (pasteRun.ts: 1,000 scan rows pasted, "Replace all rows", Apply, then
 * typing) on its own, so a change to the paste path is measured in seconds, not with the whole
 * keystroke table. --baseline DIR is another build of the bench page (e.g. of the commit before the
 * change, `npx vite build --config bench/forms/vite.config.ts --outDir DIR`): both are measured in the
 * same run, alternating, and the table gives this build's figures as a ratio of the baseline's.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/e2e/chromium';
import { measurePaste, type PasteResult, printPasteTable } from '../forms/pasteRun';
import { serveBenchPage } from '../forms/serveBenchPage';

const root = resolve(import.meta.dirname, '../..');
const formsDir = join(root, 'bench/forms');

const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    baseline: { type: 'string' },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const rows = Number(options.rows);
const runs = Number(options.runs);
if (!Number.isInteger(rows) || rows < 1)
  throw new Error(`--rows: "${options.rows}" is not a positive whole number`);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs: "${options.runs}" is not a positive whole number`);

const compared: (keyof PasteResult)[] = [
  'pasteWork',
  'modeWork',
  'applyWork',
  'scriptWork',
  'threadMs',
  'allRowsMs',
  'keyWorkP95After',
];

async function main(): Promise<void> {
  if (!options['no-build']) {
    console.log('building the benchmark page ...');
    execFileSync('npx', ['vite', 'build', '--config', join(formsDir, 'vite.config.ts')], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const sites = [{ name: 'this build', site: await serveBenchPage(join(formsDir, 'dist')) }];
  if (options.baseline)
    sites.push({ name: 'baseline', site: await serveBenchPage(resolve(options.baseline)) });
  const browser = await launchChromium();
  const results = new Map<string, PasteResult[]>(sites.map((s) => [s.name, []]));
  try {
    // One run of each build in turn, so both meet the same load on a shared machine.
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? sites : [...sites].reverse();
      for (const { name, site } of order)
        results.get(name)!.push(await measurePaste(browser.context, site.url, rows, 1));
    }
  } finally {
    await browser.close();
    for (const { site } of sites) await site.close();
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  const summary = Object.fromEntries(
    [...results].map(([name, list]) => {
      const merged = Object.fromEntries(
        Object.keys(list[0]!).map((key) => [
          key,
          median(list.map((r) => r[key as keyof PasteResult] as number)),
        ]),
      ) as unknown as PasteResult;
      return [name, { ...merged, runs: list.length }];
    }),
  ) as Record<string, PasteResult>;
  for (const [name, r] of Object.entries(summary)) {
    console.log(`\n== ${name}`);
    printPasteTable(r);
  }
  const base = summary.baseline;
  const ours = summary['this build']!;
  if (base) {
    console.log('\nthis build / baseline (medians of the same run)');
    for (const key of compared)
      console.log(
        `${key.padEnd(16)} ${ours[key].toFixed(1).padStart(8)} / ${base[key].toFixed(1).padStart(8)} ms = ${(ours[key] / base[key]).toFixed(2)}×`,
      );
  }
  if (options.json)
    writeFileSync(
      options.json,
      `${JSON.stringify({ node: process.version, rows, runs, summary }, null, 2)}\n`,
    );
}

await main();
