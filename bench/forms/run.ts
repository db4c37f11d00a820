/**
 * `npm run bench:forms`: mounts and types into generated (100 to 3,000 fields) and shipped instrument
 * schemas with Formulary, @rjsf/core (live validation off and on) and plain react-hook-form inputs
 * (the floor), on one page in Debian's Chromium, and prints medians of 3 runs with ratios. Between
 * focusing the target field and the first keystroke the page waits for two frames, an idle period and
 * three frames in a row at the normal rate, for every engine (page/main.tsx, settled()).
 * Options: --quick (100 and 1,000 fields, one run), --json FILE, --engines a,b, --schemas a,b,
 * --runs N, --verbose (every keystroke's times), --no-build (reuse bench/forms/dist), --plot DIR (SVG
 * charts, bench/plot), --paste-rows N (default 1,000) and --no-paste for the paste measure (pasteRun.ts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/chromium';
import { plotResults } from '../plot/plotResults';
import { quantile } from '../quantile';
import { measurePaste, type PasteResult, printPasteTable } from './pasteRun';
import { serveBenchPage } from './serveBenchPage';
import { typeKeys, withTimeout } from './typeKeys';

const here = import.meta.dirname;
const root = resolve(here, '../..');
const keystrokes = 30;

interface Sample {
  mountMs: number;
  keyWorkP95Ms: number;
  keyP50Ms: number;
  keyP95Ms: number;
  firstKeyMs: number;
  openSectionMs: number | null;
  heapMB: number;
}

interface Result extends Sample {
  engine: string;
  schema: string;
  fields: number;
}

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    plot: { type: 'string' },
    engines: { type: 'string' },
    schemas: { type: 'string' },
    runs: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'paste-rows': { type: 'string', default: '1000' },
    'no-paste': { type: 'boolean', default: false },
  },
});

const instruments = readdirSync(join(root, 'src/schemas/instruments'))
  .filter((name) => name.endsWith('.schema.json'))
  .map((name) => name.replace('.schema.json', ''));
const schemas =
  options.schemas?.split(',') ??
  (options.quick ? ['gen-100', 'gen-1000'] : ['gen-100', 'gen-300', 'gen-1000', 'gen-3000', ...instruments]);
const allEngines = ['formulary', 'rjsf', 'rjsf-live', 'rhf', 'rhf-controlled', 'formulary-in-rhf'];
const engines = options.engines?.split(',') ?? allEngines;
const runs = Number(options.runs ?? (options.quick ? 1 : 3));

/** Bad flags end the run before the build, with one line that names the flag and what it accepts. */
function failUsage(message: string): never {
  console.error(`bench:forms: ${message}`);
  process.exit(2);
}
const badSchemas = schemas.filter((s) => !instruments.includes(s) && !/^gen-[1-9][0-9]*$/.test(s));
if (badSchemas.length > 0)
  failUsage(
    `--schemas: unknown ${badSchemas.join(', ')}; known: gen-<fields> (gen-1000) or ${instruments.join(', ')}`,
  );
const badEngines = engines.filter((e) => !allEngines.includes(e));
if (badEngines.length > 0)
  failUsage(`--engines: unknown ${badEngines.join(', ')}; known: ${allEngines.join(', ')}`);
if (!Number.isInteger(runs) || runs < 1)
  failUsage(`--runs: "${options.runs}" is not a positive whole number`);

const percentile = (values: number[], p: number): number => quantile(values, p / 100);

const median = (values: number[]) => percentile(values, 50);

async function measureOnce(page: Page, url: string): Promise<Sample & { fields: number }> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' || document.body.dataset.error,
    null,
    {
      timeout: 60_000,
    },
  );
  const loadError = await page.evaluate(() => document.body.dataset.error);
  if (loadError) throw new Error(`bench page failed: ${loadError}`);
  // Without isolation performance.now() is rounded to 100 µs, too coarse for ~1 ms of key work.
  if (!(await page.evaluate(() => crossOriginIsolated)))
    throw new Error('bench page is not cross-origin isolated: timings would be rounded to 0.1 ms');
  const fields = await page.evaluate(
    () => (window as unknown as { formBench: { fields: number } }).formBench.fields,
  );
  type Bench = {
    mount(): Promise<number>;
    focusTarget(): Promise<void>;
    armOpenSection(): boolean;
    openSection(): Promise<number | null>;
  };
  const mountMs = await page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.mount());
  // A user reads before typing: idle-time work (validator compile) may run now, as designed.
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.focusTarget());
  const timings = await typeKeys(page, keystrokes + 1);
  const [first, ...rest] = timings;
  if (options.verbose)
    console.log(
      `  ${url.split('?')[1]} work ${timings.map((t) => t.work.toFixed(2)).join(' ')}\n  frame ${timings.map((t) => t.frame.toFixed(0)).join(' ')}`,
    );
  let openSectionMs: number | null = null;
  const armed = await page.evaluate(() =>
    (window as unknown as { formBench: Bench }).formBench.armOpenSection(),
  );
  if (armed) {
    await page.locator('[data-bench-target]').first().click({ timeout: 10_000 });
    const opened = page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.openSection());
    openSectionMs = await withTimeout(opened, 10_000, 'the advanced-section click was not seen');
  }
  if (errors.length > 0) throw new Error(`bench page errors: ${errors.join('; ')}`);
  return {
    fields,
    mountMs,
    keyWorkP95Ms: percentile(
      rest.map((t) => t.work),
      95,
    ),
    keyP50Ms: percentile(
      rest.map((t) => t.frame),
      50,
    ),
    keyP95Ms: percentile(
      rest.map((t) => t.frame),
      95,
    ),
    firstKeyMs: first?.frame ?? Number.NaN,
    openSectionMs,
    heapMB: heap.usedSize / 2 ** 20,
  };
}

