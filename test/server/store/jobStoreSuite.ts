/**
 * The job storage suite: the JobRecorder contract and the reads the service and the live channel
 * need, run against SQLite and PostgreSQL (real databases). Each test opens a fresh database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planJobs } from '../../../src/server/jobs/index';
import type { SubmissionStore } from '../../../src/server/store/index';

export interface JobStoreFactory {
  open(): Promise<{ store: SubmissionStore; reopen(): Promise<SubmissionStore> }>;
}

const T = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
let n = 0;

async function submitted(
  store: SubmissionStore,
  request: unknown = { job: { mode: 'each_scan', scans: [{ runNumber: '1' }, { runNumber: '2' }] } },
) {
  n += 1;
  const id = `sub-${n}-${Math.random().toString(36).slice(2)}`;
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
    createdAt: T(0),
  });
  const jobs = await store.jobs.createJobs(id, 'eqsans', planJobs(request));
  return { id, jobs };
}

const line = (seq: number, text: string, stream: 'stdout' | 'stderr' | 'system' = 'stdout') => ({
  seq,
  stream,
  time: T(seq),
  text,
});

/** Queues attempt 1 of a job as a first submission does (at T(1)): the start of most tests here. */
const queued = (rec: SubmissionStore['jobs'], jobId: string, message = 'Q') =>
  rec.transition({ jobId, attempt: 1, state: 'queued', time: T(1), message, cause: 'submitted' });

