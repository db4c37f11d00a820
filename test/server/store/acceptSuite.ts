/**
 * accept() as each back end writes it on its fast path (PostgreSQL: one statement; SQLite: prepared
 * statements in one synchronous transaction): concurrent duplicates with jobs and audit entries, an
 * expired key replaced with its jobs, and every reader of a job's request once a whole-request job
 * stops copying it. Run against real SQLite and PostgreSQL; `query` reads the tables directly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planJobs } from '../../../src/server/jobs/index';
import type {
  AcceptedJob,
  IdempotencyRecord,
  NewSubmission,
  SubmissionStore,
} from '../../../src/server/store/index';

export interface AcceptFactory {
  /** A store over a fresh database, and a way to run SQL on that database outside the store. */
  open(): Promise<{ store: SubmissionStore; query(sql: string): Promise<Record<string, unknown>[]> }>;
}

const T0 = '2026-01-01T00:00:00.000Z';
const FAR = '2099-01-01T00:00:00.000Z';

/** Pretty-printed, as a client may send it: the job's request must read back as its parsed value. */
const averaged = {
  sample: { name: 'lysozyme' },
  job: { mode: 'average', scans: [{ runNumber: '1' }, { runNumber: '2' }] },
};
const perScan = { ...averaged, job: { ...averaged.job, mode: 'each_scan' } };

let n = 0;
function submission(request: unknown, over: Partial<NewSubmission> = {}): NewSubmission {
  n += 1;
  return {
    id: `acc-${n}-${Math.random().toString(36).slice(2)}`,
    instrument: 'eqsans',
    schemaVersion: 1,
    clientSchemaVersion: 1,
    status: 'accepted',
    proposal: 'IPTS-1',
    submitter: null,
    idempotencyKey: `acc-key-${n}`,
    requestText: JSON.stringify(request, null, 2),
    createdAt: T0,
    ...over,
  };
}

const recordFor = (s: NewSubmission, over: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  key: s.idempotencyKey,
  fingerprint: `fp-${s.id}`,
  submissionId: s.id,
  responseStatus: 201,
  responseBody: JSON.stringify({ id: s.id }),
  createdAt: s.createdAt,
  expiresAt: FAR,
  ...over,
});

const jobsFor = (s: NewSubmission): AcceptedJob[] =>
  planJobs(JSON.parse(s.requestText)).map((planned) => ({ planned, queuedMessage: 'Queued' }));

const auditFor = (s: NewSubmission) => ({
  time: T0,
  actor: 'sci',
  action: 'submit',
  target: s.id,
  address: '127.0.0.1',
  outcome: 'ok',
  detail: '{}',
});

