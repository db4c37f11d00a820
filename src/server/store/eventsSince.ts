/**
 * Reads stored live events after an id, in id order, for one group of followers (some submissions,
 * or one instrument): what a live client resuming "after id N" is sent.
 */
import type { Kysely } from 'kysely';
import type { Database } from './Database';
import type { EventFilter, LiveEvent } from './JobStore';

/** At most `limit` events with id > afterId matching `filter`; none for an empty submission list. */
export async function eventsSince(
  db: Kysely<Database>,
  afterId: number,
  filter: EventFilter,
  limit: number,
): Promise<LiveEvent[]> {
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
}
