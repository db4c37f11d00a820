/**
 * `formulary users` as a real process on a SQLite file: add (password from stdin), a duplicate
 * refused, set memberships, list, disable, token (printed once, stored hashed), and a bad server.auth
 * setting named; each change lands in the audit log. The accounts are then checked through the
 * service's own sign-in code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openAccounts, readServerConfig } from '../../src/server/index';
import { repoRoot } from './serverProcess';

const dir = mkdtempSync(join(tmpdir(), 'formulary-users-cli-'));
const db = join(dir, 'accounts.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const users = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin/formulary.js'), 'users', ...args, '--db', db], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', FORMULARY_CLI_FROM_SOURCE: '1' },
  });

it('manages accounts from the shell, as the service then sees them', async () => {
  const add = users(
    ['add', 'ada', '--name', 'Ada L', '--proposal', 'IPTS-1', '--password-stdin'],
    'a long passphrase\n',
  );
  expect(add.stderr).toContain('user ada added');
  expect(add.status).toBe(0);
  const again = users(['add', 'ada', '--no-password']);
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('user "ada" exists already');
  const short = users(['add', 'bea', '--password-stdin'], 'short\n');
  expect(short.status).toBe(1);
  expect(short.stderr).toContain('at least 10 characters');
  const badProposal = users(['add', 'cy', '--proposal', '31204', '--no-password']);
  expect(badProposal.stderr).toContain('write it as IPTS-12345');
  expect(users(['set', 'ada', '--staff', 'eqsans', '--proposal', 'IPTS-2']).status).toBe(0);
  const token = users(['token', 'ada', '--scope', 'read', '--days', '2']);
  expect(token.status).toBe(0);
  expect(token.stdout).toMatch(/^fmy_\S+\n$/);
  expect(users(['disable', 'ada']).status).toBe(0);
  const list = JSON.parse(users(['list', '--json']).stdout);
  expect(list).toEqual([
    expect.objectContaining({
      username: 'ada',
      displayName: 'Ada L',
      disabled: true,
      proposals: ['IPTS-2'],
      staffOf: ['eqsans'],
    }),
  ]);

  const { auth, close } = await openAccounts(readServerConfig(undefined, { db }, {}, dir));
  try {
    // Disabled: refused even with the right password; enabled again, it signs in.
    expect((await auth.login('ada', 'a long passphrase')).kind).toBe('refused');
    expect(users(['enable', 'ada']).status).toBe(0);
    expect((await auth.login('ada', 'a long passphrase')).kind).toBe('ok');
    // The token printed works; only its hash is in the database.
    const presented = token.stdout.trim();
    expect((await auth.principalForToken(presented)).kind).toBe('ok');
    expect(readFileSync(db).includes(Buffer.from(presented.split('_')[2]!))).toBe(false);
    const audit = await auth.readAudit({ limit: 50 });
    expect(audit.map((e) => e.action).sort()).toEqual(
      ['token-issue', 'user-add', 'user-disable', 'user-enable', 'user-set'].sort(),
    );
    expect(audit.every((e) => e.actor?.startsWith('cli:'))).toBe(true);
  } finally {
    await close();
  }
}, 120_000);

it('names a wrong server.auth setting', () => {
  const config = join(dir, 'bad.json');
  writeFileSync(config, JSON.stringify({ server: { auth: { sso: { proxies: [] } } } }));
  const run = users(['list', '--config', config]);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('server.auth.sso.proxies must list the proxy addresses');
}, 60_000);
