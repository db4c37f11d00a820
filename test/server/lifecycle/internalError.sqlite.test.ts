/**
 * A failure inside the service (its database table gone from under it, as a botched manual migration
 * would leave it): the client gets a 500 problem+json that carries the request id and says nothing
 * of SQL, tables or stack frames; the log has the real error under that same id; nothing is stored;
 * once the table is back the same key submits normally. A real server process on a real SQLite file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { repoRoot, type ServerProcess, startServerProcess, submit, testerFetch } from '../serverProcess';

// better-sqlite3 is an optional peer of the package: loaded the way the service loads it.
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

const dir = mkdtempSync(join(tmpdir(), 'formulary-internal-error-'));
const file = join(dir, 'formulary.sqlite');
const body = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({ db: file });
}, 120_000);

afterAll(async () => {
  if (server) expect(await server.stop('SIGTERM')).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

function renameTable(from: string, to: string): void {
  const db = new Database(file);
  try {
    db.exec(`ALTER TABLE ${from} RENAME TO ${to}`);
  } finally {
    db.close();
  }
}

test('a 500 says only "internal error" and the request id; the log holds the cause under that id', {
  timeout: 120_000,
}, async () => {
  expect((await submit(server.url, 'eqsans', body, { 'idempotency-key': 'before-the-fault' })).status).toBe(
    201,
  );
  renameTable('submissions', 'submissions_moved_away');
  const answer = await submit(server.url, 'eqsans', body, { 'idempotency-key': 'during-the-fault' });
  const text = await answer.text();
  expect(answer.status).toBe(500);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { status: number; requestId: string; detail: string };
  expect(problem.status).toBe(500);
  expect(problem.requestId).toBe(answer.headers.get('x-request-id'));
  // Nothing of the inside: no table names, no SQL, no driver, no stack frames.
  for (const leak of [
    /submissions_moved_away/,
    /no such table/i,
    /sqlite/i,
    /\bselect\b|\binsert\b/i,
    /\n\s+at /,
  ])
    expect(text).not.toMatch(leak);
  // The log says what happened, under the id the client was given.
  await expect
    .poll(() =>
      server
        .log()
        .split('\n')
        .filter((line) => line.includes(problem.requestId) && /no such table/.test(line)),
    )
    .toHaveLength(1);

  renameTable('submissions_moved_away', 'submissions');
  const retried = await submit(server.url, 'eqsans', body, { 'idempotency-key': 'during-the-fault' });
  expect(retried.status).toBe(201);
  const listed = (await (await testerFetch(`${server.url}/api/submissions?instrument=eqsans`)).json()) as {
    items: { idempotencyKey: string }[];
  };
  expect(listed.items.map((s) => s.idempotencyKey).sort()).toEqual(['before-the-fault', 'during-the-fault']);
});
