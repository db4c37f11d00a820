/**
 * `npm run bench:preview`: how long a save takes to reach the author in `formulary preview`, a real
 * process (the source, as tests run it) and the page in Chromium. For each schema, N saves (a title
 * changed each time): save -> the new state on the event stream, and save -> the new form rendered in
 * the page. The peer, measured in the same run and process: the floor every reload must pay, loading
 * and linting the same files in-process (openSchema + lintOpenedSchema). The goal is a form within one
 * second of the save. Prints a table; `--json FILE` writes the numbers; `--saves N` (default 10).
 * `--before DIR`: also measures the checkout in DIR (its bin/formulary.js from source and its built
 * dist/preview), case by case beside this one, so a change is compared under the same load.
 * `--only NAME`: the cases whose name contains NAME.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lintOpenedSchema } from '../../src/cli/commands/lintCommand';
import { openSchema } from '../../src/cli/openSchema';
import { launchChromium } from '../../test/e2e/chromium';
import { ensurePreviewPageBuilt, startPreview } from '../../test/e2e/startPreview';
import { generateFormSchema } from '../forms/generateFormSchema';

const root = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const jsonFile = option('--json');
const saves = Number(option('--saves') ?? 10);
const beforeDir = option('--before');
const only = option('--only');

/** Enough of a schema's shape to edit it. */
type SchemaJson = { title?: string; properties: Record<string, Record<string, unknown>> };

interface Case {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly entry: string;
  /** Changes the entry's JSON a little (a title), differently for each save. */
  readonly edit: (schema: SchemaJson, n: number) => void;
}

const instruments = join(root, 'src/schemas/instruments');
const generated = generateFormSchema(1000);
const cases: Case[] = [
  {
    name: 'EQSANS (draft-07, 2 files)',
    files: {
      'eqsans.schema.json': readFileSync(join(instruments, 'eqsans.schema.json'), 'utf8'),
      'common.json': readFileSync(join(instruments, 'common.json'), 'utf8'),
    },
    entry: 'eqsans.schema.json',
    edit: (s, n) => {
      s.properties.iptsNumber!.title = `IPTS ${n}`;
    },
  },
  {
    name: 'powder (2020-12, 1 file)',
    files: { 'powder.schema.json': readFileSync(join(instruments, 'powder.schema.json'), 'utf8') },
    entry: 'powder.schema.json',
    edit: (s, n) => {
      s.properties.iptsNumber!.title = `IPTS ${n}`;
    },
  },
  {
    name: `generated (${generated.fieldCount} fields)`,
    files: { 'big.schema.json': JSON.stringify(generated.schema, null, 2) },
    entry: 'big.schema.json',
    edit: (s, n) => {
      s.title = `Generated ${n}`;
    },
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

interface Arrivals {
  /** When the new schema arrived (the page can build the form). */
  readonly schema: Promise<number>;
  /** When its lint findings arrived (the same state where the command sends them together). */
  readonly findings: Promise<number>;
  close(): void;
}

/** Times (performance.now) of the first states after revision `after` with a new schema / findings. */
function waitForStates(url: string, after: number): Arrivals {
  let req: ReturnType<typeof request> | undefined;
  let schemaDone: (at: number) => void = () => {};
  let findingsDone: (at: number) => void = () => {};
  const schema = new Promise<number>((done) => {
    schemaDone = done;
  });
  const findings = new Promise<number>((done, fail) => {
    findingsDone = done;
    req = request(`${url}/api/events`, (res) => {
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          if (!data) continue;
          const state = JSON.parse(data[1]!) as {
            revision: number;
            schemaRevision: number;
            linting?: boolean;
          };
          if (state.schemaRevision > after) schemaDone(performance.now());
          if (state.revision > after && state.schemaRevision > after && !state.linting) {
            findingsDone(performance.now());
            req?.destroy();
            return;
          }
        }
      });
    });
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : fail(error)));
    req.end();
  });
  return { schema, findings, close: () => req?.destroy() };
}

async function currentRevision(url: string): Promise<number> {
  const response = await fetch(`${url}/api/state`);
  return ((await response.json()) as { revision: number }).revision;
}

interface Row {
  schema: string;
  build: 'this' | 'before';
  saves: number;
  floorMedianMs: number;
  eventMedianMs: number;
  eventP95Ms: number;
  formMedianMs: number;
  formP95Ms: number;
  findingsMedianMs: number;
  findingsP95Ms: number;
  eventOverFloor: number;
  withinOneSecond: boolean;
}

