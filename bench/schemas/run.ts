/**
 * `npm run bench:schemas`: model building + validator compile, full validation and validateField per
 * call, for generated schemas of 100, 1,000 and 5,000 fields, against @rjsf/validator-ajv8
 * (validateFormData, and its first-call compile) on the same schema and data, in the same run.
 * Prints a table with ratios and goal checks; `--json FILE` writes the numbers. `--sizes 100,1000`.
 */
import { writeFileSync } from 'node:fs';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { buildFieldModel } from '../../src/schemas/model/buildFieldModel';
import { compileSchema } from '../../src/schemas/validate/compileSchema';
import { createValidator } from '../../src/schemas/validate/createValidator';
import { generateSchema } from './generateSchema';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizes = (option('--sizes') ?? '100,1000,5000').split(',').map(Number);
const jsonFile = option('--json');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Median ms of `samples` single runs of a costly operation (each on fresh input from `setup`). */
function timeOnce<T>(samples: number, setup: () => T, run: (input: T) => void): number {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const input = setup();
    const t = performance.now();
    run(input);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Median µs per call over batches lasting ~budget ms each (after a warm-up batch). */
function timePerCall(run: (i: number) => void, budgetMs = 60, batches = 7): number {
  let n = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < n; i++) run(i);
    if (performance.now() - t > budgetMs / 4 || n > 1e7) break;
    n *= 2;
  }
  const results: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) run(i);
    results.push(((performance.now() - t) * 1000) / n);
  }
  return median(results);
}

/**
 * Median µs per call of several functions measured in alternating batches, so that a busy machine
 * (the benchmark shares its cores) slows each of them alike and their ratio stays meaningful.
 */
function timeInterleaved(runs: ((i: number) => void)[], budgetMs = 40, batches = 9): number[] {
  const sizes = runs.map((run) => {
    let n = 1;
    for (;;) {
      const t = performance.now();
      for (let i = 0; i < n; i++) run(i);
      if (performance.now() - t > budgetMs / 4 || n > 1e7) return n;
      n *= 2;
    }
  });
  const results: number[][] = runs.map(() => []);
  for (let b = 0; b < batches; b++) {
    runs.forEach((run, k) => {
      const n = sizes[k]!;
      const t = performance.now();
      for (let i = 0; i < n; i++) run(i);
      results[k]!.push(((performance.now() - t) * 1000) / n);
    });
  }
  return results.map(median);
}

interface Row {
  fields: number;
  buildMs: number;
  /** createValidator: compiles the root shell; sections compile on first use. */
  createMs: number;
  modelPlusCreateMs: number;
  /** The first validate() after createValidator: pays every section's compile. */
  firstValidateMs: number;
  /** Everything compiled up front (compileSchema + warm), model included: the like-for-like with RJSF. */
  modelPlusCompileMs: number;
  rjsfCompileMs: number;
  validateUs: number;
  validateInvalidUs: number;
  rjsfValidateUs: number;
  validateFieldUs: number;
  validateFieldRuleUs: number;
  /** The alternative design measured: one field's own check through its compiled ajv fragment. */
  ajvFieldUs: number;
}

