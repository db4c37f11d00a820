/**
 * The gap between committing a submission and storing its jobs: a server stopped there leaves an
 * accepted submission without jobs, and its client, which never saw the 201, retries with its key.
 * The next start plans the jobs (JobService.recover); the retry gets the stored 201 replayed and starts
 * no second set: each job runs once. The crash is staged by
 * writing the submission and its key with the store alone (what the server had committed), then a
 * real `formulary serve` on that SQLite file answers the retry.
 */
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { repoRoot, type ServerProcess, startServerProcess, submit, testerFetch } from '../serverProcess';

const dir = mkdtempSync(join(tmpdir(), 'formulary-no-jobs-'));
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

interface Jobs {
  items: { state: string; attempts: unknown[] }[];
}

it('a submission stored without jobs gets them at the next start; its retried key starts no second set', async () => {
  const db = join(dir, 'db.sqlite');
  const text = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
  const id = randomUUID();
  const key = `crash-${id}`;
  const now = new Date().toISOString();
  const receipt = JSON.stringify({
    id,
    instrument: 'eqsans',
    schemaVersion: 1,
    status: 'accepted',
    createdAt: now,
  });
  const store = await openStore({ db });
  const outcome = await store.accept(
    {
      id,
      instrument: 'eqsans',
      schemaVersion: 1,
      clientSchemaVersion: 1,
      status: 'accepted',
      proposal: 'IPTS-31204',
      submitter: null,
      idempotencyKey: key,
      requestText: text,
      createdAt: now,
    },
    {
      key,
      fingerprint: createHash('sha256').update('eqsans').update('\u0000').update(text).digest('base64url'),
      submissionId: id,
      responseStatus: 201,
      responseBody: receipt,
      createdAt: now,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    },
    now,
  );
  expect(outcome.kind).not.toBe('keyTaken');
  await store.close();

  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  for (const file of ['eqsans.schema.json', 'common.json'])
    copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
  const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      jobs: {
        jobsDir: join(dir, 'jobs'),
        tasks: {
          eqsans: { command: ['{node}', simulator, '{requestFile}', '--seconds', '1'], curveFile: 'iq.csv' },
        },
      },
    }),
  );
  server = await startServerProcess({ db, instruments, config: join(dir, 'config.json') });
  const jobsOf = async () =>
    (await (await testerFetch(`${server!.url}/api/submissions/${id}/jobs`)).json()) as Jobs;
  // Started at start-up, before any retry.
  expect((await jobsOf()).items).toHaveLength(1);

  const retry = await submit(server.url, 'eqsans', text, { 'idempotency-key': key });
  expect(retry.status).toBe(201);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(await retry.text()).toBe(receipt);
  let jobs = await jobsOf();
  expect(jobs.items).toHaveLength(1);
  for (let i = 0; i < 300 && jobs.items[0]!.state !== 'succeeded'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    jobs = await jobsOf();
  }
  expect(jobs.items[0]!.state).toBe('succeeded');

  // Another retry replays again and starts nothing more.
  expect((await submit(server.url, 'eqsans', text, { 'idempotency-key': key })).status).toBe(201);
  const after = await jobsOf();
  expect(after.items).toHaveLength(1);
  expect(after.items[0]!.attempts).toHaveLength(1);
}, 120_000);
