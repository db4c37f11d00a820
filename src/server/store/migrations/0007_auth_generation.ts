/**
 * Migration 0007: the principals' generation, one counter that every change to who someone is (users,
 * memberships, API tokens) raises in the same transaction, by trigger, whoever writes it (the service,
 * the `formulary users` command, another server process, an operator in psql). A server process may
 * keep what a token resolved to as long as the counter has not moved: one indexed read per request
 * instead of four, and a revocation still counts from the next request on, in every process.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './Dialect';

/** The tables whose rows make up a token's principal. */
const PRINCIPAL_TABLES = ['users', 'proposal_members', 'instrument_staff', 'api_tokens'] as const;

export function authGenerationMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('auth_generation')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into auth_generation (name, value) values ('principals', 1)`.execute(db);
      if (dialect === 'postgres') {
        await sql`
          create function formulary_bump_auth_generation() returns trigger language plpgsql as $$
          begin
            update auth_generation set value = value + 1 where name = 'principals';
            return null;
          end $$`.execute(db);
        for (const table of PRINCIPAL_TABLES)
          await sql`
            create trigger ${sql.id(`${table}_bump_auth_generation`)}
            after insert or update or delete on ${sql.id(table)}
            for each statement execute function formulary_bump_auth_generation()`.execute(db);
        return;
      }
      // SQLite has one event per trigger and no statement-level triggers: one per table and event.
      for (const table of PRINCIPAL_TABLES)
        for (const event of ['insert', 'update', 'delete'] as const)
          await sql
            .raw(
              `create trigger "${table}_${event}_bump_auth_generation" after ${event} on "${table}" ` +
                `begin update auth_generation set value = value + 1 where name = 'principals'; end`,
            )
            .execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const table of PRINCIPAL_TABLES) {
        if (dialect === 'postgres')
          await sql`drop trigger if exists ${sql.id(`${table}_bump_auth_generation`)} on ${sql.id(table)}`.execute(
            db,
          );
        else
          for (const event of ['insert', 'update', 'delete'])
            await sql.raw(`drop trigger if exists "${table}_${event}_bump_auth_generation"`).execute(db);
      }
      if (dialect === 'postgres')
        await sql`drop function if exists formulary_bump_auth_generation()`.execute(db);
      await db.schema.dropTable('auth_generation').execute();
    },
  };
}