function fmt(value: number | null, digits = 1): string {
  return value === null || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

function ratio(ours: number | null, theirs: number | null | undefined): string {
  if (ours === null || theirs === null || theirs === undefined || theirs === 0) return '—';
  return `${(ours / theirs).toFixed(2)}×`;
}

async function main(): Promise<void> {
  if (!options['no-build']) {
    console.log('building the benchmark page ...');
    execFileSync('npx', ['vite', 'build', '--config', join(here, 'vite.config.ts')], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const site = await serveBenchPage(join(here, 'dist'));
  const browser = await launchChromium();
  const results: Result[] = [];
  let paste: PasteResult | null = null;
  try {
    for (const schema of schemas) {
      for (const engine of engines) {
        const samples: (Sample & { fields: number })[] = [];
        for (let run = 0; run < runs; run++) {
          const page = await browser.context.newPage();
          try {
            samples.push(await measureOnce(page, `${site.url}?engine=${engine}&schema=${schema}`));
          } catch (error) {
            // One engine failing on one schema is reported in the table; the rest of the run goes on.
            console.error(`${schema} ${engine}: ${error instanceof Error ? error.message : String(error)}`);
            process.exitCode = 1;
          } finally {
            await page.close();
          }
        }
        const pick = (key: keyof Sample) => {
          const values = samples.map((s) => s[key]).filter((v): v is number => v !== null);
          return values.length ? median(values) : null;
        };
        const result: Result = {
          engine,
          schema,
          fields: samples[0]?.fields ?? 0,
          mountMs: pick('mountMs') ?? Number.NaN,
          keyWorkP95Ms: pick('keyWorkP95Ms') ?? Number.NaN,
          keyP50Ms: pick('keyP50Ms') ?? Number.NaN,
          keyP95Ms: pick('keyP95Ms') ?? Number.NaN,
          firstKeyMs: pick('firstKeyMs') ?? Number.NaN,
          openSectionMs: pick('openSectionMs'),
          heapMB: pick('heapMB') ?? Number.NaN,
        };
        results.push(result);
        console.log(
          `${schema.padEnd(14)} ${engine.padEnd(10)} mount ${fmt(result.mountMs)} ms, key work p95 ${fmt(result.keyWorkP95Ms, 2)} ms, key p95 ${fmt(result.keyP95Ms)} ms`,
        );
      }
    }
    if (!options['no-paste'] && engines.includes('formulary')) {
      try {
        paste = await measurePaste(browser.context, site.url, Number(options['paste-rows']), runs);
      } catch (error) {
        console.error(`paste: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  printTable(results);
  if (paste) printPasteTable(paste);
  const chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify({ chromium, node: process.version, results, paste }, null, 2)}\n`,
    );
    console.log(`wrote ${options.json}`);
  }
  if (options.plot)
    await plotResults(
      { bench: 'forms', results },
      options.plot,
      `${new Date().toISOString().slice(0, 16)} UTC, ${chromium}`,
    );
}

function printTable(results: Result[]): void {
  const header = [
    'schema',
    'fields',
    'engine',
    'mount',
    'keyWork95',
    'key50',
    'key95',
    'firstKey',
    'openSect',
    'heapMB',
    'mount/rjsf',
    'work/rjsf',
    'key95/floor',
    'work/floor',
    'work/ctl',
    'first/p50',
    'heap/rjsf',
  ];
  const rows: string[][] = [];
  for (const r of results) {
    const rjsf = results.find((o) => o.schema === r.schema && o.engine === 'rjsf');
    const floor = results.find((o) => o.schema === r.schema && o.engine === 'rhf');
    const controlled = results.find((o) => o.schema === r.schema && o.engine === 'rhf-controlled');
    const ours = r.engine === 'formulary' || r.engine === 'formulary-in-rhf';
    rows.push([
      r.schema,
      String(r.fields),
      r.engine,
      fmt(r.mountMs),
      fmt(r.keyWorkP95Ms, 2),
      fmt(r.keyP50Ms),
      fmt(r.keyP95Ms),
      fmt(r.firstKeyMs),
      fmt(r.openSectionMs),
      fmt(r.heapMB),
      ours ? ratio(r.mountMs, rjsf?.mountMs) : '',
      ours ? ratio(r.keyWorkP95Ms, rjsf?.keyWorkP95Ms) : '',
      ours ? ratio(r.keyP95Ms, floor?.keyP95Ms) : '',
      ours ? ratio(r.keyWorkP95Ms, floor?.keyWorkP95Ms) : '',
      r.engine === 'formulary-in-rhf' ? ratio(r.keyWorkP95Ms, controlled?.keyWorkP95Ms) : '',
      ours ? ratio(r.firstKeyMs, r.keyP50Ms) : '',
      ours ? ratio(r.heapMB, rjsf?.heapMB) : '',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
  console.log(
    '\nms; medians of runs; ratios: Formulary against @rjsf/core (live validation off) and the react-hook-form floor;\n' +
      'work/ctl: formulary-in-rhf against the same inputs through useController in mode onChange (rhf-controlled)',
  );
}

await main();
