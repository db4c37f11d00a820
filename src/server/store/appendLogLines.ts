/**
 * Stores a batch of an attempt's log lines in one transaction with its `log` event, each line once
 * by (job, attempt, seq): a retried batch stores only the lines not stored yet, and a batch that was
 * wholly a retry stores no event. The attempt's last_seq only ever rises.
 */
import { type Kysely, sql } from 'kysely';
import type { LogLine } from '../jobs/index';
import { addEvent, jobOf } from './addEvent';
import type { Database } from './Database';

/** Log lines per insert statement: 6 parameters each, far below SQLite's and PostgreSQL's limits. */
const LOG_ROWS = 500;

/** Stores `lines`; the id of their event, or undefined when none was new. */
export async function appendLogLines(
  db: Kysely<Database>,
  kind: 'sqlite' | 'postgres',
  jobId: string,
  attempt: number,
  lines: readonly LogLine[],
): Promise<number | undefined> {
  if (lines.length === 0) return undefined;
  return db.transaction().execute(async (trx) => {
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
    return addEvent(trx, kind, job, jobId, attempt, 'log', { lines: stored });
  });
}