export function describeJobStore(name: string, factory: JobStoreFactory): void {
  describe(`JobStore on ${name}`, () => {
    const opened: SubmissionStore[] = [];
    const open = async () => {
      const result = await factory.open();
      opened.push(result.store);
      return result;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close().catch(() => {});
    });

    it('stores planned jobs once, with labels and their own requests', async () => {
      const { store } = await open();
      const { id, jobs } = await submitted(store);
      expect(jobs.map((j) => [j.index, j.scanIndex, j.label])).toEqual([
        [0, 0, 'scan 1 of 2: run 1'],
        [1, 1, 'scan 2 of 2: run 2'],
      ]);
      const again = await store.jobs.createJobs(
        id,
        'eqsans',
        planJobs({ job: { mode: 'average', scans: [{}] } }),
      );
      expect(again.map((j) => j.id)).toEqual(jobs.map((j) => j.id));
      const read = await store.jobs.jobsOf(id);
      expect(read.map((j) => (j.request as { job: { scans: unknown[] } }).job.scans)).toEqual([
        [{ runNumber: '1' }],
        [{ runNumber: '2' }],
      ]);
    });

    it('reads the jobs of many submissions at once, with their attempts, and none for unknown ids', async () => {
      const { store } = await open();
      const a = await submitted(store);
      const b = await submitted(store, { job: { mode: 'average', scans: [{ runNumber: '7' }] } });
      await queued(store.jobs, b.jobs[0]!.id, 'Queued');
      const read = await store.jobs.jobsOfSubmissions([b.id, a.id, 'no-such-submission']);
      const mine = (id: string) => read.filter((j) => j.submissionId === id);
      expect(mine(a.id).map((j) => j.index)).toEqual([0, 1]);
      expect(mine(b.id).map((j) => j.attempts.map((t) => t.state))).toEqual([['queued']]);
      expect(read).toHaveLength(3);
      expect(await store.jobs.jobsOfSubmissions([])).toEqual([]);
    });

    it('keeps every transition with time and message, the attempt row, and the log once per seq', async () => {
      const { store } = await open();
      const { jobs } = await submitted(store);
      const jobId = jobs[0]!.id;
      const rec = store.jobs;
      await queued(rec, jobId, 'Queued');
      await rec.transition({
        jobId,
        attempt: 1,
        state: 'running',
        time: T(2),
        message: 'Running',
        pid: 4242,
        runnerId: 'r1',
      });
      await rec.appendLog(jobId, 1, [line(1, 'start'), line(2, 'warn', 'stderr')]);
      // A retried batch whose acknowledgement was lost: stored once.
      await rec.appendLog(jobId, 1, [line(1, 'start'), line(2, 'warn', 'stderr'), line(3, 'done')]);
      await rec.transition({
        jobId,
        attempt: 1,
        state: 'succeeded',
        time: T(4),
        message: 'Finished in 2 s',
        reason: 'exit',
        exitCode: 0,
        peakMemoryBytes: 1234,
      });
      const detail = await rec.getJob(jobId);
      expect(detail!.transitions.map((t) => [t.state, t.time, t.message])).toEqual([
        ['queued', T(1), 'Queued'],
        ['running', T(2), 'Running'],
        ['succeeded', T(4), 'Finished in 2 s'],
      ]);
      expect(detail!.attempts[0]).toMatchObject({
        state: 'succeeded',
        pid: 4242,
        runnerId: 'r1',
        exitCode: 0,
        peakMemoryBytes: 1234,
        startedAt: T(2),
        endedAt: T(4),
        lastSeq: 3,
      });
      expect((await rec.readLog(jobId, 1, 0, 100)).map((l) => [l.seq, l.stream, l.text])).toEqual([
        [1, 'stdout', 'start'],
        [2, 'stderr', 'warn'],
        [3, 'stdout', 'done'],
      ]);
      expect((await rec.readLog(jobId, 1, 1, 1)).map((l) => l.seq)).toEqual([2]);
      // A final state never changes, and a repeated one is a retry, not a second transition.
      await rec.transition({
        jobId,
        attempt: 1,
        state: 'succeeded',
        time: T(4),
        message: 'Finished in 2 s',
        reason: 'exit',
      });
      await expect(
        rec.transition({ jobId, attempt: 1, state: 'failed', time: T(5), message: 'x', reason: 'exit' }),
      ).rejects.toThrow(/already succeeded/);
      expect((await rec.getJob(jobId))!.transitions).toHaveLength(3);
    });

    it('finds accepted submissions whose jobs were never stored, oldest first, and no others', async () => {
      const { store } = await open();
      const withJobs = await submitted(store);
      const bare = async (status: string) => {
        n += 1;
        const id = `bare-${n}-${status}`;
        await store.insertBare({
          id,
          instrument: 'eqsans',
          schemaVersion: 1,
          clientSchemaVersion: 1,
          status,
          proposal: null,
          submitter: null,
          idempotencyKey: id,
          requestText: '{"job":{"mode":"average","scans":[{}]}}',
          createdAt: T(1),
        });
        return id;
      };
      const first = await bare('accepted');
      const second = await bare('accepted');
      await bare('withdrawn');
      const found = await store.jobs.submissionsWithoutJobs();
      expect(found.map((f) => f.id)).toEqual([first, second]);
      expect(found.map((f) => f.id)).not.toContain(withJobs.id);
      expect(JSON.parse(found[0]!.requestText)).toEqual({ job: { mode: 'average', scans: [{}] } });
      await store.jobs.createJobs(first, 'eqsans', planJobs(JSON.parse(found[0]!.requestText)));
      expect((await store.jobs.submissionsWithoutJobs()).map((f) => f.id)).toEqual([second]);
    });

    it('refuses a transition of an attempt that was never queued, and a job that does not exist', async () => {
      const { store } = await open();
      const { jobs } = await submitted(store);
      await expect(
        store.jobs.transition({ jobId: jobs[0]!.id, attempt: 1, state: 'running', time: T(1), message: 'r' }),
      ).rejects.toThrow(/no attempt 1/);
      await expect(store.jobs.appendLog('nope', 1, [line(1, 'x')])).rejects.toThrow(/not stored/);
    });

    it('finds the latest unfinished attempts for recovery, with lastSeq and recoveries', async () => {
      const { store, reopen } = await open();
      const { id, jobs } = await submitted(store);
      const [a, b] = jobs.map((j) => j.id) as [string, string];
      const rec = store.jobs;
      await queued(rec, a, 'Queued');
      await rec.transition({
        jobId: a,
        attempt: 1,
        state: 'running',
        time: T(2),
        message: 'r',
        pid: 99,
        runnerId: 'me',
      });
      await rec.appendLog(a, 1, [line(1, 'x'), line(2, 'y')]);
      await rec.transition({
        jobId: a,
        attempt: 1,
        state: 'interrupted',
        time: T(3),
        message: 'i',
        reason: 'recovery',
      });
      await rec.transition({
        jobId: a,
        attempt: 2,
        state: 'queued',
        time: T(3),
        message: 'q',
        cause: 'recovery',
      });
      await rec.transition({
        jobId: a,
        attempt: 2,
        state: 'running',
        time: T(4),
        message: 'r',
        pid: 100,
        runnerId: 'me',
      });
      await rec.appendLog(a, 2, [line(1, 'z')]);
      const unstarted = await rec.unstarted();
      expect(unstarted.map((j) => j.id)).toEqual([b]);
      const store2 = await reopen();
      opened.push(store2);
      const found = await store2.jobs.unfinished();
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        jobId: a,
        attempt: 2,
        submissionId: id,
        state: 'running',
        pid: 100,
        runnerId: 'me',
        lastSeq: 1,
        recoveries: 1,
        scanIndex: 0,
        cause: 'recovery',
      });
    });

    it('stores an event per state change and log batch, ids increasing, filtered by submission or instrument', async () => {
      const { store } = await open();
      const one = await submitted(store);
      const two = await submitted(store, { job: { mode: 'average', scans: [{}] } });
      const rec = store.jobs;
      const woken: number[] = [];
      const stop = rec.onEvent((id) => woken.push(id));
      const before = await rec.lastEventId();
      await queued(rec, one.jobs[0]!.id);
      await queued(rec, two.jobs[0]!.id);
      await rec.transition({
        jobId: one.jobs[0]!.id,
        attempt: 1,
        state: 'running',
        time: T(2),
        message: 'R',
      });
      await rec.appendLog(one.jobs[0]!.id, 1, [line(1, 'hello')]);
      await rec.appendLog(one.jobs[0]!.id, 1, [line(1, 'hello')]); // retry: no second event
      stop();
      const all = await rec.eventsSince(before, {}, 100);
      expect(all.map((e) => e.kind)).toEqual(['state', 'state', 'state', 'log']);
      expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((x, y) => x - y));
      expect(new Set(all.map((e) => e.id)).size).toBe(4);
      expect(woken.filter((id) => id > 0).sort((x, y) => x - y)[0]).toBe(all[0]!.id);
      const mine = await rec.eventsSince(before, { submissionIds: [one.id] }, 100);
      expect(mine.map((e) => (e.payload as { state?: string }).state ?? 'log')).toEqual([
        'queued',
        'running',
        'log',
      ]);
      expect(mine[2]!.payload).toEqual({ lines: [line(1, 'hello')] });
      const resumed = await rec.eventsSince(mine[0]!.id, { submissionIds: [one.id] }, 100);
      expect(resumed.map((e) => e.id)).toEqual(mine.slice(1).map((e) => e.id));
      expect(await rec.eventsSince(before, { instrument: 'other' }, 100)).toEqual([]);
      expect(await rec.eventsSince(before, { submissionIds: [] }, 100)).toEqual([]);
      expect(await rec.lastEventId()).toBe(all[3]!.id);
    });

    it("keeps a worker's curve text per attempt (the latest copy) and stores an event without the text", async () => {
      const { store } = await open();
      const one = await submitted(store);
      const jobId = one.jobs[0]!.id;
      const rec = store.jobs;
      await queued(rec, jobId);
      await rec.transition({ jobId, attempt: 1, state: 'running', time: T(2), message: 'R' });
      const before = await rec.lastEventId();
      expect(await rec.storedCurve(jobId, 1)).toBeUndefined();
      await rec.curveChanged(jobId, 1, { bytes: 10, time: T(3), text: '0.1,5,1\n' });
      await rec.curveChanged(jobId, 1, { bytes: 18, time: T(4), text: '0.1,5,1\n0.2,4,1\n' });
      await rec.curveChanged(jobId, 1, { bytes: 30, time: T(5) }); // news without text keeps the copy
      expect(await rec.storedCurve(jobId, 1)).toEqual({ text: '0.1,5,1\n0.2,4,1\n', bytes: 18, time: T(4) });
      expect(await rec.storedCurve(jobId, 2)).toBeUndefined();
      const events = await rec.eventsSince(before, {}, 100);
      expect(events.map((e) => [e.kind, e.payload])).toEqual([
        ['curve', { bytes: 10, time: T(3) }],
        ['curve', { bytes: 18, time: T(4) }],
        ['curve', { bytes: 30, time: T(5) }],
      ]);
    });
  });
}