const rows: Row[] = [];
for (const size of sizes) {
  const { schema, valid, pointers, fieldCount } = generateSchema(size);
  const samples = size >= 5000 ? 5 : 9;
  const clone = (): Record<string, unknown> => structuredClone(schema);
  const buildMs = timeOnce(samples, clone, (s) => buildFieldModel(s));
  const createMs = timeOnce(
    samples,
    () => buildFieldModel(clone()),
    (m) => createValidator(m),
  );
  const modelPlusCreateMs = timeOnce(samples, clone, (s) => createValidator(buildFieldModel(s)));
  const firstValidateMs = timeOnce(
    samples,
    () => createValidator(buildFieldModel(clone())),
    (v) => v.validate(valid),
  );
  // Alternating samples, so load on the machine hits both sides of the ratio alike.
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < samples; i++) {
    ours.push(
      timeOnce(1, clone, (s) => {
        buildFieldModel(s);
        compileSchema(s, 'draft-07').warm();
      }),
    );
    theirs.push(timeOnce(1, clone, (s) => customizeValidator().validateFormData(valid, s)));
  }
  const modelPlusCompileMs = median(ours);
  const rjsfCompileMs = median(theirs);

  const model = buildFieldModel(schema);
  const validator = createValidator(model);
  if (validator.validate(valid).length > 0)
    throw new Error(`generated request invalid: ${JSON.stringify(validator.validate(valid)[0])}`);
  const invalid = structuredClone(valid) as Record<string, Record<string, unknown>>;
  invalid.section0!.wavelength = 30;
  invalid.section0!.Qmin = 1;
  delete invalid.section0!.sampleRun;
  validator.warm();
  const rjsf = customizeValidator();
  rjsf.validateFormData(valid, schema);
  const [validateUs, validateInvalidUs, rjsfValidateUs] = timeInterleaved([
    () => validator.validate(valid),
    () => validator.validate(invalid),
    () => rjsf.validateFormData(valid, schema),
  ]) as [number, number, number];
  const plain = pointers.filter((p) => !p.endsWith('/Qmin') && !p.endsWith('/Qmax'));
  const ruled = pointers.filter((p) => p.endsWith('/Qmin'));
  const values = pointers.map((p) =>
    p.split('/').reduce<unknown>((o, k) => (k ? (o as Record<string, unknown>)[k] : o), valid),
  );
  const plainValues = plain.map((p) => values[pointers.indexOf(p)]);
  const validateFieldUs = timePerCall((i) => {
    const k = i % plain.length;
    validator.validateField(plain[k]!, plainValues[k], valid);
  });
  const validateFieldRuleUs = timePerCall((i) =>
    validator.validateField(ruled[i % ruled.length]!, 0.02, valid),
  );
  const compiled = compileSchema(model.schema, model.dialect);
  const fragments = plain.map(
    (p) => compiled.fragment(model.byPointer.get(p.replace(/\/\d+(?=\/|$)/g, '/*'))!.location.schemaPointer)!,
  );
  const ajvFieldUs = timePerCall((i) => {
    const k = i % plain.length;
    fragments[k]!(plainValues[k]);
  });
  rows.push({
    fields: fieldCount,
    ajvFieldUs,
    buildMs,
    createMs,
    modelPlusCreateMs,
    firstValidateMs,
    modelPlusCompileMs,
    rjsfCompileMs,
    validateUs,
    validateInvalidUs,
    rjsfValidateUs,
    validateFieldUs,
    validateFieldRuleUs,
  });
}

const f = (n: number, digits = 2): string => n.toFixed(digits);
const ratio = (ours: number, peer: number): string => `${f(ours / peer)}x`;
const header = [
  'fields',
  'build ms',
  'createValidator ms',
  'model+create ms',
  '1st validate ms',
  'model+full compile ms',
  'RJSF compile ms',
  'ratio',
  'validate µs',
  'invalid µs',
  'RJSF validate µs',
  'ratio',
  'validateField µs',
  'with rule µs',
  'ajv fragment µs',
];
const lines = rows.map((r) => [
  String(r.fields),
  f(r.buildMs),
  f(r.createMs),
  f(r.modelPlusCreateMs),
  f(r.firstValidateMs),
  f(r.modelPlusCompileMs),
  f(r.rjsfCompileMs),
  ratio(r.modelPlusCompileMs, r.rjsfCompileMs),
  f(r.validateUs, 1),
  f(r.validateInvalidUs, 1),
  f(r.rjsfValidateUs, 1),
  ratio(r.validateUs, r.rjsfValidateUs),
  f(r.validateFieldUs, 2),
  f(r.validateFieldRuleUs, 2),
  f(r.ajvFieldUs, 2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const fmt = (cells: string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(fmt(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const l of lines) console.log(fmt(l));
console.log(
  'ratio = ours / RJSF (below 1x: we are faster). RJSF compile = first validateFormData on a fresh validator.',
);
const thousand = rows.find((r) => r.fields === 1000);
if (thousand) {
  console.log(
    `goals at 1,000 fields: model+create ${f(thousand.modelPlusCreateMs)} ms (< 100: ${thousand.modelPlusCreateMs < 100 ? 'met' : 'MISSED'}; ` +
      `with a full compile ${f(thousand.modelPlusCompileMs)} ms: ${thousand.modelPlusCompileMs < 100 ? 'met' : 'MISSED'}), ` +
      `validate ${f(thousand.validateUs / 1000, 3)} ms (< 1: ${thousand.validateUs < 1000 ? 'met' : 'MISSED'}), ` +
      `validateField ${f(thousand.validateFieldUs)} µs (< 20: ${thousand.validateFieldUs < 20 ? 'met' : 'MISSED'})`,
  );
}
if (jsonFile) {
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2)}\n`,
  );
  console.log(`wrote ${jsonFile}`);
}
