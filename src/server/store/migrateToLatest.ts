/**
 * Brings a database to the latest migration before the service uses it. Several server processes
 * may start at once on one PostgreSQL: Kysely's Migrator takes a lock, so only one migrates.
 */
import { type Kysely, Migrator, sql } from 'kysely';
import type { Database } from './Database';
import type { Dialect } from './migrations/Dialect';
import { migrationProvider } from './migrations/migrations';

/** Runs the pending migrations; throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  // On PostgreSQL the migration bookkeeping lives in the current schema (the search_path's first), so
  // several Formulary databases side by side in one cluster, one schema each, never see each other's.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}
