/**
 * `npm run bench:preview`: how long a save takes to reach the author in `formulary preview`, a real
 * process (the source, as tests run it) and the page in Chromium. For each schema, N saves (a title
 * changed each time): save -> the new state on the event stream, and save -> the new form rendered in
 * the page. The peer, measured in the same run and process: the floor every reload must pay, loading
 * and linting the same files in-process (openSchema + lintOpenedSchema). The goal is a form within one
 * second of the save. Prints a table; `--json FILE` writes the numbers; `--saves N` (default 10).
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

/** Resolves with the time (performance.now) the first state of `revision` or later arrives. */
function waitForRevision(url: string, revision: number): { arrived: Promise<number>; close(): void } {
  let req: ReturnType<typeof request> | undefined;
  const arrived = new Promise<number>((done, fail) => {
    req = request(`${url}/api/events`, (res) => {
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        for (const match of buffer.matchAll(/"revision":(\d+)/g))
          if (Number(match[1]) >= revision) {
            done(performance.now());
            req?.destroy();
            return;
          }
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 1);
      });
    });
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : fail(error)));
    req.end();
  });
  return { arrived, close: () => req?.destroy() };
}

interface Row {
  schema: string;
  saves: number;
  floorMedianMs: number;
  eventMedianMs: number;
  eventP95Ms: number;
  formMedianMs: number;
  formP95Ms: number;
  eventOverFloor: number;
  withinOneSecond: boolean;
}

async function measure(c: Case, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<Row> {
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
  const preview = await startPreview([c.entry], dir);
  const page = await browser.context.newPage();
  await page.goto(`${preview.url}/`);
  await page.locator('form.formulary-form').waitFor({ timeout: 60_000 });
  const event: number[] = [];
  const form: number[] = [];
  try {
    for (let n = 1; n <= saves; n++) {
      const revision = n + 1;
      const stream = waitForRevision(preview.url, revision);
      await new Promise((done) => setTimeout(done, 300)); // stream open, previous burst settled
      const schema = JSON.parse(readFileSync(entry, 'utf8'));
      c.edit(schema, n);
      const formShown = page.waitForFunction(
        (r) =>
          document.querySelector(`.preview-page[data-schema-revision="${r}"] form.formulary-form`) !== null,
        revision,
        { polling: 'raf', timeout: 30_000 },
      );
      const start = performance.now();
      writeFileSync(entry, JSON.stringify(schema, null, 2));
      event.push((await stream.arrived) - start);
      await formShown;
      form.push(performance.now() - start);
      stream.close();
    }
  } finally {
    await page.close();
    await preview.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    schema: c.name,
    saves,
    floorMedianMs: median(floor),
    eventMedianMs: median(event),
    eventP95Ms: p95(event),
    formMedianMs: median(form),
    formP95Ms: p95(form),
    eventOverFloor: median(event) / median(floor),
    withinOneSecond: p95(form) < 1000,
  };
}

ensurePreviewPageBuilt();
const browser = await launchChromium();
const rows: Row[] = [];
try {
  for (const c of cases) rows.push(await measure(c, browser));
} finally {
  await browser.close();
}
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
console.log(`formulary preview: save -> page, ${saves} saves per schema (load average ${load})\n`);
console.log(
  'schema                          floor ms  event med  event p95  form med  form p95  event/floor  < 1 s',
);
for (const r of rows)
  console.log(
    `${r.schema.padEnd(30)} ${r.floorMedianMs.toFixed(0).padStart(9)} ${r.eventMedianMs.toFixed(0).padStart(10)} ${r.eventP95Ms
      .toFixed(0)
      .padStart(
        10,
      )} ${r.formMedianMs.toFixed(0).padStart(9)} ${r.formP95Ms.toFixed(0).padStart(9)} ${r.eventOverFloor
      .toFixed(2)
      .padStart(12)}  ${r.withinOneSecond ? 'yes' : 'NO'}`,
  );
console.log(
  '\nfloor: load + lint in-process; event: save -> state on /api/events (includes the 60 ms settle of the watcher); form: save -> new form rendered in Chromium.',
);
if (jsonFile) {
  mkdirSync(resolve(jsonFile, '..'), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify({ saves, loadAverage: loadavg(), rows }, null, 2)}\n`);
}
