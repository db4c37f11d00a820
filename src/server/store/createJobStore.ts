/**
 * The JobStore over Kysely, the same queries on SQLite and PostgreSQL. Each recorder call is one
 * transaction: the attempt row, the transition (or the log lines) and the event commit together, so
 * an event exists exactly when what it reports does. On PostgreSQL, event inserts take one advisory
 * lock until commit, so event ids become visible in increasing order (a reader that resumes "after
 * id N" can never miss a smaller id that commits later), and NOTIFY carries the id to other processes.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import {
  type AttemptCause,
  FINAL_STATES,
  type JobState,
  type JobTransition,
  type LogLine,
  type LogStream,
  type StopReason,
  type UnfinishedAttempt,
} from '../jobs/index';
import type { Database } from './Database';
import { EVENT_CHANNEL, EVENT_LOCK } from './insertAcceptedJobs';
import type { AttemptRecord, JobStore, LiveEvent, StoredJob } from './JobStore';
import type { JobAttemptsTable, JobsTable } from './JobTables';
import { jobRequestColumn, storedJobRequest } from './jobRequest';
import { isLatestAttempt } from './latestAttempt';
import { lastEventIdOf, readSnapshot } from './readSnapshot';
import { searchLog } from './searchLog';
import { readHorizon, sweepEvents } from './sweepEvents';

export { EVENT_CHANNEL };

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

export const toAttempt = (row: Selectable<JobAttemptsTable>): AttemptRecord => ({
  jobId: row.job_id,
  attempt: Number(row.attempt),
  cause: row.cause as AttemptCause,
  state: row.state as JobState,
  message: row.message,
  reason: row.reason as StopReason | null,
  pid: row.pid === null ? null : Number(row.pid),
  runnerId: row.runner_id,
  exitCode: row.exit_code === null ? null : Number(row.exit_code),
  signal: row.signal,
  peakMemoryBytes: row.peak_memory_bytes === null ? null : Number(row.peak_memory_bytes),
  queuedAt: row.queued_at,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  lastSeq: Number(row.last_seq),
});

/** A jobs row with its request as jobRequestColumn reads it (its own, or its submission's). */
type JobRow = Selectable<JobsTable> & { job_request: string };

const toJob = (row: JobRow, attempts: AttemptRecord[]): StoredJob => ({
  id: row.id,
  submissionId: row.submission_id,
  instrument: row.instrument,
  index: Number(row.job_index),
  scanIndex: row.scan_index === null ? null : Number(row.scan_index),
  label: row.label,
  request: JSON.parse(row.job_request),
  maxParallel: row.max_parallel === null ? null : Number(row.max_parallel),
  stopOnFailure: Number(row.stop_on_failure) === 1,
  createdAt: row.created_at,
  attempts,
});

