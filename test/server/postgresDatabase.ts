/**
 * PostgreSQL for the server tests: a fresh schema per test on the cluster DATABASE_URL points at (scripts/ci/postgres.sh starts one). Without DATABASE_URL the PostgreSQL suites skip, and say so
 * loudly; under CI=true they fail instead, so CI can never pass without having run them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const postgresUrl = process.env.DATABASE_URL;

/** Call at the top of a PostgreSQL test file: true when the suite should run. */
export function postgresAvailable(suite: string): boolean {
  if (postgresUrl) return true;
  if (process.env.CI === 'true')
    throw new Error(
      `${suite}: DATABASE_URL is not set and CI=true: the PostgreSQL tests must run in CI (see .ci/run)`,
    );
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! SKIPPED ${suite}: no DATABASE_URL. Start one with:\n!!   eval "$(scripts/ci/postgres.sh start)"\n${line}\n`,
  );
  return false;
}

export interface FreshDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An empty schema in DATABASE_URL's database, and a URL whose search_path points at it: as good as a
 * fresh database for our tables, and far quicker to make and drop than one. drop() removes it.
 */
export async function freshPostgresDatabase(): Promise<FreshDatabase> {
  const name = `formulary_t_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE SCHEMA ${name}`);
  const url = new URL(postgresUrl!);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}
