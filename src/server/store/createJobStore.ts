/**
 * The JobStore over Kysely, the same queries on SQLite and PostgreSQL: it wires the store's parts
 * (one file each, named below) and wakes this process's event readers after each commit that stored
 * an event. Each recorder call is one transaction: the attempt row, the transition (or the log lines)
 * and the event commit together, so an event exists exactly when what it reports does (addEvent.ts).
 */
import type { Kysely } from 'kysely';
import type { JobState, JobTransition, LogLine, LogStream, StopReason } from '../jobs/index';
import { addEvent, jobOf } from './addEvent';
import { appendLogLines } from './appendLogLines';
import { createJobs } from './createJobs';
import type { Database } from './Database';
import { eventsSince } from './eventsSince';
import { findSubmissionsWithoutJobs, findUnfinished, findUnstarted } from './findUnfinished';
import { EVENT_CHANNEL } from './insertAcceptedJobs';
import type { JobStore } from './JobStore';
import { lastEventIdOf, readSnapshot } from './readSnapshot';
import { recordTransition } from './recordTransition';
import { searchLog } from './searchLog';
import { readHorizon, sweepEvents } from './sweepEvents';
import { toAttempt } from './toAttempt';
import { selectJobs, withAttempts } from './withAttempts';

export { EVENT_CHANNEL, toAttempt };

export interface JobStoreOptions {
  /** PostgreSQL only: listen for other processes' events; returns a function that stops listening. */
  readonly listen?: (
    wake: (id: number) => void,
    principalsChanged: () => void,
  ) => Promise<() => Promise<void>>;
  /** Called when the listener hears that who someone is changed (the "principals" payload). */
  readonly principalsChanged?: () => void;
}

export type ClosableJobStore = JobStore & {
  close(): Promise<void>;
  /** Wakes this process's event readers after a commit that stored events up to `id` (accept()). */
  announce(id: number): void;
};

export function createJobStore(
  db: Kysely<Database>,
  kind: 'sqlite' | 'postgres',
  options: JobStoreOptions = {},
): ClosableJobStore {
  const wakers = new Set<(id: number) => void>();
  let stopListening: Promise<() => Promise<void>> | undefined;
  const wakeAll = (id: number) => {
    for (const wake of wakers) wake(id);
  };

  const transition = async (change: JobTransition): Promise<void> => {
    const eventId = await recordTransition(db, kind, change);
    if (eventId !== undefined) wakeAll(eventId);
  };

  const appendLog = async (jobId: string, attempt: number, lines: readonly LogLine[]): Promise<void> => {
    const eventId = await appendLogLines(db, kind, jobId, attempt, lines);
    if (eventId !== undefined) wakeAll(eventId);
  };

  return {
    transition,
    appendLog,
    announce: wakeAll,

    createJobs: (submissionId, instrument, planned) => createJobs(db, submissionId, instrument, planned),

    async jobsOf(submissionId) {
      const rows = await selectJobs(db)
        .where('submission_id', '=', submissionId)
        .orderBy('job_index')
        .execute();
      return withAttempts(db, rows);
    },

    async jobsOfSubmissions(submissionIds) {
      if (submissionIds.length === 0) return [];
      const rows = await selectJobs(db)
        .where('submission_id', 'in', [...submissionIds])
        .orderBy('submission_id')
        .orderBy('job_index')
        .execute();
      return withAttempts(db, rows);
    },

    async getJob(jobId) {
      const row = await selectJobs(db).where('id', '=', jobId).executeTakeFirst();
      if (!row) return undefined;
      const [job] = await withAttempts(db, [row]);
      const transitions = await db
        .selectFrom('job_transitions')
        .selectAll()
        .where('job_id', '=', jobId)
        .orderBy('seq')
        .execute();
      return {
        ...job!,
        transitions: transitions.map((t) => ({
          attempt: Number(t.attempt),
          state: t.state as JobState,
          time: t.time,
          message: t.message,
          reason: t.reason as StopReason | null,
        })),
      };
    },

    async readLog(jobId, attempt, afterSeq, limit) {
      const rows = await db
        .selectFrom('job_log_lines')
        .select(['seq', 'stream', 'time', 'text'])
        .where('job_id', '=', jobId)
        .where('attempt', '=', attempt)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        stream: r.stream as LogStream,
        time: r.time,
        text: r.text,
      }));
    },

    searchLog: (jobId, attempt, search) => searchLog(db, kind, jobId, attempt, search),
    unfinished: () => findUnfinished(db),
    submissionsWithoutJobs: () => findSubmissionsWithoutJobs(db),
    unstarted: () => findUnstarted(db),
    eventsSince: (afterId, filter, limit) => eventsSince(db, afterId, filter, limit),
    lastEventId: () => lastEventIdOf(db),

    async curveChanged(jobId, attempt, change) {
      const { bytes, time, text } = change;
      const eventId = await db.transaction().execute(async (trx) => {
        const job = await jobOf(trx, jobId);
        if (text !== undefined)
          await trx
            .insertInto('job_curves')
            .values({ job_id: jobId, attempt, text, bytes, time })
            .onConflict((oc) => oc.columns(['job_id', 'attempt']).doUpdateSet({ text, bytes, time }))
            .execute();
        // The text stays out of the event: every follower of the group would get it with each change.
        return addEvent(trx, kind, job, jobId, attempt, 'curve', { bytes, time });
      });
      wakeAll(eventId);
    },

    async storedCurve(jobId, attempt) {
      const row = await db
        .selectFrom('job_curves')
        .select(['text', 'bytes', 'time'])
        .where('job_id', '=', jobId)
        .where('attempt', '=', attempt)
        .executeTakeFirst();
      return row && { text: row.text, bytes: Number(row.bytes), time: row.time };
    },

    snapshot: (submissionId, tailLines) => readSnapshot(db, kind, submissionId, tailLines),
    sweepEvents: (before, limit) => sweepEvents(db, before, limit),
    eventHorizon: () => readHorizon(db),

    onEvent(wake) {
      wakers.add(wake);
      if (options.listen && !stopListening)
        stopListening = options.listen(wakeAll, options.principalsChanged ?? (() => {}));
      return () => {
        wakers.delete(wake);
      };
    },

    async close() {
      if (stopListening) await (await stopListening.catch(() => async () => {}))();
    },
  };
}
