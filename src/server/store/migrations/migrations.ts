/**
 * The ordered list of migrations, as Kysely's Migrator wants it. Names sort in the order they run;
 * add a new file and a line here, never change a shipped one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { submissionsMigration } from './0001_submissions';
import { jobsMigration } from './0002_jobs';
import { authMigration } from './0003_auth';
import { dispatchedMigration } from './0004_dispatched';
import { eventHorizonMigration } from './0005_event_horizon';
import { defaultsMigration } from './0006_defaults';
import { authGenerationMigration } from './0007_auth_generation';
import { jobCurvesMigration } from './0008_job_curves';
import { loginAttemptsMigration } from './0009_login_attempts';
import { defaultsRevisionMigration } from './0010_defaults_revision';
import { principalsWakeupMigration } from './0011_principals_wakeup';
import type { Dialect } from './Dialect';

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001_submissions': submissionsMigration(dialect),
        '0002_jobs': jobsMigration(dialect),
        '0003_auth': authMigration(dialect),
        '0004_dispatched': dispatchedMigration(),
        '0005_event_horizon': eventHorizonMigration(dialect),
        '0006_defaults': defaultsMigration(dialect),
        '0007_auth_generation': authGenerationMigration(dialect),
        '0008_job_curves': jobCurvesMigration(),
        '0009_login_attempts': loginAttemptsMigration(),
        '0010_defaults_revision': defaultsRevisionMigration(),
        '0011_principals_wakeup': principalsWakeupMigration(dialect),
      };
    },
  };
}
