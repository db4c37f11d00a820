/**
 * Migration 0011: open live sockets follow their user's current rights. A session's end (sign-out,
 * or a purge after expiry) now raises the principals' generation too, and on PostgreSQL every raise
 * also sends a NOTIFY on the live event channel (payload "principals"), so the processes that hold
 * sockets hear a change made through any other process (or `formulary users`) at its commit.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './Dialect';

/** The NOTIFY payload that says "who someone is changed", on the event channel (EVENT_CHANNEL). */
export const PRINCIPALS_PAYLOAD = 'principals';
/** The event channel's name; also in insertAcceptedJobs.ts (a migration never imports live code). */
const CHANNEL = 'formulary_events';

const bumpFunction = (notify: boolean) => sql`
  create or replace function formulary_bump_auth_generation() returns trigger language plpgsql as $$
  begin
    update auth_generation set value = value + 1 where name = 'principals';
    ${notify ? sql.raw(`perform pg_notify('${CHANNEL}', '${PRINCIPALS_PAYLOAD}');`) : sql.raw('')}
    return null;
  end $$`;

export function principalsWakeupMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await bumpFunction(true).execute(db);
        await sql`
          create trigger sessions_bump_auth_generation after delete on sessions
          for each statement execute function formulary_bump_auth_generation()`.execute(db);
        return;
      }
      await sql
        .raw(
          `create trigger "sessions_delete_bump_auth_generation" after delete on "sessions" ` +
            `begin update auth_generation set value = value + 1 where name = 'principals'; end`,
        )
        .execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`drop trigger if exists sessions_bump_auth_generation on sessions`.execute(db);
        await bumpFunction(false).execute(db);
        return;
      }
      await sql.raw('drop trigger if exists "sessions_delete_bump_auth_generation"').execute(db);
    },
  };
}
