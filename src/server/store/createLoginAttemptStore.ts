/**
 * The LoginAttemptStore over Kysely: the same statements on SQLite and PostgreSQL. The count is one
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, so it is atomic on both without a transaction or a
 * lock of ours: PostgreSQL makes concurrent upserts of one key wait on its unique index and apply
 * each to the row as the previous one left it; SQLite runs one writer at a time. A read-then-write
 * (as the plugin's Knex and Sequelize examples do) would let two processes both read 9 and write 10.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './Database';
import type { AttemptWindow, LoginAttemptStore } from './LoginAttemptStore';

export function createLoginAttemptStore(db: Kysely<Database>): LoginAttemptStore {
  return {
    async countAttempt(key, now, windowMs): Promise<AttemptWindow> {
      const fresh = new Date(Date.parse(now) + windowMs).toISOString();
      // Both SET expressions read the row as it was before this statement: an ended window restarts
      // at 1 with a new end; a running one counts on and keeps its end.
      const ended = sql<boolean>`${sql.ref('login_attempts.resets_at')} <= ${now}`;
      const row = await db
        .insertInto('login_attempts')
        .values({ key, attempts: 1, resets_at: fresh })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            attempts: sql<number>`case when ${ended} then 1 else ${sql.ref('login_attempts.attempts')} + 1 end`,
            resets_at: sql<string>`case when ${ended} then ${sql.ref('excluded.resets_at')} else ${sql.ref('login_attempts.resets_at')} end`,
          }),
        )
        .returning(['attempts', 'resets_at'])
        .executeTakeFirstOrThrow();
      return { attempts: Number(row.attempts), resetsAt: row.resets_at };
    },

    async readAttempts(key, now) {
      const row = await db
        .selectFrom('login_attempts')
        .select(['attempts', 'resets_at'])
        .where('key', '=', key)
        .where('resets_at', '>', now)
        .executeTakeFirst();
      return row ? { attempts: Number(row.attempts), resetsAt: row.resets_at } : undefined;
    },

    async purgeAttempts(now) {
      const result = await db.deleteFrom('login_attempts').where('resets_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
