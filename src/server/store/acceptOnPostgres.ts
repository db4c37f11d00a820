/**
 * accept() on PostgreSQL in one round trip: a single statement whose data-modifying CTEs insert the
 * key (ON CONFLICT DO NOTHING) and, only when that inserted, the submission, jobs, attempts,
 * transitions, events and audit entry. One statement in autocommit is one transaction: all of it
 * commits or none. Before, the same accept was BEGIN, about nine statements and COMMIT, each a round
 * trip to the server while the pool connection (and, for events, the advisory lock) was held.
 *
 * Guarantees kept: the key is the primary key, so a concurrent second statement with the same key
 * waits for the first to commit and inserts nothing (the store then reads the holder and answers
 * keyTaken); foreign keys are checked at the end of the statement, so the key may be inserted before
 * its submission; the event lock is taken before the events get their ids and held to commit, as the
 * recorder does, and NOTIFY is delivered only at commit.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AcceptWriter } from './AcceptWriter';
import type { AcceptRows } from './acceptRows';
import type { Database } from './Database';
import { EVENT_CHANNEL, EVENT_LOCK } from './insertAcceptedJobs';

/**
 * Past this many jobs the general writer's multi-row inserts are used instead (PostgreSQL takes at
 * most 65,535 parameters in one statement; a job costs 28 here).
 */
const MAX_JOBS = 1000;

const text = (v: string | null | undefined): RawBuilder<unknown> => sql`${v ?? null}::text`;
const int = (v: number | null | undefined): RawBuilder<unknown> => sql`${v ?? null}::integer`;

/** `(a, b, ...)` of typed values, for a VALUES list. */
const tuple = (values: RawBuilder<unknown>[]) => sql`(${sql.join(values)})`;

/** The single statement; its one row says whether the key was taken and the highest event id. */
function acceptStatement(rows: AcceptRows) {
  const s = rows.submission;
  const k = rows.key;
  const parts: RawBuilder<unknown>[] = [
    sql`k as (
      insert into idempotency_keys (key, fingerprint, submission_id, response_status, response_body, created_at, expires_at)
      values (${k.key}, ${k.fingerprint}, ${k.submission_id}, ${int(k.response_status)}, ${k.response_body}, ${k.created_at}, ${k.expires_at})
      on conflict (key) do nothing
      returning key)`,
    sql`s as (
      insert into submissions (id, instrument, schema_version, client_schema_version, status, proposal, submitter, idempotency_key, request_text, created_at, defaults_revision)
      select ${text(s.id)}, ${text(s.instrument)}, ${int(s.schema_version)}, ${int(s.client_schema_version)}, ${text(s.status)},
        ${text(s.proposal)}, ${text(s.submitter)}, ${text(s.idempotency_key)}, ${text(s.request_text)}, ${text(s.created_at)}, ${int(s.defaults_revision ?? null)}
      from k)`,
  ];
  if (rows.audit) {
    const a = rows.audit;
    parts.push(sql`au as (
      insert into audit_log (time, actor, action, target, address, outcome, detail)
      select ${text(a.time)}, ${text(a.actor)}, ${text(a.action)}, ${text(a.target)}, ${text(a.address)}, ${text(a.outcome)}, ${text(a.detail)}
      from k)`);
  }
  const hasJobs = rows.jobRows.length > 0;
  if (hasJobs) {
    const jobs = rows.jobRows.map((j) =>
      tuple([
        text(j.id),
        text(j.submission_id),
        text(j.instrument),
        int(j.job_index),
        int(j.scan_index),
        text(j.label),
        text(j.request_text),
        int(j.max_parallel),
        int(j.stop_on_failure),
        text(j.created_at),
      ]),
    );
    const attempts = rows.attemptRows.map((a) =>
      tuple([
        text(a.job_id),
        int(a.attempt),
        text(a.cause),
        text(a.state),
        text(a.message),
        text(a.queued_at),
      ]),
    );
    const transitions = rows.transitionRows.map((t) =>
      tuple([text(t.job_id), int(t.attempt), text(t.state), text(t.time), text(t.message)]),
    );
    const events = rows.eventRows.map((e) =>
      tuple([
        text(e.submission_id),
        text(e.instrument),
        text(e.job_id),
        int(e.attempt),
        text(e.kind),
        text(e.payload),
        text(e.created_at),
      ]),
    );
    parts.push(
      sql`j as (
        insert into jobs (id, submission_id, instrument, job_index, scan_index, label, request_text, max_parallel, stop_on_failure, created_at)
        select v.* from k, (values ${sql.join(jobs)}) as v)`,
      sql`a as (
        insert into job_attempts (job_id, attempt, cause, state, message, queued_at)
        select v.* from k, (values ${sql.join(attempts)}) as v)`,
      sql`t as (
        insert into job_transitions (job_id, attempt, state, time, message)
        select v.* from k, (values ${sql.join(transitions)}) as v)`,
      // The lock is taken (only when the key was) before any event row, hence any event id, exists:
      // the events' rows are produced from the lock's one row.
      sql`lk as (select pg_advisory_xact_lock(${EVENT_LOCK}::bigint) from k)`,
      sql`e as (
        insert into events (submission_id, instrument, job_id, attempt, kind, payload, created_at)
        select v.* from lk, (values ${sql.join(events)}) as v
        returning id)`,
      sql`n as (select pg_notify(${EVENT_CHANNEL}::text, e.id::text) from e)`,
    );
  }
  const eventId = hasJobs ? sql`(select coalesce(max(id), 0) from e)` : sql`0`;
  const notified = hasJobs ? sql`(select count(*) from n)` : sql`0`;
  return sql<{ stored: number; last_event_id: number; notified: number }>`
    with ${sql.join(parts)}
    select (select count(*) from k)::integer as stored, ${eventId}::bigint as last_event_id, ${notified}::integer as notified`;
}

/** The PostgreSQL writer; `general` takes what one statement should not (expired keys, huge plans). */
export function postgresAcceptWriter(db: Kysely<Database>, general: AcceptWriter): AcceptWriter {
  return {
    findKey: general.findKey,
    async tryAccept(rows, now) {
      if (rows.jobRows.length > MAX_JOBS) return general.tryAccept(rows, now);
      const result = await acceptStatement(rows).execute(db);
      const row = result.rows[0];
      if (!row || Number(row.stored) === 0) return { stored: false };
      return { stored: true, lastEventId: Number(row.last_event_id) };
    },
  };
}
