/**
 * Benchmark (not a test) of the schema linter: a generated 1,000- and 5,000-field schema, timing
 * lintSchema alone and the whole `formulary lint` pipeline (load, model, validator, lint), against a
 * peer measured in the same run: one plain ajv strict compile of the same schema. Goal: 5,000 fields
 * lint in under 2 s. Run: `npx tsx bench/schemas/lint.ts [--sizes 1000,5000] [--json FILE]`.
 */
import { writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import {
  buildFieldModel,
  createValidator,
  formularyKeywords,
  lintSchema,
  loadSchema,
  uiSchemaKeys,
} from '../../src/schemas/index';
import { generateSchema } from './generateSchema';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizes = (option('--sizes') ?? '1000,5000').split(',').map(Number);
const jsonFile = option('--json');
const samples = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeMs(run: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The peer: what one strict ajv compile of the same schema costs. */
function ajvCompile(schema: Record<string, unknown>): void {
  const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
  for (const k of [...formularyKeywords, ...uiSchemaKeys]) ajv.addKeyword({ keyword: k.name });
  ajv.compile(schema);
}

const rows: Record<string, number | string>[] = [];
for (const size of sizes) {
  const { schema, fieldCount } = generateSchema(size);
  const loaded = await loadSchema(schema);
  const model = buildFieldModel(loaded);
  const validator = createValidator(model);
  const options = { model, validate: (r: unknown) => validator.validate(r) };
  const findings = lintSchema(loaded, options).length;
  const lintOnly = await timeMs(() => lintSchema(loaded, options));
  const pipeline = await timeMs(async () => {
    const l = await loadSchema(schema);
    const m = buildFieldModel(l);
    const v = createValidator(m);
    lintSchema(l, { model: m, validate: (r) => v.validate(r) });
  });
  const peer = await timeMs(() => ajvCompile(schema));
  rows.push({
    fields: fieldCount,
    'lintSchema ms': Number(lintOnly.toFixed(1)),
    'load+model+validator+lint ms': Number(pipeline.toFixed(1)),
    'ajv strict compile ms (peer)': Number(peer.toFixed(1)),
    'lint / peer': Number((lintOnly / peer).toFixed(2)),
    findings,
    'goal (<2000 ms at 5,000)': fieldCount >= 5000 ? (pipeline < 2000 ? 'met' : 'MISSED') : '-',
  });
}

const headers = Object.keys(rows[0] ?? {});
const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(line(headers));
for (const row of rows) console.log(line(headers.map((h) => String(row[h]))));
console.log(`median of ${samples} runs each; Node ${process.version}`);
if (jsonFile)
  writeFileSync(jsonFile, `${JSON.stringify({ samples, node: process.version, rows }, null, 2)}\n`);
