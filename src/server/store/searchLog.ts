/**
 * Searches one attempt's stored log for a plain substring, case-insensitively in every script, in SQL
 * on SQLite and PostgreSQL alike: a page shows only the tail of a long log, so its search must ask the
 * store, not filter what it loaded. The needle's LIKE wildcards (% and _) and the escape character are
 * escaped, so "50%" and "a_b" match literally. No index: the primary key (job_id, attempt, seq) narrows
 * the scan to one attempt, whose log is capped (10 MB by default), and a substring needs a scan anyway.
 */
import { type Expression, type Kysely, sql } from 'kysely';
import { foldCase } from '../../schemas/index';
import type { LogStream } from '../jobs/index';
import { caseFoldingsInto } from './caseFoldingsInto';
import type { Database } from './Database';
import type { LogSearch, LogSearchPage } from './JobStore';

/** The needle as a LIKE pattern matching it anywhere, with `\` as the escape character. */
export const likePattern = (needle: string): string => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The stored text folded enough for LIKE with the folded needle to match as folding the whole line
 * would (caseFoldingsInto.ts). Not the database's lower() alone: SQLite's folds ASCII only,
 * PostgreSQL's follows the database's locale (ASCII only under C, I to dotless ı under a Turkish one),
 * so the two stores answered differently. ASCII capitals are left to what each does fast in C:
 * SQLite's LIKE ignores ASCII case itself, PostgreSQL's lower() under the C collation folds exactly
 * A-Z whatever the database's locale. An ASCII-only needle stops there. Otherwise an ASCII-only line
 * (the guard compares bytes with characters) is still left alone, and the others are folded: on
 * SQLite by formulary_fold (foldNonAscii, registered by openSqliteStore), on PostgreSQL by one
 * translate() for the one-to-one foldings the needle needs and a replace() per expanding one (ß to ss).
 * Cost, bench:logsearch, 100,000 lines of which a third hold non-ASCII, new/old in the same run (two
 * runs, load average 13-17 on 2 cores): ASCII needles 0.6-0.8 on both stores; non-ASCII needles
 * 2.5-3.7 on SQLite (a call into JavaScript per non-ASCII line) and 1.0-1.9 on PostgreSQL; at most
 * about 0.6 s for the 100,000 lines.
 */
function foldedText(kind: 'sqlite' | 'postgres', needle: string): Expression<string> {
  const text = sql.ref<string>('text');
  const lowered = sql<string>`lower(${text} collate "C")`;
  const pairs = caseFoldingsInto(needle).filter(([from]) => from.codePointAt(0)! > 0x7f);
  if (pairs.length === 0) return kind === 'sqlite' ? text : lowered;
  if (kind === 'sqlite')
    return sql<string>`case when length(${text}) = length(cast(${text} as blob)) then ${text} else formulary_fold(${text}) end`;
  const single = pairs.filter(([, to]) => [...to].length === 1);
  const translated =
    single.length === 0
      ? lowered
      : sql<string>`translate(${lowered}, ${single.map(([from]) => from).join('')}, ${single.map(([, to]) => to).join('')})`;
  // At most 104 nested calls: that many characters of Unicode's table fold to more than one.
  const folded = pairs
    .filter(([, to]) => [...to].length > 1)
    .reduce((inner, [from, to]) => sql<string>`replace(${inner}, ${from}, ${to})`, translated);
  return sql<string>`case when octet_length(${text}) = char_length(${text}) then ${lowered} else ${folded} end`;
}

/**
 * Matching lines with seq in (afterSeq, throughSeq], in order, at most `limit`, and how many match
 * in (0, throughSeq]. Case folds the Unicode way (foldCase: Σ σ ς alike, ß and ss alike), the same on
 * SQLite and on PostgreSQL under any locale. O(lines of the attempt × non-ASCII letters folded) per
 * call: two scans of one attempt's rows, each row through the foldings the needle needs.
 */
export async function searchLog(
  db: Kysely<Database>,
  kind: 'sqlite' | 'postgres',
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
    .where(sql<boolean>`${foldedText(kind, needle)} like ${pattern} escape '\\'`);
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
