/**
 * The AuthStore over Kysely: the same queries on SQLite and PostgreSQL. A user and their memberships
 * change in one transaction; tokens are stored as hashes; the audit log is insert-only here (no
 * update or delete query on it exists in the code).
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { AuditEntry, AuthStore, NewUser, StoredToken, StoredUser, UserChanges } from './AuthStore';
import type { ApiTokensTable, UsersTable } from './AuthTables';
import { createLoginAttemptStore } from './createLoginAttemptStore';
import type { Database } from './Database';

const toToken = (row: Selectable<ApiTokensTable>): StoredToken => ({
  id: row.id,
  username: row.username,
  hash: row.hash,
  label: row.label,
  scopes: row.scopes.split(',').filter(Boolean),
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

async function replaceMemberships(
  trx: Transaction<Database>,
  username: string,
  proposals: readonly string[] | undefined,
  staffOf: readonly string[] | undefined,
): Promise<void> {
  if (proposals !== undefined) {
    await trx.deleteFrom('proposal_members').where('username', '=', username).execute();
    const unique = [...new Set(proposals)];
    if (unique.length > 0)
      await trx
        .insertInto('proposal_members')
        .values(unique.map((proposal) => ({ proposal, username })))
        .execute();
  }
  if (staffOf !== undefined) {
    await trx.deleteFrom('instrument_staff').where('username', '=', username).execute();
    const unique = [...new Set(staffOf)];
    if (unique.length > 0)
      await trx
        .insertInto('instrument_staff')
        .values(unique.map((instrument) => ({ instrument, username })))
        .execute();
  }
}

/**
 * `wakers` hear who someone is changed (onPrincipalsChange); `changed` calls them, after this
 * process's commits here and from the PostgreSQL listener for other processes' (createKyselyStore).
 */
