/**
 * `npm run bench:server`: autocannon against the real service on 127.0.0.1, posting the shipped EQSANS
 * example with a unique Idempotency-Key per request, at 1, 10 and 100 connections, on SQLite and
 * PostgreSQL. In the same run and server, the floor: a route that parses the JSON and inserts the row
 * (no validation, no idempotency record), and on SQLite the reference, "bare" (bare Fastify,
 * better-sqlite3, plain ajv and a key lookup: bench/server/bareServer.ts). After each run the stored rows are counted against the 2xx
 * answers (lost or duplicated must be 0). Prints a table; `--json FILE` writes the numbers.
 * `--requests N` per run (default 2000), `--connections 1,10,100`. Without DATABASE_URL a throw-away cluster is
 * started with scripts/ci/postgres.sh (and stopped); `--no-postgres` skips PostgreSQL; `--cpu-prof DIR`
 * has each server write a V8 CPU profile into DIR (read it with bench/server/summarizeProfile.ts);
 * `--log-level info` runs the service with its production log level (default "warn"); `--no-bare`.
 * The service runs as `npm start` runs it, built by vite into a temporary folder first;
 * `--from-source` runs the TypeScript through tsx instead.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStore } from '../../src/server/store/index';
import { seedTester } from '../../test/server/serverProcess';
import { type BenchServer, buildBenchCli, startBareServer, startBenchServer } from './startBenchServer';

const root = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const jsonFile = option('--json');
const cpuProfileDir = option('--cpu-prof');
// A fixed number of requests per run (not a duration), so every request is answered before the rows
// are counted: stored rows must equal the 2xx count exactly.
const amount = Number(option('--requests') ?? 2000);
const logLevel = option('--log-level') ?? 'warn';
const connectionCounts = (option('--connections') ?? '1,10,100').split(',').map(Number);
const body = readFileSync(join(root, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');

interface Row {
  backend: 'sqlite' | 'postgres';
  route: 'validated' | 'floor' | 'bare';
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  storedRows: number;
  /** Requests sent (each with its own key): stored rows beyond this would be duplicates. */
  sent: number;
  lost: number;
  duplicated: number;
  /** Server CPU time (user + system) per request sent, ms; null where /proc is missing. */
  cpuMsPerRequest: number | null;
}

async function load(
  url: string,
  connections: number,
  keyed: boolean,
  token: string,
): Promise<autocannon.Result & { answeredInS: number }> {
  // autocannon sees the end of a fixed-amount run only at its next sampling tick (every second), so
  // its `duration` is rounded up to whole seconds: 3,000 answers in 0.6 s read as 3,000/s at best.
  // The run is timed here instead, from the start to the last answer.
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({
    url,
    method: 'POST',
    connections,
    amount: Math.max(amount, connections * 20),
    // Submitting needs a signed-in user: an administrator's API token (checked on every request).
    headers: {
      'content-type': 'application/json',
      'x-schema-version': '1',
      authorization: `Bearer ${token}`,
    },
    body,
    requests: [
      {
        setupRequest: (request) => {
          if (keyed) request.headers = { ...request.headers, 'idempotency-key': randomUUID() };
          return request;
        },
      },
    ],
  });
  instance.on('response', () => {
    lastAnswer = performance.now();
  });
  const result = await instance;
  return { ...result, answeredInS: (lastAnswer - started) / 1000 };
}

interface Target {
  readonly route: Row['route'];
  readonly server: BenchServer;
  readonly path: string;
  readonly count: () => Promise<number>;
}

async function measure(backend: Row['backend'], target: Target, token: string): Promise<Row[]> {
  const { route, server, path, count } = target;
  const rows: Row[] = [];
  // Warm-up (JIT, pool, page cache): not measured.
  await load(server.url + path, 10, true, token);
  for (const connections of connectionCounts) {
    const before = await count();
    const cpuBefore = server.cpuMs();
    const result = await load(server.url + path, connections, true, token);
    const cpuAfter = server.cpuMs();
    const stored = (await count()) - before;
    const ok = result['2xx'];
    const sent = Math.max(amount, connections * 20);
    rows.push({
      backend,
      route,
      connections,
      // Answers over the time to the last answer (see load()).
      requestsPerSecond: result.requests.total / Math.max(result.answeredInS, 0.001),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      ok2xx: ok,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      storedRows: stored,
      sent,
      // A 2xx whose row is not there is lost; more rows than requests sent would be duplicates.
      // Rows stored for requests the client gave up on (timeouts) are neither: a retry with the
      // key gets the stored answer.
      lost: Math.max(0, ok - stored),
      duplicated: Math.max(0, stored - sent),
      cpuMsPerRequest:
        cpuBefore === null || cpuAfter === null ? null : +((cpuAfter - cpuBefore) / sent).toFixed(3),
    });
    const r = rows[rows.length - 1]!;
    console.error(
      `${backend} ${route} c=${connections}: ${r.requestsPerSecond.toFixed(0)} req/s, p99 ${r.p99Ms} ms, ${ok} 2xx, ${stored} stored, server CPU ${r.cpuMsPerRequest} ms/req`,
    );
  }
  return rows;
}

