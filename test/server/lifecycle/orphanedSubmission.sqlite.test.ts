/**
 * The service stopped after committing a submission and before storing its jobs (the state a crash or
 * a power cut leaves: the client has its 201, the jobs table has nothing). At the next start the jobs
 * are planned, stored and run, once: a second restart plans none again. A real server process on a
 * real SQLite file; the submission is written through the store, as the crashed server left it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { repoRoot, startServerProcess, testerFetch } from '../serverProcess';

const dir = mkdtempSync(join(tmpdir(), 'formulary-orphan-'));
const file = join(dir, 'formulary.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const finalStates = ['succeeded', 'failed', 'cancelled', 'timed_out', 'interrupted'];

interface Jobs {
  items: { id: string; state: string }[];
}

test('a submission committed without its jobs gets them at the next start, and only once', {
  timeout: 240_000,
}, async () => {
  const request = readFileSync(
    join(repoRoot, 'examples/eqsans/each-scan-wedges-temperature-series.json'),
    'utf8',
  );
  const store = await openStore({ db: file });
  await store.insertBare({
    id: 'sub-left-without-jobs',
    instrument: 'eqsans',
    schemaVersion: 1,
    clientSchemaVersion: 1,
    status: 'accepted',
    proposal: 'IPTS-19800',
    submitter: null,
    idempotencyKey: 'key-left-without-jobs',
    requestText: request,
    createdAt: new Date().toISOString(),
  });
  await store.close();
  const scans = (JSON.parse(request) as { job: { scans: unknown[] } }).job.scans.length;

  let server = await startServerProcess({ db: file });
  const jobsUrl = () => `${server.url}/api/submissions/sub-left-without-jobs/jobs`;
  const read = async () => (await (await testerFetch(jobsUrl())).json()) as Jobs;
  const first = await read();
  expect(first.items).toHaveLength(scans);
  await expect
    .poll(async () => (await read()).items.every((j) => finalStates.includes(j.state)), { timeout: 120_000 })
    .toBe(true);
  expect(await server.stop('SIGTERM')).toBe(0);

  server = await startServerProcess({ db: file });
  const again = await read();
  expect(again.items.map((j) => j.id)).toEqual(first.items.map((j) => j.id));
  expect(await server.stop('SIGTERM')).toBe(0);
});
