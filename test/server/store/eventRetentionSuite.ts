/**
 * The replay feed's snapshot and retention on a real database (SQLite and PostgreSQL): a snapshot is
 * current to one event id (tails and `earlier` counts right); a sweep deletes only old events of
 * finished jobs, keeps the newest event, raises the horizon, keeps logs and transitions; ids keep
 * growing after everything old is gone; and EventHub refuses a resume below the horizon with
 * ResyncNeeded while one at or above it replays exactly what followed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planJobs } from '../../../src/server/jobs/index';
import { EventHub, ResyncNeeded, startEventRetention } from '../../../src/server/live/index';
import type { LiveEvent, SubmissionStore } from '../../../src/server/store/index';

export interface RetentionFactory {
  open(): Promise<SubmissionStore>;
}

let n = 0;
async function submitted(store: SubmissionStore) {
  n += 1;
  const id = `ret-${n}-${Math.random().toString(36).slice(2)}`;
  const request = { job: { mode: 'average', scans: [{ runNumber: '1' }] } };
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
  const [job] = await store.jobs.createJobs(id, 'eqsans', planJobs(request));
  return { id, jobId: job!.id };
}

const now = () => new Date().toISOString();
const lines = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    seq: from + i,
    stream: 'stdout' as const,
    time: now(),
    text: `line ${from + i}`,
  }));

async function run(store: SubmissionStore, jobId: string, logLines: number, finish: boolean) {
  await store.jobs.transition({
    jobId,
    attempt: 1,
    state: 'queued',
    time: now(),
    message: 'Queued',
    cause: 'submitted',
  });
  await store.jobs.transition({ jobId, attempt: 1, state: 'running', time: now(), message: 'Started' });
  for (let seq = 1; seq <= logLines; seq += 100)
    await store.jobs.appendLog(jobId, 1, lines(seq, Math.min(100, logLines - seq + 1)));
  await store.jobs.curveChanged(jobId, 1, { bytes: 10, time: now() });
  if (finish)
    await store.jobs.transition({ jobId, attempt: 1, state: 'succeeded', time: now(), message: 'Done' });
}

async function allEvents(store: SubmissionStore): Promise<LiveEvent[]> {
  return store.jobs.eventsSince(0, {}, 100_000);
}

export function describeEventRetention(name: string, factory: RetentionFactory): void {
  describe(`snapshot and event retention on ${name}`, () => {
    it('sweeps in batches, oldest first, and the periodic sweep runs batches until one comes back short', async () => {
      const store = await open();
      const a = await submitted(store);
      await run(store, a.jobId, 300, true); // queued, running, 3 log batches, curve, succeeded: 7 events
      const b = await submitted(store);
      await store.jobs.transition({
        jobId: b.jobId,
        attempt: 1,
        state: 'queued',
        time: now(),
        message: 'Queued',
        cause: 'submitted',
      });
      const ids = (await allEvents(store)).filter((e) => e.jobId === a.jobId).map((e) => e.id);
      expect(ids).toHaveLength(7);
      const later = new Date(Date.now() + 1000).toISOString();
      expect(await store.jobs.sweepEvents(later, 2)).toEqual({ deleted: 2, horizon: ids[1] });
      expect((await allEvents(store)).map((e) => e.id).slice(0, 2)).toEqual(ids.slice(2, 4));
      await store.jobs.transition({
        jobId: b.jobId,
        attempt: 1,
        state: 'cancelled',
        time: now(),
        message: 'Cancelled',
      });
      const swept: { deleted: number; horizon: number }[] = [];
      const stop = startEventRetention(store.jobs, {
        retentionDays: 1 / 86_400_000, // 1 ms
        everyMs: 60_000,
        batch: 2,
        onSwept: (result) => swept.push(result),
      });
      // Generous: a loaded database; stop() would cut the batches short.
      for (let i = 0; i < 2000 && swept.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      await stop();
      // Everything left but the newest event (b's cancel): a's 5 and b's queued, in 4 batches.
      expect(swept).toEqual([{ deleted: 6, horizon: (await store.jobs.lastEventId()) - 1 }]);
      expect((await allEvents(store)).map((e) => e.payload)).toMatchObject([{ state: 'cancelled' }]);
    });

    const opened: SubmissionStore[] = [];
    const open = async () => {
      const store = await factory.open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close().catch(() => {});
    });

    it('a snapshot carries the tail of each log, the count before it, and the event id it is current to', async () => {
      const store = await open();
      const a = await submitted(store);
      await run(store, a.jobId, 2500, false);
      const snap = await store.jobs.snapshot(a.id, 300);
      expect(snap.eventId).toBe(await store.jobs.lastEventId());
      const [job] = snap.jobs;
      expect(job!.transitions.map((t) => t.state)).toEqual(['queued', 'running']);
      expect(job!.logs).toHaveLength(1);
      expect(job!.logs[0]!.earlier).toBe(2200);
      expect(job!.logs[0]!.lines.map((l) => l.seq)).toEqual(Array.from({ length: 300 }, (_, i) => 2201 + i));
      // What follows the snapshot's id is exactly what was stored after it.
      await store.jobs.appendLog(a.jobId, 1, lines(2501, 5));
      const after = await store.jobs.eventsSince(snap.eventId, { submissionIds: [a.id] }, 100);
      expect(after.map((e) => e.kind)).toEqual(['log']);
      expect((after[0]!.payload as { lines: { seq: number }[] }).lines.map((l) => l.seq)).toEqual([
        2501, 2502, 2503, 2504, 2505,
      ]);
      // A submission without jobs, and a tail of 0.
      const empty = await store.jobs.snapshot('no-such-submission', 10);
      expect(empty.jobs).toEqual([]);
      const none = await store.jobs.snapshot(a.id, 0);
      expect(none.jobs[0]!.logs[0]).toMatchObject({ earlier: 2505, lines: [] });
    });

    it('a sweep deletes old events of finished jobs only, keeps the newest, and raises the horizon', async () => {
      const store = await open();
      const done = await submitted(store);
      const running = await submitted(store);
      await run(store, done.jobId, 250, true);
      await run(store, running.jobId, 50, false);
      const before = await allEvents(store);
      const doneIds = before.filter((e) => e.jobId === done.jobId).map((e) => e.id);
      // Nothing is old yet.
      expect(await store.jobs.sweepEvents(new Date(Date.now() - 60_000).toISOString())).toEqual({
        deleted: 0,
        horizon: 0,
      });
      const swept = await store.jobs.sweepEvents(new Date(Date.now() + 1000).toISOString());
      expect(swept).toEqual({ deleted: doneIds.length, horizon: Math.max(...doneIds) });
      const after = await allEvents(store);
      expect(after.every((e) => e.jobId === running.jobId)).toBe(true);
      expect(after.length).toBe(before.length - doneIds.length);
      expect(await store.jobs.eventHorizon()).toBe(Math.max(...doneIds));
      // Logs and transitions are kept: the page shows everything still.
      const job = await store.jobs.getJob(done.jobId);
      expect(job!.transitions.map((t) => t.state)).toEqual(['queued', 'running', 'succeeded']);
      expect((await store.jobs.readLog(done.jobId, 1, 0, 1000)).length).toBe(250);
      const snap = await store.jobs.snapshot(done.id, 1000);
      expect(snap.jobs[0]!.logs[0]!.lines).toHaveLength(250);

      // Once the other job ends, everything old goes but the newest event; ids keep growing.
      await store.jobs.transition({
        jobId: running.jobId,
        attempt: 1,
        state: 'failed',
        time: now(),
        message: 'no',
      });
      const last = await store.jobs.lastEventId();
      const second = await store.jobs.sweepEvents(new Date(Date.now() + 1000).toISOString());
      expect(second.horizon).toBe(last - 1);
      expect((await allEvents(store)).map((e) => e.id)).toEqual([last]);
      expect(await store.jobs.lastEventId()).toBe(last);
      const third = await store.jobs.sweepEvents(new Date(Date.now() + 1000).toISOString());
      expect(third).toEqual({ deleted: 0, horizon: last - 1 });
      const next = await submitted(store);
      await store.jobs.transition({
        jobId: next.jobId,
        attempt: 1,
        state: 'queued',
        time: now(),
        message: 'Queued',
        cause: 'submitted',
      });
      expect((await allEvents(store)).map((e) => e.id)).toEqual([last, last + 1]);
    });

    it('the hub answers a resume below the horizon with ResyncNeeded, and replays one at or above it', async () => {
      const store = await open();
      const a = await submitted(store);
      const b = await submitted(store);
      await run(store, a.jobId, 120, true);
      const resumeFrom = await store.jobs.lastEventId();
      await run(store, b.jobId, 120, true);
      const hub = new EventHub(store.jobs);
      await hub.start();
      try {
        const swept = await store.jobs.sweepEvents(new Date(Date.now() + 1000).toISOString());
        expect(swept.deleted).toBeGreaterThan(0);
        const got: LiveEvent[] = [];
        const subscriber = { filter: { submissionIds: [b.id] }, send: (e: LiveEvent) => got.push(e) };
        const refused = await hub.subscribe(subscriber, resumeFrom).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(refused).toBeInstanceOf(ResyncNeeded);
        expect(refused).toMatchObject({ since: resumeFrom, horizon: swept.horizon });
        expect(hub.connections).toBe(0);
        // From the horizon (what a fresh snapshot carries at least): nothing older, then live.
        const snap = await store.jobs.snapshot(b.id, 10);
        expect(snap.eventId).toBeGreaterThanOrEqual(swept.horizon);
        const stop = await hub.subscribe(subscriber, snap.eventId);
        const rerunTime = now();
        await store.jobs.transition({
          jobId: b.jobId,
          attempt: 2,
          state: 'queued',
          time: rerunTime,
          message: 'Again',
          cause: 'rerun',
        });
        for (let i = 0; i < 1000 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        expect(got.map((e) => [e.kind, (e.payload as { state: string }).state, e.attempt])).toEqual([
          ['state', 'queued', 2],
        ]);
        expect(got[0]!.id).toBeGreaterThan(snap.eventId);
        stop();
      } finally {
        hub.close();
      }
    });
  });
}