export function createAuthStore(
  db: Kysely<Database>,
  wakers: Set<() => void> = new Set(),
  changed: () => void = () => {},
): AuthStore {
  const membershipsOf = (names: string[]) =>
    Promise.all([
      db.selectFrom('proposal_members').selectAll().where('username', 'in', names).execute(),
      db.selectFrom('instrument_staff').selectAll().where('username', 'in', names).execute(),
    ]);
  const withMemberships = async (
    rows: Selectable<UsersTable>[],
    known?: Awaited<ReturnType<typeof membershipsOf>>,
  ): Promise<StoredUser[]> => {
    if (rows.length === 0) return [];
    const [proposals, staff] = known ?? (await membershipsOf(rows.map((r) => r.username)));
    return rows.map((row) => ({
      username: row.username,
      displayName: row.display_name,
      passwordHash: row.password_hash,
      admin: Number(row.admin) === 1,
      disabled: Number(row.disabled) === 1,
      failedLogins: Number(row.failed_logins),
      lockedUntil: row.locked_until,
      createdAt: row.created_at,
      proposals: proposals
        .filter((p) => p.username === row.username)
        .map((p) => p.proposal)
        .sort(),
      staffOf: staff
        .filter((s) => s.username === row.username)
        .map((s) => s.instrument)
        .sort(),
    }));
  };

  return {
    ...createLoginAttemptStore(db),

    async getUser(username) {
      // Asked on every token-authenticated request: the three reads go out at once, so on PostgreSQL
      // they cost one round trip of the pool instead of three (no transaction: as consistent as the
      // three reads one after another were).
      const [rows, memberships] = await Promise.all([
        db.selectFrom('users').selectAll().where('username', '=', username).execute(),
        membershipsOf([username]),
      ]);
      return (await withMemberships(rows, memberships))[0];
    },

    async listUsers() {
      return withMemberships(await db.selectFrom('users').selectAll().orderBy('username').execute());
    },

    async addUser(user: NewUser) {
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('users')
            .values({
              username: user.username,
              display_name: user.displayName,
              password_hash: user.passwordHash,
              admin: user.admin ? 1 : 0,
              disabled: 0,
              failed_logins: 0,
              locked_until: null,
              created_at: user.createdAt,
            })
            .execute();
          await replaceMemberships(trx, user.username, user.proposals, user.staffOf);
        });
        return true;
      } catch (error) {
        if (await this.getUser(user.username)) return false;
        throw error;
      }
    },

    async updateUser(username, changes: UserChanges) {
      const updated = await db.transaction().execute(async (trx) => {
        const found = await trx
          .selectFrom('users')
          .select('username')
          .where('username', '=', username)
          .executeTakeFirst();
        if (!found) return false;
        const set: Partial<Record<keyof UsersTable, unknown>> = {};
        if (changes.displayName !== undefined) set.display_name = changes.displayName;
        if (changes.passwordHash !== undefined) {
          set.password_hash = changes.passwordHash;
          set.failed_logins = 0;
          set.locked_until = null;
        }
        if (changes.admin !== undefined) set.admin = changes.admin ? 1 : 0;
        if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
        if (Object.keys(set).length > 0)
          await trx
            .updateTable('users')
            .set(set as never)
            .where('username', '=', username)
            .execute();
        await replaceMemberships(trx, username, changes.proposals, changes.staffOf);
        return true;
      });
      if (updated) changed();
      return updated;
    },

    async recordFailedLogin(username, lockAfter, lockUntil) {
      // One UPDATE that counts from the row's own value (every SET reads the row as it was): a read,
      // then a write, lost counts when wrong passwords for one account arrived at once on PostgreSQL's
      // pooled connections, so the lock came later than `lockout.failures`.
      const reached = sql<boolean>`${sql.ref('failed_logins')} + 1 >= ${lockAfter}`;
      await db
        .updateTable('users')
        .set({
          failed_logins: sql<number>`case when ${reached} then 0 else ${sql.ref('failed_logins')} + 1 end`,
          locked_until: sql<
            string | null
          >`case when ${reached} then ${lockUntil} else ${sql.ref('locked_until')} end`,
        })
        .where('username', '=', username)
        .execute();
    },

    async recordGoodLogin(username) {
      await db
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null })
        .where('username', '=', username)
        .execute();
    },

    async getSession(sid, now) {
      const row = await db
        .selectFrom('sessions')
        .select('data')
        .where('sid', '=', sid)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row?.data;
    },

    async setSession(sid, data, expiresAt) {
      await db
        .insertInto('sessions')
        .values({ sid, data, expires_at: expiresAt })
        .onConflict((oc) => oc.column('sid').doUpdateSet({ data, expires_at: expiresAt }))
        .execute();
    },

    async destroySession(sid) {
      await db.deleteFrom('sessions').where('sid', '=', sid).execute();
      changed();
    },

    async purgeSessions(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      const purged = Number(result.numDeletedRows);
      if (purged > 0) changed();
      return purged;
    },

    async addToken(token) {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          username: token.username,
          hash: token.hash,
          label: token.label,
          scopes: token.scopes.join(','),
          created_at: token.createdAt,
          expires_at: token.expiresAt,
          revoked_at: token.revokedAt,
        })
        .execute();
    },

    onPrincipalsChange(wake) {
      wakers.add(wake);
      return () => {
        wakers.delete(wake);
      };
    },

    async principalsGeneration() {
      const row = await db
        .selectFrom('auth_generation')
        .select('value')
        .where('name', '=', 'principals')
        .executeTakeFirstOrThrow();
      return Number(row.value);
    },

    async getToken(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toToken(row) : undefined;
    },

    async tokensOf(username) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('username', '=', username)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toToken);
    },

    async revokeToken(id, username, at) {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('username', '=', username)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      const revoked = Number(result.numUpdatedRows) > 0;
      if (revoked) changed();
      return revoked;
    },

    async secret(name, make) {
      await db
        .insertInto('auth_secrets')
        .values({ name, value: make() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('auth_secrets')
        .select('value')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return row.value;
    },

    async audit(entry) {
      await db.insertInto('audit_log').values(entry).execute();
    },

    async readAudit(filter) {
      let query = db.selectFrom('audit_log').selectAll();
      if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
      if (filter.action !== undefined) query = query.where('action', '=', filter.action);
      if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
      const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
      return rows.map((row): AuditEntry => ({ ...row, seq: Number(row.seq) }));
    },
  };
}
