/**
 * Migration 0007: the curve a broker worker sends back. A worker on another node writes the job's
 * curve file in its own folder, which the server may not see; it sends the file's text with each
 * change, and the server keeps the latest copy per attempt here for the curve route and the plot.
 */
import type { Kysely, Migration } from 'kysely';

export function jobCurvesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('job_curves')
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('job_curves_pk', ['job_id', 'attempt'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('job_curves').execute();
    },
  };
}