export function describeAccept(name: string, factory: AcceptFactory): void {
  describe(`accept() on ${name}`, () => {
    const opened: SubmissionStore[] = [];
    const open = async () => {
      const result = await factory.open();
      opened.push(result.store);
      return result;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close().catch(() => {});
    });

    it('lets one of 12 concurrent accepts under one key in, with its jobs, events and audit entry alone', async () => {
      const { store } = await open();
      const attempts = Array.from({ length: 12 }, () => submission(perScan, { idempotencyKey: 'same' }));
      const before = await store.jobs.lastEventId();
      const outcomes = await Promise.all(
        attempts.map((s) => store.accept(s, recordFor(s), T0, { jobs: jobsFor(s), audit: auditFor(s) })),
      );
      const stored = outcomes.filter((o) => o.kind === 'stored');
      expect(stored).toHaveLength(1);
      const winner = stored[0]!.record.submissionId;
      // Every loser is answered with the first record, as stored.
      for (const o of outcomes) expect(o.record).toEqual(recordFor(attempts.find((s) => s.id === winner)!));
      expect(await store.count()).toBe(1);
      const jobs = await store.jobs.jobsOfSubmissions(attempts.map((s) => s.id));
      expect(jobs.map((j) => [j.submissionId, j.index])).toEqual([
        [winner, 0],
        [winner, 1],
      ]);
      const events = await store.jobs.eventsSince(before, {}, 100);
      expect(events.map((e) => e.submissionId)).toEqual([winner, winner]);
      expect((await store.auth.readAudit({ action: 'submit', limit: 50 })).map((e) => e.target)).toEqual([
        winner,
      ]);
    });

    it('refuses an accept that cannot be written alone: the accepts sent beside it are all stored', async () => {
      // On SQLite the accepts of one event-loop turn share a commit (a savepoint each); on PostgreSQL
      // each is its own statement. Either way one bad row must not take its neighbours down.
      const { store } = await open();
      const good = Array.from({ length: 6 }, () => submission(averaged));
      // A submission row without its instrument breaks a NOT NULL column, after its key was checked.
      const bad = submission(averaged, { instrument: null as unknown as string });
      const all = [...good.slice(0, 3), bad, ...good.slice(3)];
      const settled = await Promise.allSettled(
        all.map((s) => store.accept(s, recordFor(s), T0, { jobs: jobsFor(s), audit: auditFor(s) })),
      );
      expect(settled.map((r) => r.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      expect(await store.count()).toBe(6);
      expect(await store.findKey(bad.idempotencyKey, T0)).toBeUndefined();
      for (const s of good) {
        expect(await store.findKey(s.idempotencyKey, T0)).toEqual(recordFor(s));
        expect((await store.jobs.jobsOf(s.id)).map((j) => j.request)).toEqual([averaged]);
      }
      const audited = (await store.auth.readAudit({ action: 'submit', limit: 50 })).map((e) => e.target);
      expect(audited.sort()).toEqual(good.map((s) => s.id).sort());
    });

    it('replaces an expired key together with the new jobs, and wakes readers with their events', async () => {
      const { store } = await open();
      const old = submission(averaged, { idempotencyKey: 'reused' });
      await store.accept(old, recordFor(old, { expiresAt: '2026-01-02T00:00:00.000Z' }), T0, {
        jobs: jobsFor(old),
      });
      const later = '2026-01-03T00:00:00.000Z';
      const woken: number[] = [];
      store.jobs.onEvent((id) => woken.push(id));
      const fresh = submission(perScan, { idempotencyKey: 'reused', createdAt: later });
      const outcome = await store.accept(fresh, recordFor(fresh), later, { jobs: jobsFor(fresh) });
      expect(outcome.kind).toBe('stored');
      expect(await store.findKey('reused', later)).toEqual(recordFor(fresh));
      const jobs = await store.jobs.jobsOf(fresh.id);
      expect(jobs.map((j) => j.request)).toEqual(planJobs(perScan).map((p) => p.request));
      expect(woken.at(-1)).toBe(await store.jobs.lastEventId());
      // The old submission and its job stay.
      expect((await store.jobs.jobsOf(old.id)).map((j) => j.request)).toEqual([averaged]);
    });

    it("reads back every job's request, and a whole-request job keeps no copy of it", async () => {
      const { store, query } = await open();
      const whole = submission(averaged);
      const each = submission(perScan);
      const none = submission({ sample: { name: 'no job choice' } });
      for (const s of [whole, each, none])
        expect((await store.accept(s, recordFor(s), T0, { jobs: jobsFor(s) })).kind).toBe('stored');
      const expected = (s: NewSubmission) => planJobs(JSON.parse(s.requestText)).map((p) => p.request);

      for (const s of [whole, each, none]) {
        const jobs = await store.jobs.jobsOf(s.id);
        expect(jobs.map((j) => j.request)).toEqual(expected(s));
        for (const job of jobs) expect((await store.jobs.getJob(job.id))?.request).toEqual(job.request);
        const snapshot = await store.jobs.snapshot(s.id, 10);
        expect(snapshot.jobs.map((j) => j.request)).toEqual(expected(s));
      }
      const all = await store.jobs.jobsOfSubmissions([whole.id, each.id, none.id]);
      expect(all.map((j) => j.request).sort(byText)).toEqual(
        [whole, each, none].flatMap(expected).sort(byText),
      );
      // What recovery and the dispatcher read: every queued attempt with its request.
      const unfinished = await store.jobs.unfinished();
      expect(unfinished.map((u) => u.request).sort(byText)).toEqual(
        [whole, each, none].flatMap(expected).sort(byText),
      );

      // Stored once: a whole-request job's row holds no copy; a per-scan job's holds its own request.
      const rows = await query(
        `select submission_id, scan_index, request_text from jobs where submission_id in ('${whole.id}', '${each.id}', '${none.id}') order by submission_id, job_index`,
      );
      for (const row of rows) {
        if (row.scan_index === null) expect(row.request_text).toBe('');
        else expect(JSON.parse(String(row.request_text))).toEqual(expected(each)[Number(row.scan_index)]);
      }
      expect(rows.filter((r) => r.request_text === '')).toHaveLength(2);
    });

    it('keeps a job planned later (recovery) readable, with its request stored once the same way', async () => {
      const { store } = await open();
      const s = submission(averaged);
      await store.insertBare(s);
      const [job] = await store.jobs.createJobs(s.id, s.instrument, planJobs(JSON.parse(s.requestText)));
      expect(job?.request).toEqual(averaged);
      expect((await store.jobs.unstarted()).map((j) => [j.id, j.request])).toEqual([[job!.id, averaged]]);
    });
  });
}

const byText = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