/** Log lines per insert statement: 6 parameters each, far below SQLite's and PostgreSQL's limits. */
const LOG_ROWS = 500;

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

  /** Every column of `jobs`, plus the job's request: its own, or its submission's (jobRequest.ts). */
  const selectJobs = () =>
    db.selectFrom('jobs').selectAll('jobs').select(jobRequestColumn('jobs').as('job_request'));

  const withAttempts = async (rows: JobRow[]): Promise<StoredJob[]> => {
    if (rows.length === 0) return [];
    const attempts = await db
      .selectFrom('job_attempts')
      .selectAll()
      .where(
        'job_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('job_id')
      .orderBy('attempt')
      .execute();
    const byJob = new Map<string, AttemptRecord[]>();
    for (const a of attempts) {
      const list = byJob.get(a.job_id) ?? [];
      list.push(toAttempt(a));
      byJob.set(a.job_id, list);
    }
    return rows.map((r) => toJob(r, byJob.get(r.id) ?? []));
  };

  /** Inserts the event inside `trx`, ordered and announced; returns its id. */
  const addEvent = async (
    trx: Transaction<Database>,
    job: { submission_id: string; instrument: string },
    jobId: string,
    attempt: number,
    eventKind: LiveEvent['kind'],
    payload: unknown,
  ): Promise<number> => {
    if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${EVENT_LOCK})`.execute(trx);
    const row = await trx
      .insertInto('events')
      .values({
        submission_id: job.submission_id,
        instrument: job.instrument,
        job_id: jobId,
        attempt,
        kind: eventKind,
        payload: JSON.stringify(payload),
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    // Delivered by PostgreSQL at commit, never for a rolled-back transaction.
    if (kind === 'postgres') await sql`select pg_notify(${EVENT_CHANNEL}, ${String(id)})`.execute(trx);
    return id;
  };

  const jobOf = async (trx: Transaction<Database>, jobId: string) => {
    const job = await trx
      .selectFrom('jobs')
      .select(['submission_id', 'instrument'])
      .where('id', '=', jobId)
      .executeTakeFirst();
    if (!job) throw new Error(`job ${jobId} is not stored`);
    return job;
  };

  const transition = async (change: JobTransition): Promise<void> => {
    const eventId = await db.transaction().execute(async (trx) => {
      const job = await jobOf(trx, change.jobId);
      const current = await trx
        .selectFrom('job_attempts')
        .selectAll()
        .where('job_id', '=', change.jobId)
        .where('attempt', '=', change.attempt)
        .executeTakeFirst();
      if (change.state === 'queued') {
        if (current) return undefined; // a retry whose acknowledgement was lost
        await trx
          .insertInto('job_attempts')
          .values({
            job_id: change.jobId,
            attempt: change.attempt,
            cause: change.cause ?? 'submitted',
            state: 'queued',
            message: change.message,
            reason: null,
            pid: null,
            runner_id: null,
            exit_code: null,
            signal: null,
            peak_memory_bytes: null,
            queued_at: change.time,
            started_at: null,
            ended_at: null,
            last_seq: 0,
          })
          .execute();
      } else {
        if (!current)
          throw new Error(`job ${change.jobId} has no attempt ${change.attempt} to move to ${change.state}`);
        if (current.state === change.state) return undefined; // a retry
        if (FINAL_STATES.has(current.state as JobState))
          throw new Error(
            `job ${change.jobId} attempt ${change.attempt} is already ${current.state}; it cannot become ${change.state}`,
          );
        const final = FINAL_STATES.has(change.state);
        await trx
          .updateTable('job_attempts')
          .set({
            state: change.state,
            message: change.message,
            ...(change.reason === undefined ? {} : { reason: change.reason }),
            ...(change.pid === undefined ? {} : { pid: change.pid }),
            ...(change.runnerId === undefined ? {} : { runner_id: change.runnerId }),
            ...(change.exitCode === undefined ? {} : { exit_code: change.exitCode }),
            ...(change.signal === undefined ? {} : { signal: change.signal }),
            ...(change.peakMemoryBytes === undefined ? {} : { peak_memory_bytes: change.peakMemoryBytes }),
            ...(change.state === 'running' ? { started_at: change.time } : {}),
            ...(final ? { ended_at: change.time } : {}),
          })
          .where('job_id', '=', change.jobId)
          .where('attempt', '=', change.attempt)
          .execute();
      }
      await trx
        .insertInto('job_transitions')
        .values({
          job_id: change.jobId,
          attempt: change.attempt,
          state: change.state,
          time: change.time,
          message: change.message,
          reason: change.reason ?? null,
        })
        .execute();
      return addEvent(trx, job, change.jobId, change.attempt, 'state', change);
    });
    if (eventId !== undefined) wakeAll(eventId);
  };

  const appendLog = async (jobId: string, attempt: number, lines: readonly LogLine[]): Promise<void> => {
    if (lines.length === 0) return;
    const eventId = await db.transaction().execute(async (trx) => {
      const job = await jobOf(trx, jobId);
      // One statement per LOG_ROWS lines, not one per line: bench:live (10,000 lines/s) measured the
      // per-line inserts as the server's bottleneck, lines waiting seconds to be stored. RETURNING
      // lists only the rows inserted (a retried line hits the conflict and is left out).
      const stored: LogLine[] = [];
      for (let i = 0; i < lines.length; i += LOG_ROWS) {
        const chunk = lines.slice(i, i + LOG_ROWS);
        const inserted = await trx
          .insertInto('job_log_lines')
          .values(
            chunk.map((line) => ({
              job_id: jobId,
              attempt,
              seq: line.seq,
              stream: line.stream,
              time: line.time,
              text: line.text,
            })),
          )
          .onConflict((oc) => oc.columns(['job_id', 'attempt', 'seq']).doNothing())
          .returning('seq')
          .execute();
        const fresh = new Set(inserted.map((row) => Number(row.seq)));
        for (const line of chunk) if (fresh.has(line.seq)) stored.push(line);
      }
      if (stored.length === 0) return undefined; // the whole batch was a retry
      const highest = Math.max(...stored.map((l) => l.seq));
      await trx
        .updateTable('job_attempts')
        .set({ last_seq: sql<number>`case when last_seq < ${highest} then ${highest} else last_seq end` })
        .where('job_id', '=', jobId)
        .where('attempt', '=', attempt)
        .execute();
      return addEvent(trx, job, jobId, attempt, 'log', { lines: stored });
    });
    if (eventId !== undefined) wakeAll(eventId);
  };

  return {
    transition,
    appendLog,
    announce: wakeAll,

    async createJobs(submissionId, instrument, planned) {
      const existing = await selectJobs().where('submission_id', '=', submissionId).execute();
      if (existing.length > 0) return withAttempts(existing.sort((a, b) => a.job_index - b.job_index));
      const now = new Date().toISOString();
      const rows = planned.map((p) => ({
        id: randomUUID(),
        submission_id: submissionId,
        instrument,
        job_index: p.index,
        scan_index: p.scanIndex,
        label: p.label,
        request_text: storedJobRequest(p),
        max_parallel: p.maxParallel ?? null,
        stop_on_failure: p.stopOnFailure === true ? 1 : 0,
        created_at: now,
      }));
      try {
        await db.transaction().execute(async (trx) => {
          for (const row of rows) await trx.insertInto('jobs').values(row).execute();
        });
      } catch (error) {
        // Another process planned the same submission at the same time: its jobs stand.
        const raced = await selectJobs().where('submission_id', '=', submissionId).execute();
        if (raced.length === 0) throw error;
        return withAttempts(raced.sort((a, b) => a.job_index - b.job_index));
      }
      return rows.map((r, i) => toJob({ ...r, job_request: JSON.stringify(planned[i]!.request) }, []));
    },

    async jobsOf(submissionId) {
      const rows = await selectJobs()
        .where('submission_id', '=', submissionId)
        .orderBy('job_index')
        .execute();
      return withAttempts(rows);
    },

    async jobsOfSubmissions(submissionIds) {
      if (submissionIds.length === 0) return [];
      const rows = await selectJobs()
        .where('submission_id', 'in', [...submissionIds])
        .orderBy('submission_id')
        .orderBy('job_index')
        .execute();
      return withAttempts(rows);
    },

    async getJob(jobId) {
      const row = await selectJobs().where('id', '=', jobId).executeTakeFirst();
      if (!row) return undefined;
      const [job] = await withAttempts([row]);
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

    searchLog: (jobId, attempt, search) => searchLog(db, jobId, attempt, search),

    async unfinished() {
      const rows = await db
        .selectFrom('job_attempts as a')
        .innerJoin('jobs as j', 'j.id', 'a.job_id')
        .selectAll('a')
        .select([
          'j.submission_id',
          'j.instrument',
          'j.scan_index',
          jobRequestColumn('j').as('job_request'),
          'j.max_parallel',
          'j.stop_on_failure',
          (eb) =>
            eb
              .selectFrom('job_attempts as r')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('r.job_id', '=', 'a.job_id')
              .where('r.cause', '=', 'recovery')
              .as('recoveries'),
        ])
        .where('a.state', 'in', ['queued', 'running'])
        .where(isLatestAttempt)
        .orderBy('a.queued_at')
        .execute();
      return rows.map(
        (r): UnfinishedAttempt => ({
          jobId: r.job_id,
          attempt: Number(r.attempt),
          submissionId: r.submission_id,
          instrument: r.instrument,
          scanIndex: r.scan_index === null ? null : Number(r.scan_index),
          request: JSON.parse(r.job_request),
          cause: r.cause as AttemptCause,
          ...(r.max_parallel === null ? {} : { maxParallel: Number(r.max_parallel) }),
          ...(Number(r.stop_on_failure) === 1 ? { stopOnFailure: true } : {}),
          state: r.state as 'queued' | 'running',
          runnerId: r.runner_id,
          pid: r.pid === null ? null : Number(r.pid),
          lastSeq: Number(r.last_seq),
          recoveries: Number(r.recoveries),
        }),
      );
    },

    async submissionsWithoutJobs() {
      const rows = await db
        .selectFrom('submissions as s')
        .select(['s.id', 's.instrument', 's.request_text'])
        .where('s.status', '=', 'accepted')
        .where((eb) =>
          eb.not(
            eb.exists(eb.selectFrom('jobs as j').select('j.id').whereRef('j.submission_id', '=', 's.id')),
          ),
        )
        .orderBy('s.seq')
        .execute();
      return rows.map((r) => ({ id: r.id, instrument: r.instrument, requestText: r.request_text }));
    },

    async unstarted() {
      const rows = await db
        .selectFrom('jobs as j')
        .selectAll('j')
        .select(jobRequestColumn('j').as('job_request'))
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('job_attempts as a').select('a.attempt').whereRef('a.job_id', '=', 'j.id'),
            ),
          ),
        )
        .orderBy('j.created_at')
        .orderBy('j.job_index')
        .execute();
      return rows.map((r) => toJob(r, []));
    },

    async eventsSince(afterId, filter, limit) {
      let query = db.selectFrom('events').selectAll().where('id', '>', afterId);
      if (filter.submissionIds !== undefined) {
        if (filter.submissionIds.length === 0) return [];
        query = query.where('submission_id', 'in', [...filter.submissionIds]);
      }
      if (filter.instrument !== undefined) query = query.where('instrument', '=', filter.instrument);
      const rows = await query.orderBy('id').limit(limit).execute();
      return rows.map(
        (r): LiveEvent => ({
          id: Number(r.id),
          submissionId: r.submission_id,
          instrument: r.instrument,
          jobId: r.job_id,
          attempt: Number(r.attempt),
          kind: r.kind as LiveEvent['kind'],
          payload: JSON.parse(r.payload),
          createdAt: r.created_at,
        }),
      );
    },

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
        return addEvent(trx, job, jobId, attempt, 'curve', { bytes, time });
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

    snapshot: (submissionId, tailLines) =>
      readSnapshot(db, kind, submissionId, tailLines, toAttempt as never),
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
