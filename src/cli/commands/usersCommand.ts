/**
 * `formulary users add|passwd|set|disable|enable|list|token`: local accounts of the service's
 * database (the one `formulary serve` would open with the same --db/--config/DATABASE_URL). Passwords
 * are read from stdin (--password-stdin) or asked for on a terminal, never taken as an argument
 * (which would land in shell history and the process list). Every change is written to the audit log.
 */
import { userInfo } from 'node:os';
import { AuthError, openAccounts, readServerConfig } from '../../server/index';
import { helpText } from '../cliHelp';
import type { Io } from '../Io';
import { parseCommandArgs } from '../parseCommandArgs';
import { readSecret } from '../readSecret';
import { UsageError } from '../UsageError';

/** The English help (tests and docs quote it); `--help` prints helpText('users') in the CLI's language. */
export const usersHelp = helpText('users', 'en');

const ACTIONS = ['add', 'passwd', 'set', 'disable', 'enable', 'list', 'token'];

export async function usersCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'boolean' },
    'no-admin': { type: 'boolean' },
    proposal: { type: 'string', multiple: true },
    staff: { type: 'string', multiple: true },
    'password-stdin': { type: 'boolean' },
    'no-password': { type: 'boolean' },
    json: { type: 'boolean' },
    scope: { type: 'string' },
    days: { type: 'string' },
    label: { type: 'string' },
  });
  if (values.help) {
    io.out(helpText('users'));
    return 0;
  }
  const [action, username, ...extra] = positionals;
  if (!action || !ACTIONS.includes(action))
    throw new UsageError('usage.usersAction', { actions: ACTIONS.join(', ') });
  if (action !== 'list' && !username) throw new UsageError('usage.usersName', { action });
  if (extra.length > 0) throw new UsageError('usage.unexpectedArgument', { argument: extra[0] });
  const config = readServerConfig(
    values.config as string | undefined,
    { db: values.db as string | undefined },
    process.env,
    io.cwd,
  );
  const list = (name: string) => (values[name] as unknown as string[] | undefined) ?? undefined;
  const actor = `cli:${safeUser()}`;
  const { auth, close } = await openAccounts(config);
  const audit = (what: string, detail: object = {}) =>
    auth.audit({ actor, action: what, target: username ?? null, address: null, detail });
  try {
    switch (action) {
      case 'add': {
        const password = values['no-password']
          ? null
          : await readSecret(io, Boolean(values['password-stdin']), `Password for ${username}: `);
        await auth.addUser({
          username: username!,
          displayName: values.name as string | undefined,
          password,
          admin: Boolean(values.admin),
          proposals: list('proposal') ?? [],
          staffOf: list('staff') ?? [],
        });
        await audit('user-add', {
          admin: Boolean(values.admin),
          proposals: list('proposal') ?? [],
          staffOf: list('staff') ?? [],
        });
        io.err(`user ${username} added\n`);
        return 0;
      }
      case 'passwd': {
        const password = await readSecret(
          io,
          Boolean(values['password-stdin']),
          `New password for ${username}: `,
        );
        await auth.setPassword(username!, password);
        await audit('user-passwd');
        io.err(`password of ${username} changed\n`);
        return 0;
      }
      case 'set': {
        const changes = {
          ...(values.name !== undefined ? { displayName: values.name as string } : {}),
          ...(values.admin ? { admin: true } : values['no-admin'] ? { admin: false } : {}),
          ...(list('proposal') !== undefined ? { proposals: list('proposal') } : {}),
          ...(list('staff') !== undefined ? { staffOf: list('staff') } : {}),
        };
        if (Object.keys(changes).length === 0) throw new UsageError('usage.usersSet');
        await auth.updateUser(username!, changes);
        await audit('user-set', changes);
        io.err(`user ${username} changed\n`);
        return 0;
      }
      case 'disable':
      case 'enable':
        await auth.updateUser(username!, { disabled: action === 'disable' });
        await audit(`user-${action}`);
        io.err(`user ${username} ${action}d\n`);
        return 0;
      case 'token': {
        const scopes = String(values.scope ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const days = Number(values.days ?? Number.NaN);
        if (!Number.isFinite(days)) throw new UsageError('usage.usersDays');
        const issued = await auth.issueToken(username!, {
          label: (values.label as string | undefined) ?? 'issued with formulary users token',
          scopes,
          expiresInDays: days,
        });
        await auth.audit({
          actor,
          action: 'token-issue',
          target: issued.record.id,
          address: null,
          detail: { user: username, scopes: issued.record.scopes, expiresAt: issued.record.expiresAt },
        });
        io.out(`${issued.token}\n`);
        io.err(
          `token ${issued.record.id} for ${username} (${issued.record.scopes.join(', ')}), expires ${issued.record.expiresAt}: shown once, keep it\n`,
        );
        return 0;
      }
      default: {
        const users = await auth.listUsers();
        const rows = users.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          admin: u.admin,
          disabled: u.disabled,
          locked: u.lockedUntil !== null && u.lockedUntil > new Date().toISOString(),
          password: u.passwordHash !== null,
          proposals: u.proposals,
          staffOf: u.staffOf,
        }));
        if (values.json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
        else
          for (const r of rows)
            io.out(
              `${r.username}\t${r.displayName}\t${[r.admin ? 'admin' : '', r.disabled ? 'disabled' : '', r.locked ? 'locked' : '', r.password ? '' : 'no-password'].filter(Boolean).join(',') || '-'}\tproposals: ${r.proposals.join(' ') || '-'}\tstaff: ${r.staffOf.join(' ') || '-'}\n`,
            );
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof AuthError) {
      io.err(`formulary users ${action}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
