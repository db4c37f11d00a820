/**
 * The storage suite: one set of behaviours every SubmissionStore must show, run against SQLite and
 * PostgreSQL (real databases, no mocks). Each test opens a fresh database through `open`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IdempotencyRecord, NewSubmission, SubmissionStore } from '../../../src/server/store/index';

export interface StoreFactory {
  /** A store over a fresh, empty database; `reopen` opens the same database again. */
  open(): Promise<{ store: SubmissionStore; reopen(): Promise<SubmissionStore> }>;
}

const T0 = '2026-01-01T00:00:00.000Z';
const FAR = '2099-01-01T00:00:00.000Z';

let counter = 0;
function submission(over: Partial<NewSubmission> = {}): NewSubmission {
  counter += 1;
  return {
    id: `sub-${counter}-${Math.random().toString(36).slice(2)}`,
    instrument: 'eqsans',
    schemaVersion: 1,
    clientSchemaVersion: 1,
    status: 'accepted',
    proposal: 'IPTS-1',
    submitter: null,
    idempotencyKey: `key-${counter}`,
    requestText: '{"a":1}',
    createdAt: T0,
    ...over,
  };
}

function recordFor(s: NewSubmission, over: Partial<IdempotencyRecord> = {}): IdempotencyRecord {
  return {
    key: s.idempotencyKey,
    fingerprint: `fp-${s.requestText}`,
    submissionId: s.id,
    responseStatus: 201,
    responseBody: JSON.stringify({ id: s.id }),
    createdAt: s.createdAt,
    expiresAt: FAR,
    ...over,
  };
}