async function measure(
  c: Case,
  browser: Awaited<ReturnType<typeof launchChromium>>,
  build: Row['build'],
): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-bench-preview-'));
  for (const [name, text] of Object.entries(c.files)) writeFileSync(join(dir, name), text);
  const entry = join(dir, c.entry);
  // The floor: the same load and lint, in this process, once per save.
  const floor: number[] = [];
  for (let i = 0; i < saves; i++) {
    const start = performance.now();
    const opened = await openSchema(entry, { load: {}, rules: {} }, dir, { forLint: true });
    lintOpenedSchema(opened, { load: {}, rules: {} });
    floor.push(performance.now() - start);
  }
  const preview = await startPreview(
    [c.entry],
    dir,
    build === 'before' && beforeDir
      ? {
          bin: join(resolve(beforeDir), 'bin/formulary.js'),
          env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1' },
        }
      : {},
  );
  const page = await browser.context.newPage();
  await page.goto(`${preview.url}/`);
  await page.locator('form.formulary-form').waitFor({ timeout: 60_000 });
  const event: number[] = [];
  const form: number[] = [];
  const findings: number[] = [];
  try {
    for (let n = 1; n <= saves; n++) {
      await new Promise((done) => setTimeout(done, 300)); // previous burst settled
      const after = await currentRevision(preview.url);
      const stream = waitForStates(preview.url, after);
      await new Promise((done) => setTimeout(done, 100)); // stream open
      const schema = JSON.parse(readFileSync(entry, 'utf8'));
      c.edit(schema, n);
      const formShown = page.waitForFunction(
        (r) => {
          const shown = document.querySelector<HTMLElement>('.preview-page');
          return (
            Number(shown?.dataset.schemaRevision ?? 0) > r &&
            shown?.querySelector('form.formulary-form') !== null
          );
        },
        after,
        { polling: 'raf', timeout: 30_000 },
      );
      const start = performance.now();
      writeFileSync(entry, JSON.stringify(schema, null, 2));
      event.push((await stream.schema) - start);
      await formShown;
      form.push(performance.now() - start);
      findings.push((await stream.findings) - start);
      stream.close();
    }
  } finally {
    await page.close();
    await preview.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    schema: c.name,
    build,
    saves,
    floorMedianMs: median(floor),
    eventMedianMs: median(event),
    eventP95Ms: p95(event),
    formMedianMs: median(form),
    formP95Ms: p95(form),
    findingsMedianMs: median(findings),
    findingsP95Ms: p95(findings),
    eventOverFloor: median(event) / median(floor),
    withinOneSecond: p95(form) < 1000,
  };
}

ensurePreviewPageBuilt();
const browser = await launchChromium();
const rows: Row[] = [];
try {
  for (const c of cases) {
    if (only && !c.name.includes(only)) continue;
    if (beforeDir) rows.push(await measure(c, browser, 'before'));
    rows.push(await measure(c, browser, 'this'));
  }
} finally {
  await browser.close();
}
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
console.log(`formulary preview: save -> page, ${saves} saves per schema (load average ${load})\n`);
console.log(
  'schema                         build   floor ms  event med  event p95  form med  form p95  lint med  lint p95  event/floor  < 1 s',
);
const ms = (x: number, width: number) => x.toFixed(0).padStart(width);
for (const r of rows)
  console.log(
    `${r.schema.padEnd(30)} ${r.build.padEnd(6)} ${ms(r.floorMedianMs, 9)} ${ms(r.eventMedianMs, 10)} ${ms(r.eventP95Ms, 10)} ${ms(r.formMedianMs, 9)} ${ms(r.formP95Ms, 9)} ${ms(r.findingsMedianMs, 9)} ${ms(r.findingsP95Ms, 9)} ${r.eventOverFloor.toFixed(2).padStart(12)}  ${r.withinOneSecond ? 'yes' : 'NO'}`,
  );
console.log(
  '\nfloor: load + lint in-process; event: save -> the new schema on /api/events (includes the 60 ms settle of the watcher); form: save -> new form rendered in Chromium; lint: save -> its lint findings on /api/events (sent with the schema by a build that does not send the form first).',
);
if (jsonFile) {
  mkdirSync(resolve(jsonFile, '..'), { recursive: true });
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ saves, loadAverage: loadavg(), before: beforeDir ?? null, rows }, null, 2)}\n`,
  );
}
