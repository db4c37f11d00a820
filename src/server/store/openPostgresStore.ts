/**
 * The back end for facilities that run several server processes: PostgreSQL through pg 8's pool.
 * 64-bit integers (the seq identity, counts) come back as numbers: they stay far below 2^53.
 */
import { Kysely, PostgresDialect } from 'kysely';
import type pgModule from 'pg';
import { postgresAcceptWriter } from './acceptOnPostgres';
import { createKyselyStore } from './createKyselyStore';
import type { Database } from './Database';
import { listenForEvents } from './listenForEvents';
import { loadDriver } from './loadDriver';
import { migrateToLatest } from './migrateToLatest';
import type { SubmissionStore } from './SubmissionStore';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  readonly url: string;
  /** Pool size; 10 by default. */
  readonly poolSize?: number;
}

const INT8_OID = 20;

/** Opens (migrating) a PostgreSQL store; throws when the database cannot be reached. */
export async function openPostgresStore(options: PostgresOptions): Promise<SubmissionStore> {
  const pg = await loadDriver<typeof pgModule>('pg');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, 'postgres');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(
    db,
    'postgres',
    { listen: (wake, principalsChanged) => listenForEvents(options.url, wake, principalsChanged) },
    (general) => postgresAcceptWriter(db, general),
  );
}
