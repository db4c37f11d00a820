/**
 * Starts the real service as a child process (`node bin/formulary.js serve`) on 127.0.0.1 at a free
 * port, the way a facility runs it, and stops it with a signal. Its stdout (pino's JSON lines) is kept
 * for tests that read the log.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openAccounts, readServerConfig } from '../../src/server/index';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server printed to stdout so far (one JSON log line each). */
  log(): string;
  /** Sends `signal` and resolves with the exit code (or signal name) once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  /** Resolves with the exit code (or signal name) once the process is gone; sends nothing. */
  readonly exited: Promise<number | string>;
  /** An administrator's API token (user "tester"), seeded before the server started. */
  readonly token: string;
}

export interface ServerProcessOptions {
  readonly db: string;
  readonly instruments?: string;
  readonly portal?: string;
  readonly env?: Record<string, string>;
  readonly port?: number;
  /** A formulary.config.json (its "jobs" section configures the tasks). */
  readonly config?: string;
  /** Extra arguments for `formulary serve` (--demo-users). */
  readonly args?: readonly string[];
  /** Node flags for the server process (bench:live's --server-cpu-prof passes --cpu-prof here). */
  readonly execArgv?: readonly string[];
}

/** Tokens of the servers started here, by origin: testerFetch and submit send them. */
const tokens = new Map<string, string>();

/**
 * Makes sure the database has the administrator "tester" and returns a fresh read+submit token of
 * theirs: written through the service's own account code, in the database the server will open.
 */
export async function seedTester(db: string, config?: string): Promise<string> {
  const { auth, close } = await openAccounts(readServerConfig(config, { db }, {}, repoRoot));
  try {
    if (!(await auth.store.getUser('tester')))
      await auth.addUser({ username: 'tester', displayName: 'Test administrator', admin: true });
    return (await auth.issueToken('tester', { label: 'tests', scopes: ['read', 'submit'], expiresInDays: 1 }))
      .token;
  } finally {
    await close();
  }
}

/**
 * fetch, signed in as the tester of the server at that origin (unless the call sends its own
 * Authorization or asks for none with `authorization: ''`): the suites that test other behaviour
 * than permissions read and write as an administrator.
 */
export function testerFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = tokens.get(new URL(input).origin);
  if (!headers.has('authorization') && token) headers.set('authorization', `Bearer ${token}`);
  if (headers.get('authorization') === '') headers.delete('authorization');
  return fetch(input, { ...init, headers });
}

/** The Authorization header of the tester at `url` (for WebSocket and EventSource clients). */
export const testerHeaders = (url: string): Record<string, string> => {
  const token = tokens.get(new URL(url).origin);
  return token ? { authorization: `Bearer ${token}` } : {};
};

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const token = await seedTester(options.db, options.config);
  const args = [
    ...(options.execArgv ?? []),
    join(repoRoot, 'bin/formulary.js'),
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
  ];
  args.push('--db', options.db);
  if (options.instruments) args.push('--instruments', options.instruments);
  if (options.portal) args.push('--portal', options.portal);
  if (options.config) args.push('--config', options.config);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      FORMULARY_CLI_FROM_SOURCE: '1',
      // Without a jobs section the demo simulator runs: its attempt folders go to a temp dir, not the checkout.
      FORMULARY_JOBS_DIR: mkdtempSync(join(tmpdir(), 'formulary-demo-jobs-')),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not start within 90 s:\n${stderr}\n${stdout}`));
    }, 90_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Formulary is serving (http:\/\/[^\s/]+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        tokens.set(new URL(match[1]!).origin, token);
        done({
          token,
          url: match[1]!,
          child,
          log: () => stdout,
          exited,
          stop(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}) before listening:\n${stderr}\n${stdout}`));
    });
  });
}

/** POSTs a request body to an instrument with the headers the outbox sends. */
export function submit(
  url: string,
  instrument: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return testerFetch(`${url}/api/instruments/${instrument}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-schema-version': '1', ...headers },
    body,
  });
}
