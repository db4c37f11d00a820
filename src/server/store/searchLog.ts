/**
 * Searches one attempt's stored log for a plain substring, case-insensitively in every script, in SQL
 * on SQLite and PostgreSQL alike: a page shows only the tail of a long log, so its search must ask the
 * store, not filter what it loaded. The needle's LIKE wildcards (% and _) and the escape character are
 * escaped, so "50%" and "a_b" match literally. No index: the primary key (job_id, attempt, seq) narrows
 * the scan to one attempt, whose log is capped (10 MB by default), and a substring needs a scan anyway.
 */
import { type Expression, type Kysely, sql } from 'kysely';
import type { LogStream } from '../jobs/index';
import { caseFoldingsInto, foldCase } from './caseFoldingsInto';
import type { Database } from './Database';
import type { LogSearch, LogSearchPage } from './JobStore';

/** The needle as a LIKE pattern matching it anywhere, with `\` as the escape character. */
export const likePattern = (needle: string): string => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Nested replace() calls past this would near SQLite's expression depth limit (1,000). */
const MAX_FOLDINGS = 900;

/**
 * The stored text with every character that could fold into the needle replaced by its folding
 * (caseFoldingsInto.ts), as nested replace() calls, the same SQL on both stores. Not lower(): SQLite's
 * folds ASCII only, PostgreSQL's follows the database's locale (ASCII only under C, I to dotless ı
 * under a Turkish one), so the two stores answered differently. SQLite's LIKE also ignores ASCII case,
 * PostgreSQL's does not; the replacements fold ASCII capitals too, so that difference never shows.
 */
function foldedText(needle: string): Expression<string> {
  const pairs = caseFoldingsInto(needle);
  if (pairs.length > MAX_FOLDINGS)
    throw new Error(
      `log search: the needle needs ${pairs.length} case foldings, more than ${MAX_FOLDINGS}: search for fewer distinct letters`,
    );
  return pairs.reduce<Expression<string>>(
    (text, [from, to]) => sql<string>`replace(${text}, ${from}, ${to})`,
    sql.ref<string>('text'),
  );
}

/**
 * Matching lines with seq in (afterSeq, throughSeq], in order, at most `limit`, and how many match
 * in (0, throughSeq]. Case folds the Unicode way (foldCase: Σ σ ς alike, ß and ss alike), the same on
 * SQLite and on PostgreSQL under any locale. O(lines of the attempt × letters folded) per call: two
 * scans of one attempt's rows, each row through one replace() per folding the needle needs.
 */
export async function searchLog(
  db: Kysely<Database>,
  jobId: string,
  attempt: number,
  search: LogSearch,
): Promise<LogSearchPage> {
  const needle = foldCase(search.needle);
  const pattern = likePattern(needle);
  const matching = db
    .selectFrom('job_log_lines')
    .where('job_id', '=', jobId)
    .where('attempt', '=', attempt)
    .where('seq', '<=', search.throughSeq)
    .where(sql<boolean>`${foldedText(needle)} like ${pattern} escape '\\'`);
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
