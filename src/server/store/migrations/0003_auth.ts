/**
 * Migration 0003: who may do what. Local users (scrypt hashes, lock-out counters), their proposals
 * (IPTS) and instrument teams, the sessions behind the portal's cookie, API tokens (hashes only), one
 * shared secret that signs session cookies across processes, and the append-only audit log.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './Dialect';

export function authMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('admin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('proposal_members')
        .addColumn('proposal', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull().references('users.username'))
        .addPrimaryKeyConstraint('proposal_members_pk', ['proposal', 'username'])
        .execute();
      await db.schema
        .createTable('instrument_staff')
        .addColumn('instrument', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull().references('users.username'))
        .addPrimaryKeyConstraint('instrument_staff_pk', ['instrument', 'username'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('sid', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().references('users.username'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('username').execute();
      await db.schema
        .createTable('auth_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) =>
          dialect === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('actor', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('address', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor', 'seq']).execute();
      await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'seq']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'audit_log',
        'auth_secrets',
        'api_tokens',
        'sessions',
        'instrument_staff',
        'proposal_members',
        'users',
      ])
        await db.schema.dropTable(table).execute();
    },
  };
}
