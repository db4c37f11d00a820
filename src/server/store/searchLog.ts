/**
 * Searches one attempt's stored log for a plain substring, case-insensitively, in SQL on SQLite and
 * PostgreSQL alike: a page shows only the tail of a long log, so its search must ask the store, not
 * filter what it loaded. The needle's LIKE wildcards (% and _) and the escape character are escaped,
 * so "50%" and "a_b" match literally. No index: the primary key (job_id, attempt, seq) narrows the
 * scan to one attempt, whose log is capped (10 MB by default), and a substring needs a scan anyway.
 */
import { type Kysely, sql } from 'kysely';
import type { LogStream } from '../jobs/index';
import type { Database } from './Database';
import type { LogSearch, LogSearchPage } from './JobStore';

/** The needle as a LIKE pattern matching it anywhere, with `\` as the escape character. */
export const likePattern = (needle: string): string => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Matching lines with seq in (afterSeq, throughSeq], in order, at most `limit`, and how many match
 * in (0, throughSeq]. Both sides go through the database's own lower(), so case folds the same way for
 * the text and the needle (ASCII letters on a C-locale database, all letters on a UTF-8 locale).
 * O(lines of the attempt) per call: two scans of one attempt's rows.
 */
export async function searchLog(
  db: Kysely<Database>,
  jobId: string,
  attempt: number,
  search: LogSearch,
): Promise<LogSearchPage> {
  const pattern = likePattern(search.needle);
  const matching = db
    .selectFrom('job_log_lines')
    .where('job_id', '=', jobId)
    .where('attempt', '=', attempt)
    .where('seq', '<=', search.throughSeq)
    .where(sql<boolean>`lower(${sql.ref('text')}) like lower(${pattern}) escape '\\'`);
  const [count, rows] = await Promise.all([
    matching.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst(),
    matching
      .select(['seq', 'stream', 'time', 'text'])
      .where('seq', '>', search.afterSeq)
      .orderBy('seq')
      .limit(search.limit)
      .execute(),
  ]);
  return {
    total: Number(count?.total ?? 0),
    lines: rows.map((r) => ({
      seq: Number(r.seq),
      stream: r.stream as LogStream,
      time: r.time,
      text: r.text,
    })),
  };
}
