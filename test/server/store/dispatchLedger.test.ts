/**
 * The DispatchLedger on SQLite and PostgreSQL (when DATABASE_URL is set): what the `stomp` dispatcher
 * reads to keep a request's maxParallelJobs and continueOnFailure. Marks, counts and policies are
 * stored, so a store opened again on the same database (a restarted server) reads the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type JobTransition, planJobs } from '../../../src/server/jobs/index';
import { openStore, type SubmissionStore } from '../../../src/server/store/index';
import { type FreshDatabase, freshPostgresDatabase, postgresUrl } from '../postgresDatabase';

const dir = mkdtempSync(join(tmpdir(), 'formulary-ledger-'));
const databases: FreshDatabase[] = [];
afterAll(async () => {
  for (const db of databases) await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const backends: [string, () => Promise<string>][] = [
  ['SQLite', async () => join(dir, `ledger-${++files}.sqlite`)],
];
if (postgresUrl)
  backends.push([
    'PostgreSQL',
    async () => {
      const db = await freshPostgresDatabase();
      databases.push(db);
      return db.url;
    },
  ]);
else console.warn('DispatchLedger: PostgreSQL skipped (no DATABASE_URL)');

const request = {
  job: {
    mode: 'each_scan',
    scans: [{ runNumber: '1' }, { runNumber: '2' }, { runNumber: '3' }],
    maxParallelJobs: 1,
    continueOnFailure: false,
  },
};

async function submitted(store: SubmissionStore, id: string) {
  await store.insertBare({
    id,
    instrument: 'eqsans',
    schemaVersion: 1,
    clientSchemaVersion: 1,
    status: 'accepted',
    proposal: null,
    submitter: null,
    idempotencyKey: id,
    requestText: JSON.stringify(request),
    createdAt: new Date().toISOString(),
  });
  return store.jobs.createJobs(id, 'eqsans', planJobs(request));
}

const change = (jobId: string, attempt: number, state: JobTransition['state']): JobTransition => ({
  jobId,
  attempt,
  state,
  time: new Date().toISOString(),
  message: state,
  ...(state === 'queued' ? { cause: 'submitted' as const } : {}),
  ...(state === 'failed' ? { reason: 'exit' as const } : {}),
});

describe.each(backends)('DispatchLedger on %s', (_name, database) => {
  it('counts the jobs out on the cluster and keeps policies across a reopen', async () => {
    const db = await database();
    let store = await openStore({ db });
    try {
      const jobs = await submitted(store, 's1');
      const other = await submitted(store, 's2');
      const [a, b, c] = jobs.map((j) => j.id) as [string, string, string];
      for (const id of [a, b, c, other[0]!.id]) await store.jobs.transition(change(id, 1, 'queued'));
      // Queued but not handed to the broker: not out.
      expect(await store.dispatch.outstanding('s1')).toEqual([]);
      await store.dispatch.markDispatched(a, 1, new Date().toISOString());
      await store.dispatch.markDispatched(other[0]!.id, 1, new Date().toISOString());
      expect(await store.dispatch.outstanding('s1')).toEqual([a]);

      // A restarted server reads the same.
      await store.close();
      store = await openStore({ db });
      expect(await store.dispatch.outstanding('s1')).toEqual([a]);
      expect(await store.dispatch.policyOf(b)).toEqual({
        submissionId: 's1',
        scanIndex: 1,
        stopOnFailure: true,
      });
      expect(await store.dispatch.policyOf('no-such-job')).toBeUndefined();

      // Running counts too; a final state frees the slot.
      await store.jobs.transition({ ...change(a, 1, 'running'), runnerId: 'w1/1', pid: 1 });
      expect(await store.dispatch.outstanding('s1')).toEqual([a]);
      await store.jobs.transition({ ...change(a, 1, 'failed'), exitCode: 1 });
      expect(await store.dispatch.outstanding('s1')).toEqual([]);
      expect(await store.dispatch.queuedOf('s1')).toEqual([
        { jobId: b, attempt: 1 },
        { jobId: c, attempt: 1 },
      ]);
      // A job's latest attempt is what counts: attempt 2 of a, queued and not sent yet, is not out.
      await store.jobs.transition({ ...change(a, 2, 'queued'), cause: 'rerun' });
      expect(await store.dispatch.outstanding('s1')).toEqual([]);
      expect((await store.dispatch.queuedOf('s1')).map((q) => q.jobId)).toEqual([a, b, c]);
      await store.dispatch.markDispatched(a, 2, new Date().toISOString());
      expect(await store.dispatch.outstanding('s1')).toEqual([a]);
      expect(await store.dispatch.outstanding('s2')).toEqual([other[0]!.id]);
    } finally {
      await store.close();
    }
  });

  it("counts an instrument's jobs out on the cluster, over its submissions, and no other instrument's", async () => {
    const db = await database();
    const store = await openStore({ db });
    try {
      const first = (await submitted(store, 'i1')).map((j) => j.id);
      const second = (await submitted(store, 'i2')).map((j) => j.id);
      await store.insertBare({
        id: 'o1',
        instrument: 'other',
        schemaVersion: 1,
        clientSchemaVersion: 1,
        status: 'accepted',
        proposal: null,
        submitter: null,
        idempotencyKey: 'o1',
        requestText: '{}',
        createdAt: new Date().toISOString(),
      });
      const [foreign] = (await store.jobs.createJobs('o1', 'other', planJobs({}))).map((j) => j.id);
      for (const id of [...first, ...second, foreign!]) await store.jobs.transition(change(id, 1, 'queued'));
      expect(await store.dispatch.outstandingOfInstrument('eqsans')).toEqual([]);
      await store.dispatch.markDispatched(first[0]!, 1, new Date().toISOString());
      await store.dispatch.markDispatched(second[1]!, 1, new Date().toISOString());
      await store.dispatch.markDispatched(foreign!, 1, new Date().toISOString());
      const out = [first[0]!, second[1]!].sort();
      expect(await store.dispatch.outstandingOfInstrument('eqsans')).toEqual(out);
      expect(await store.dispatch.outstandingOfInstrument('other')).toEqual([foreign]);
      // Running counts; a final state frees the slot; a re-run queued but not sent is not out.
      await store.jobs.transition({ ...change(first[0]!, 1, 'running'), runnerId: 'w1/1', pid: 1 });
      expect(await store.dispatch.outstandingOfInstrument('eqsans')).toEqual(out);
      await store.jobs.transition({ ...change(first[0]!, 1, 'failed'), exitCode: 1 });
      expect(await store.dispatch.outstandingOfInstrument('eqsans')).toEqual([second[1]]);
      await store.jobs.transition({ ...change(first[0]!, 2, 'queued'), cause: 'rerun' });
      expect(await store.dispatch.outstandingOfInstrument('eqsans')).toEqual([second[1]]);
      await store.dispatch.markDispatched(first[0]!, 2, new Date().toISOString());
      expect(await store.dispatch.outstandingOfInstrument('eqsans')).toEqual(out);
    } finally {
      await store.close();
    }
  });
});