export function describeStore(name: string, factory: StoreFactory): void {
  describe(`SubmissionStore on ${name}`, () => {
    const opened: SubmissionStore[] = [];
    const open = async () => {
      const result = await factory.open();
      opened.push(result.store);
      return result;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close().catch(() => {});
    });

    it('stores a submission with its key, and gives back the exact text', async () => {
      const { store } = await open();
      const text = '{ "__proto__": {"x": 1},\n  "sample": "Lysozyme – 5 mg/mL ✓", "n": 1.50 }';
      const s = submission({ requestText: text });
      const outcome = await store.accept(s, recordFor(s), T0);
      expect(outcome.kind).toBe('stored');
      const got = await store.get(s.id);
      expect(got?.requestText).toBe(text);
      expect(got).toMatchObject({
        id: s.id,
        instrument: 'eqsans',
        status: 'accepted',
        idempotencyKey: s.idempotencyKey,
      });
      expect((await store.findKey(s.idempotencyKey, T0))?.submissionId).toBe(s.id);
      expect(await store.count()).toBe(1);
    });

    it('refuses a second submission under a live key and writes nothing', async () => {
      const { store } = await open();
      const first = submission();
      await store.accept(first, recordFor(first), T0);
      const second = submission({ idempotencyKey: first.idempotencyKey, requestText: '{"b":2}' });
      const outcome = await store.accept(second, recordFor(second), T0);
      expect(outcome).toMatchObject({ kind: 'keyTaken', record: { submissionId: first.id } });
      expect(await store.get(second.id)).toBeUndefined();
      expect(await store.count()).toBe(1);
    });

    it('commits the jobs (attempt 1 queued, transition, event) and the audit entry with the submission, or none of them', async () => {
      const { store } = await open();
      const woken: number[] = [];
      store.jobs.onEvent((id) => woken.push(id));
      const planned = [0, 1].map((index) => ({
        planned: {
          index,
          scanIndex: index,
          label: `scan ${index + 1}`,
          request: { scan: index },
          stopOnFailure: true,
        },
        queuedMessage: 'Queued',
      }));
      const audit = (target: string) => ({
        time: T0,
        actor: 'sci',
        action: 'submit',
        target,
        address: '127.0.0.1',
        outcome: 'ok',
        detail: '{}',
      });
      const s = submission();
      const before = await store.jobs.lastEventId();
      const outcome = await store.accept(s, recordFor(s), T0, { jobs: planned, audit: audit(s.id) });
      expect(outcome.kind).toBe('stored');
      if (outcome.kind !== 'stored') return;
      const jobs = await store.jobs.jobsOf(s.id);
      expect(jobs.map((j) => j.id)).toEqual(outcome.jobs.map((j) => j.id));
      expect(jobs.map((j) => [j.label, j.request, j.stopOnFailure])).toEqual([
        ['scan 1', { scan: 0 }, true],
        ['scan 2', { scan: 1 }, true],
      ]);
      for (const job of jobs) {
        expect(job.attempts).toMatchObject([
          { attempt: 1, state: 'queued', cause: 'submitted', message: 'Queued' },
        ]);
        const detail = await store.jobs.getJob(job.id);
        expect(detail?.transitions).toMatchObject([{ attempt: 1, state: 'queued', message: 'Queued' }]);
      }
      const events = await store.jobs.eventsSince(before, { submissionIds: [s.id] }, 10);
      expect(events.map((e) => [e.jobId, e.kind, (e.payload as { state: string }).state])).toEqual(
        jobs.map((j) => [j.id, 'state', 'queued']),
      );
      // Readers of this process are woken once the events are committed.
      expect(Math.max(...woken)).toBe(Math.max(...events.map((e) => e.id)));
      expect((await store.auth.readAudit({ action: 'submit', limit: 10 })).map((e) => e.target)).toEqual([
        s.id,
      ]);

      // Under a taken key nothing is written: no submission, no jobs, no event, no audit entry.
      const second = submission({ idempotencyKey: s.idempotencyKey, requestText: '{"b":2}' });
      const lastEvent = await store.jobs.lastEventId();
      const refused = await store.accept(second, recordFor(second), T0, {
        jobs: planned,
        audit: audit(second.id),
      });
      expect(refused.kind).toBe('keyTaken');
      expect(await store.jobs.jobsOf(second.id)).toEqual([]);
      expect(await store.jobs.lastEventId()).toBe(lastEvent);
      expect((await store.auth.readAudit({ action: 'submit', limit: 10 })).map((e) => e.target)).toEqual([
        s.id,
      ]);
    });

    it('lets exactly one of 20 concurrent submissions under one key in', async () => {
      const { store } = await open();
      const key = 'raced-key';
      const attempts = Array.from({ length: 20 }, () => submission({ idempotencyKey: key }));
      const outcomes = await Promise.all(attempts.map((s) => store.accept(s, recordFor(s), T0)));
      const stored = outcomes.filter((o) => o.kind === 'stored');
      expect(stored).toHaveLength(1);
      expect(await store.count()).toBe(1);
      const winner = stored[0]!.record.submissionId;
      for (const o of outcomes) expect(o.record.submissionId).toBe(winner);
      expect((await store.list({ idempotencyKey: key, limit: 10 })).map((s) => s.id)).toEqual([winner]);
    });

    it('forgets a key after it expires: a new submission may take it, the old one stays', async () => {
      const { store } = await open();
      const first = submission({ idempotencyKey: 'reused' });
      await store.accept(first, recordFor(first, { expiresAt: '2026-01-02T00:00:00.000Z' }), T0);
      const later = '2026-01-03T00:00:00.000Z';
      expect(await store.findKey('reused', later)).toBeUndefined();
      const second = submission({ idempotencyKey: 'reused', createdAt: later });
      expect((await store.accept(second, recordFor(second), later)).kind).toBe('stored');
      const both = await store.list({ idempotencyKey: 'reused', limit: 10 });
      expect(both.map((s) => s.id)).toEqual([second.id, first.id]);
    });

    it('purges only expired keys and keeps every submission', async () => {
      const { store } = await open();
      const old = submission();
      const fresh = submission();
      await store.accept(old, recordFor(old, { expiresAt: '2026-01-01T12:00:00.000Z' }), T0);
      await store.accept(fresh, recordFor(fresh), T0);
      expect(await store.purgeExpiredKeys('2026-01-02T00:00:00.000Z')).toBe(1);
      expect(await store.findKey(old.idempotencyKey, T0)).toBeUndefined();
      expect(await store.findKey(fresh.idempotencyKey, T0)).toBeDefined();
      expect(await store.count()).toBe(2);
    });

    it('rolls back the submission when its key cannot be written (nothing partial)', async () => {
      const { store } = await open();
      const s = submission();
      // A record pointing at a submission that does not exist breaks the foreign key inside the
      // transaction, after the submission row was inserted: both must be gone.
      await expect(
        store.accept(s, recordFor(s, { submissionId: 'no-such-submission' }), T0),
      ).rejects.toThrow();
      expect(await store.get(s.id)).toBeUndefined();
      expect(await store.findKey(s.idempotencyKey, T0)).toBeUndefined();
      expect(await store.count()).toBe(0);
    });

    it('lists newest first with filters and a seq cursor', async () => {
      const { store } = await open();
      const rows = [
        submission({
          instrument: 'eqsans',
          proposal: 'IPTS-1',
          submitter: 'ada',
          createdAt: '2026-01-01T00:00:00.000Z',
        }),
        submission({
          instrument: 'powder',
          proposal: 'IPTS-2',
          submitter: 'bo',
          createdAt: '2026-01-02T00:00:00.000Z',
        }),
        submission({
          instrument: 'eqsans',
          proposal: 'IPTS-2',
          submitter: 'ada',
          createdAt: '2026-01-03T00:00:00.000Z',
        }),
        submission({
          instrument: 'eqsans',
          proposal: 'IPTS-1',
          status: 'failed',
          createdAt: '2026-01-04T00:00:00.000Z',
        }),
      ];
      for (const s of rows) await store.accept(s, recordFor(s), s.createdAt);
      const ids = (list: { id: string }[]) => list.map((s) => s.id);
      const [a, b, c, d] = rows.map((r) => r.id);
      expect(ids(await store.list({ limit: 10 }))).toEqual([d, c, b, a]);
      expect(ids(await store.list({ instrument: 'eqsans', limit: 10 }))).toEqual([d, c, a]);
      expect(ids(await store.list({ proposal: 'IPTS-2', limit: 10 }))).toEqual([c, b]);
      expect(ids(await store.list({ submitter: 'ada', limit: 10 }))).toEqual([c, a]);
      expect(ids(await store.list({ status: 'failed', limit: 10 }))).toEqual([d]);
      expect(
        ids(
          await store.list({
            since: '2026-01-02T00:00:00.000Z',
            until: '2026-01-04T00:00:00.000Z',
            limit: 10,
          }),
        ),
      ).toEqual([c, b]);
      const page1 = await store.list({ limit: 2 });
      expect(ids(page1)).toEqual([d, c]);
      expect(ids(await store.list({ limit: 2, beforeSeq: page1[1]!.seq }))).toEqual([b, a]);
    });

    it('keeps its data and migrations across a reopen', async () => {
      const { store, reopen } = await open();
      const s = submission();
      await store.accept(s, recordFor(s), T0);
      await store.close();
      opened.splice(opened.indexOf(store), 1);
      const again = await reopen();
      opened.push(again);
      expect((await again.get(s.id))?.requestText).toBe(s.requestText);
      expect(await again.count()).toBe(1);
    });
  });
}
