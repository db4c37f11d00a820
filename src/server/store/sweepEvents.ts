/**
 * The events table's retention: a sweep deletes the events of finished jobs (no attempt queued or
 * running) created before a cut-off, and raises the horizon, the highest id it ever deleted, in the
 * same transaction. Jobs, attempts, transitions and log lines have their own tables and stay, so the
 * pages lose nothing; only a replay that reaches below the horizon is refused (the client reloads its
 * snapshot). The newest event is always kept: SQLite hands out max(id) + 1, and an empty table would
 * start ids again at 1.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './Database';
import type { SweepResult } from './JobStore';

export async function readHorizon(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('event_horizon')
    .select('horizon')
    .where('name', '=', 'events')
    .executeTakeFirst();
  return row ? Number(row.horizon) : 0;
}

/** Events deleted per transaction: a first sweep of a large table must not hold the write lock long. */
export const SWEEP_BATCH = 10_000;

export async function sweepEvents(
  db: Kysely<Database>,
  before: string,
  limit = SWEEP_BATCH,
): Promise<SweepResult> {
  return db.transaction().execute(async (trx) => {
    const newest = await trx
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const previous = await trx
      .selectFrom('event_horizon')
      .select('horizon')
      .where('name', '=', 'events')
      .executeTakeFirst();
    const horizon = previous ? Number(previous.horizon) : 0;
    if (newest?.id == null) return { deleted: 0, horizon };
    const doomed = trx
      .selectFrom('events as e')
      .select('e.id')
      .where('e.created_at', '<', before)
      .where('e.id', '<', Number(newest.id))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('job_attempts as a')
              .select('a.attempt')
              .whereRef('a.job_id', '=', 'e.job_id')
              .where('a.state', 'in', ['queued', 'running']),
          ),
        ),
      )
      .orderBy('e.id')
      .limit(limit);
    // The ids actually deleted set the horizon (a job finishing meanwhile may add some).
    const gone = await trx.deleteFrom('events').where('id', 'in', doomed).returning('id').execute();
    if (gone.length === 0) return { deleted: 0, horizon };
    const next = gone.reduce((max, r) => Math.max(max, Number(r.id)), horizon);
    // Two processes may sweep at once: the horizon only ever rises.
    await trx
      .insertInto('event_horizon')
      .values({ name: 'events', horizon: next })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({
          horizon: sql<number>`case when event_horizon.horizon < excluded.horizon then excluded.horizon else event_horizon.horizon end`,
        }),
      )
      .execute();
    return { deleted: gone.length, horizon: next };
  });
}
