/**
 * `npm run bench:logsearch`: what Unicode case folding costs the log search, against the search it
 * replaced (lower(text) like lower(pattern), ASCII-only on SQLite and C-locale PostgreSQL) run on the
 * same rows in the same process, turn about. One attempt of --lines lines (100,000 by default), a third
 * with non-ASCII text; SQLite always, PostgreSQL too when DATABASE_URL is set (scripts/ci/postgres.sh).
 * Prints a table of medians and new/old ratios; `--json FILE` writes the rows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { planJobs } from '../../src/server/jobs/index';
import { openStore, type SubmissionStore } from '../../src/server/store/index';
import { pairFlags } from '../pairFlags';
import { quantile } from '../quantile';

const { option, whole } = pairFlags('bench:logsearch', ['--lines', '--runs', '--json']);
const lineCount = whole('--lines', 100_000);
const runs = whole('--runs', 9);
const jsonFile = option('--json');

/** Reduction-log-like lines, about 50 characters; every third carries µs, Å or Überlauf. */
const textOf = (i: number): string =>
  i % 3 === 0
    ? `frame ${i} reduced in ${i % 977} µs, λ = 6 Å${i % 1000 === 0 ? ', Überlauf' : ''}`
    : `frame ${i} reduced in ${i % 977} ms, q-bin ${i % 500} ok${i % 1000 === 1 ? ' ERROR' : ''}`;
const needles = ['error', 'überlauf', 'ÅNGSTRÖM ΣΔ', 'frame 4'];

async function fill(store: SubmissionStore): Promise<string> {
  const request = { job: { mode: 'average', scans: [{ runNumber: '1' }] } };
  const time = new Date().toISOString();
  await store.insertBare({
    id: 'bench',
    instrument: 'eqsans',
    schemaVersion: 1,
    clientSchemaVersion: 1,
    status: 'accepted',
    proposal: null,
    submitter: null,
    idempotencyKey: 'bench',
    requestText: JSON.stringify(request),
    createdAt: time,
  });
  const [job] = await store.jobs.createJobs('bench', 'eqsans', planJobs(request));
  const jobId = job!.id;
  await store.jobs.transition({ jobId, attempt: 1, state: 'queued', time, message: 'Q', cause: 'submitted' });
  await store.jobs.transition({ jobId, attempt: 1, state: 'running', time, message: 'R' });
  for (let from = 1; from <= lineCount; from += 5000) {
    const batch = [];
    for (let seq = from; seq < Math.min(from + 5000, lineCount + 1); seq += 1)
      batch.push({ seq, stream: 'stdout' as const, time, text: textOf(seq) });
    await store.jobs.appendLog(jobId, 1, batch);
  }
  return jobId;
}

/** The search as it was before case folding: count and first page through the database's lower(). */
async function oldSearch(db: Kysely<never>, jobId: string, needle: string) {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = sql`job_id = ${jobId} and attempt = 1 and seq <= ${lineCount} and lower(text) like lower(${pattern}) escape '\\'`;
  const [count] = (
    await sql<{ n: number }>`select count(*) as n from job_log_lines where ${where}`.execute(db)
  ).rows;
  const page =
    await sql`select seq, stream, time, text from job_log_lines where ${where} and seq > 0 order by seq limit 200`.execute(
      db,
    );
  return { total: Number(count?.n ?? 0), lines: page.rows };
}

type Row = {
  store: string;
  needle: string;
  oldMs: number;
  newMs: number;
  ratio: number;
  oldTotal: number;
  newTotal: number;
};

async function measure(label: string, store: SubmissionStore, db: Kysely<never>): Promise<Row[]> {
  const jobId = await fill(store);
  const rows: Row[] = [];
  for (const needle of needles) {
    const oldMs: number[] = [];
    const newMs: number[] = [];
    let oldTotal = 0;
    let newTotal = 0;
    for (let run = 0; run < runs + 1; run += 1) {
      let start = performance.now();
      oldTotal = (await oldSearch(db, jobId, needle)).total;
      if (run > 0) oldMs.push(performance.now() - start); // the first turn of each warms caches
      start = performance.now();
      newTotal = (
        await store.jobs.searchLog(jobId, 1, { needle, afterSeq: 0, throughSeq: lineCount, limit: 200 })
      ).total;
      if (run > 0) newMs.push(performance.now() - start);
    }
    const o = quantile(oldMs, 0.5);
    const n = quantile(newMs, 0.5);
    rows.push({ store: label, needle, oldMs: o, newMs: n, ratio: n / o, oldTotal, newTotal });
  }
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'formulary-bench-logsearch-'));
const rows: Row[] = [];
try {
  const file = join(dir, 'bench.sqlite');
  const store = await openStore({ db: file });
  const db = new Kysely<never>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
  rows.push(...(await measure('SQLite', store, db)));
  await db.destroy();
  await store.close();
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    const pgStore = await openStore({ db: scoped.toString() });
    const pgDb = new Kysely<never>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: scoped.toString(), max: 2 }) }),
    });
    try {
      rows.push(...(await measure('PostgreSQL', pgStore, pgDb)));
    } finally {
      await pgDb.destroy();
      await pgStore.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else process.stderr.write('bench:logsearch: no DATABASE_URL, PostgreSQL not measured\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const [load] = (await import('node:os')).loadavg();
console.log(
  `log search over one attempt of ${lineCount} lines, median of ${runs} (load average ${load!.toFixed(2)})`,
);
console.log('| store | needle | old ms | new ms | new/old | old total | new total |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(
    `| ${r.store} | ${r.needle} | ${r.oldMs.toFixed(1)} | ${r.newMs.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.oldTotal} | ${r.newTotal} |`,
  );
if (jsonFile !== undefined)
  writeFileSync(jsonFile, `${JSON.stringify({ lines: lineCount, runs, load, rows }, null, 2)}\n`);
