/**
 * `npm run conformance`: the official JSON Schema Test Suite (draft-07, 2019-09, 2020-12) through
 * Formulary's pipeline and, in the same run, through plain ajv as the peer. Prints a table per dialect
 * and keyword file (required and optional/ apart), writes every number with `--json FILE`, and exits
 * non-zero on a crash, on required agreement below the goal, or on fewer agreeing tests than ajv.
 * `--dialect draft-07` runs one dialect; `--failures` lists each test where either disagrees with the suite.
 */
import { writeFileSync } from 'node:fs';
import type { Dialect } from '../../src/schemas/FieldModel';
import { ajvRunner, type GroupResult, pipelineRunner, type Runner } from './runners';
import { type SuiteFile, suiteDir, suiteFiles } from './suite';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const jsonFile = option('--json');
const showFailures = argv.includes('--failures');
const allDialects: Dialect[] = ['draft-07', '2019-09', '2020-12'];
const only = option('--dialect');
const dialects = only ? allDialects.filter((d) => d === only) : allDialects;
if (dialects.length === 0) throw new Error(`--dialect must be one of ${allDialects.join(', ')}`);

/** Required-test agreement each dialect must reach (issue 25). */
const goal: Readonly<Record<Dialect, number>> = { 'draft-07': 0.995, '2019-09': 0.98, '2020-12': 0.97 };

interface Tally {
  tests: number;
  agree: number;
  refusedGroups: number;
  crashes: number;
}

interface FileRow {
  readonly file: string;
  readonly optional: boolean;
  readonly formulary: Tally;
  readonly ajv: Tally;
}

const empty = (): Tally => ({ tests: 0, agree: 0, refusedGroups: 0, crashes: 0 });
const add = (into: Tally, t: Tally): void => {
  into.tests += t.tests;
  into.agree += t.agree;
  into.refusedGroups += t.refusedGroups;
  into.crashes += t.crashes;
};

const failures: string[] = [];

async function tallyFile(file: SuiteFile, runner: Runner, who: string): Promise<Tally> {
  const tally = empty();
  for (const group of file.groups) {
    let result: GroupResult;
    try {
      result = await runner(group, file.dialect);
    } catch (error) {
      result = { kind: 'crash', message: error instanceof Error ? error.message : String(error) };
    }
    tally.tests += group.tests.length;
    if (result.kind !== 'ran') {
      if (result.kind === 'refused') tally.refusedGroups++;
      else tally.crashes++;
      if (who === 'formulary' && showFailures)
        failures.push(
          `[${who}] ${file.dialect} ${file.name} | ${group.description}: ${result.kind}: ${result.message}`,
        );
      continue;
    }
    group.tests.forEach((test, i) => {
      const got = result.valid[i];
      if (got === 'crash') tally.crashes++;
      if (got === test.valid) tally.agree++;
      else if (showFailures)
        failures.push(
          `[${who}] ${file.dialect} ${file.name} | ${group.description} | ${test.description}: expected ${test.valid}, got ${got}`,
        );
    });
  }
  return tally;
}

const pct = (t: Tally): string => (t.tests === 0 ? '-' : `${((100 * t.agree) / t.tests).toFixed(1)}%`);

function printTable(dialect: Dialect, rows: FileRow[]): void {
  const header = ['file', 'tests', 'formulary', 'ajv', 'refused', 'crashes'];
  const lines = rows.map((r) => [
    r.file,
    String(r.formulary.tests),
    `${r.formulary.agree} (${pct(r.formulary)})`,
    `${r.ajv.agree} (${pct(r.ajv)})`,
    `${r.formulary.refusedGroups}/${r.ajv.refusedGroups}`,
    `${r.formulary.crashes}/${r.ajv.crashes}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\n## ${dialect} (refused and crashes: formulary/ajv; refused counts schemas)\n`);
  console.log(fmt(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const dir = suiteDir();
  const ours = pipelineRunner(dir);
  const peer = ajvRunner(dir);
  const report: Record<string, unknown> = { suite: dir, dialects: {} };
  const problems: string[] = [];
  const summary: string[][] = [];
  for (const dialect of dialects) {
    const rows: FileRow[] = [];
    for (const file of suiteFiles(dir, dialect)) {
      rows.push({
        file: file.name,
        optional: file.optional,
        formulary: await tallyFile(file, ours, 'formulary'),
        ajv: await tallyFile(file, peer, 'ajv'),
      });
    }
    printTable(dialect, rows);
    const totals = {
      required: { formulary: empty(), ajv: empty() },
      optional: { formulary: empty(), ajv: empty() },
    };
    for (const r of rows) {
      const part = r.optional ? totals.optional : totals.required;
      add(part.formulary, r.formulary);
      add(part.ajv, r.ajv);
    }
    const req = totals.required;
    const rate = req.formulary.tests === 0 ? 0 : req.formulary.agree / req.formulary.tests;
    const crashes = req.formulary.crashes + totals.optional.formulary.crashes;
    if (crashes > 0) problems.push(`${dialect}: ${crashes} crash(es) in our pipeline`);
    if (rate < goal[dialect])
      problems.push(
        `${dialect}: required agreement ${(100 * rate).toFixed(2)}% < goal ${100 * goal[dialect]}%`,
      );
    if (req.formulary.agree < req.ajv.agree)
      problems.push(
        `${dialect}: ${req.formulary.agree} agreeing required tests < plain ajv's ${req.ajv.agree}`,
      );
    summary.push([
      dialect,
      `${req.formulary.agree}/${req.formulary.tests} (${pct(req.formulary)})`,
      `${req.ajv.agree}/${req.ajv.tests} (${pct(req.ajv)})`,
      `${(100 * goal[dialect]).toFixed(1)}%`,
      `${totals.optional.formulary.agree}/${totals.optional.formulary.tests} (${pct(totals.optional.formulary)})`,
      `${totals.optional.ajv.agree}/${totals.optional.ajv.tests} (${pct(totals.optional.ajv)})`,
      `${req.formulary.refusedGroups + totals.optional.formulary.refusedGroups}`,
      `${crashes}`,
    ]);
    (report.dialects as Record<string, unknown>)[dialect] = { goal: goal[dialect], totals, files: rows };
  }
  console.log('\n## Summary\n');
  console.log(
    '| dialect | required: formulary | required: ajv | goal | optional: formulary | optional: ajv | schemas refused | crashes |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of summary) console.log(`| ${s.join(' | ')} |`);
  if (showFailures) {
    console.log(`\n## Disagreements (${failures.length})\n`);
    for (const f of failures) console.log(`- ${f}`);
  }
  report.problems = problems;
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  if (problems.length > 0) {
    console.error(`\nconformance: FAILED\n${problems.map((p) => `- ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else console.log('\nconformance: every goal met');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