async function benchBackend(backend: Row['backend'], db: string): Promise<Row[]> {
  const token = await seedTester(db);
  const server = await startBenchServer(root, db, cli?.entry, cpuProfileDir, logLevel);
  const counter = await openStore({ db });
  const rows: Row[] = [];
  const count = () => counter.count();
  try {
    rows.push(
      ...(await measure(
        backend,
        { route: 'validated', server, path: '/api/instruments/eqsans/submissions', count },
        token,
      )),
    );
    rows.push(
      ...(await measure(
        backend,
        { route: 'floor', server, path: '/api/bench-floor/instruments/eqsans/submissions', count },
        token,
      )),
    );
  } finally {
    await counter.close();
    await server.stop();
  }
  return rows;
}

/** The reference on its own SQLite file, after our server stopped (one server at a time). */
async function benchBare(dbFile: string): Promise<Row[]> {
  const server = await startBareServer(root, dbFile, cpuProfileDir);
  const count = async () => ((await (await fetch(`${server.url}/count`)).json()) as { n: number }).n;
  try {
    return await measure(
      'sqlite',
      { route: 'bare', server, path: '/api/instruments/eqsans/submissions', count },
      '',
    );
  } finally {
    await server.stop();
  }
}

/** A fresh schema on DATABASE_URL's database, or a throw-away cluster when there is none. */
async function postgresTarget(): Promise<{ url: string; done(): Promise<void> } | undefined> {
  if (argv.includes('--no-postgres')) return undefined;
  let base = process.env.DATABASE_URL;
  let stopCluster = async () => {};
  if (!base) {
    const out = execFileSync(join(root, 'scripts/ci/postgres.sh'), ['start'], { encoding: 'utf8' });
    base = /DATABASE_URL='([^']+)'/.exec(out)?.[1];
    const dir = /FORMULARY_PG_DIR='([^']+)'/.exec(out)?.[1];
    if (!base || !dir) throw new Error(`postgres.sh start printed no DATABASE_URL:\n${out}`);
    stopCluster = async () => {
      execFileSync(join(root, 'scripts/ci/postgres.sh'), ['stop', dir]);
    };
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async done() {
      await admin(`DROP SCHEMA ${schema} CASCADE`);
      await stopCluster();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'formulary-bench-server-'));
const rows: Row[] = [];
const cli = argv.includes('--from-source') ? undefined : buildBenchCli(root);
try {
  rows.push(...(await benchBackend('sqlite', join(dir, 'bench.sqlite'))));
  if (!argv.includes('--no-bare')) rows.push(...(await benchBare(join(dir, 'bare.sqlite'))));
  const postgres = await postgresTarget();
  if (postgres) {
    try {
      rows.push(...(await benchBackend('postgres', postgres.url)));
    } finally {
      await postgres.done();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  cli?.remove();
}

const find = (b: string, r: string, c: number) =>
  rows.find((x) => x.backend === b && x.route === r && x.connections === c);
const table = rows.map((r) => {
  const floor = find(r.backend, 'floor', r.connections);
  const bare = find('sqlite', 'bare', r.connections);
  const sqlite = find('sqlite', r.route, r.connections);
  return {
    backend: r.backend,
    route: r.route,
    conns: r.connections,
    'req/s': Math.round(r.requestsPerSecond),
    'p50 ms': r.p50Ms,
    'p99 ms': r.p99Ms,
    '2xx': r.ok2xx,
    sent: r.sent,
    stored: r.storedRows,
    lost: r.lost,
    dup: r.duplicated,
    'non-2xx': r.non2xx,
    errors: r.errors,
    'cpu ms/req': r.cpuMsPerRequest ?? '',
    'x floor':
      r.route !== 'floor' && floor ? +(r.requestsPerSecond / floor.requestsPerSecond).toFixed(2) : '',
    // Against the reference in the same run: the share of what this machine allows.
    'x bare': r.route !== 'bare' && bare ? +(r.requestsPerSecond / bare.requestsPerSecond).toFixed(2) : '',
    'x sqlite':
      r.backend === 'postgres' && sqlite ? +(r.requestsPerSecond / sqlite.requestsPerSecond).toFixed(2) : '',
  };
});
console.table(table);

const v10 = find('sqlite', 'validated', 10);
const f10 = find('sqlite', 'floor', 10);
const p10 = find('postgres', 'validated', 10);
const goals = {
  sqliteValidated10AtLeast5000PerS: v10 ? v10.requestsPerSecond >= 5000 : null,
  sqliteValidated10P99AtMost10Ms: v10 ? v10.p99Ms <= 10 : null,
  sqliteValidatedAtLeast075xFloor: v10 && f10 ? v10.requestsPerSecond >= 0.75 * f10.requestsPerSecond : null,
  postgresAtLeast05xSqlite: v10 && p10 ? p10.requestsPerSecond >= 0.5 * v10.requestsPerSecond : null,
  noneLostOrDuplicated: rows.every((r) => r.lost === 0 && r.duplicated === 0),
};
console.log('goals:', goals);
if (jsonFile)
  writeFileSync(jsonFile, `${JSON.stringify({ requestsPerRun: amount, rows, goals }, null, 2)}\n`);
