/**
 * What the broker tests share: the broker from $FORMULARY_STOMP_URL (scripts/ci/activemq.sh; without
 * it the suites skip and say so, and fail under CI=true), a private broker a test may stop and start,
 * `formulary worker` processes, a server configured for the `stomp` dispatcher, and readers of jobs,
 * logs and live events through the HTTP API.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, testerFetch } from '../serverProcess';

export const stompUrl = process.env.FORMULARY_STOMP_URL;

/** Call at the top of a broker test file: true when the suite should run. */
export function brokerAvailable(suite: string): boolean {
  if (stompUrl) return true;
  if (process.env.CI === 'true')
    throw new Error(
      `${suite}: FORMULARY_STOMP_URL is not set and CI=true: the broker tests must run in CI (see .ci/run)`,
    );
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! SKIPPED ${suite}: no FORMULARY_STOMP_URL. Start ActiveMQ with:\n!!   eval "$(scripts/ci/activemq.sh start)"\n${line}\n`,
  );
  return false;
}

/** A broker of the test's own, which it may stop and start again (same port, same stored messages). */
export interface PrivateBroker {
  readonly url: string;
  stop(): void;
  /** SIGKILL, as a crash: what it had read but not yet written to its journal is gone. */
  kill(): void;
  start(): void;
  remove(): void;
}

export function startPrivateBroker(): PrivateBroker {
  const script = join(repoRoot, 'scripts/ci/activemq.sh');
  const env = execFileSync(script, ['start'], { encoding: 'utf8' });
  const dir = /FORMULARY_ACTIVEMQ_DIR='([^']+)'/.exec(env)![1]!;
  const url = /FORMULARY_STOMP_URL='([^']+)'/.exec(env)![1]!;
  return {
    url,
    stop: () => execFileSync(script, ['stop', dir, '--keep']),
    kill: () => {
      const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      process.kill(pid, 'SIGKILL');
      execFileSync(script, ['stop', dir, '--keep']); // waits until it is gone
    },
    start: () => execFileSync(script, ['start', dir]),
    remove: () => execFileSync(script, ['stop', dir]),
  };
}

/** What a test adds to the cluster configuration: a high-memory rule, tasks replacing the defaults. */
export interface ClusterExtras {
  readonly highMemory?: { pointer: string; values: unknown[] };
  readonly tasks?: Record<string, unknown>;
}

/** A folder with the test instruments (tiny, and "other" with the same schema) and a stomp config. */
export function writeClusterConfig(
  dir: string,
  url: string,
  prefix: string,
  extras: ClusterExtras = {},
): string {
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments, { recursive: true });
  const tiny = join(repoRoot, 'test/server/fixtures/tiny.schema.json');
  copyFileSync(tiny, join(instruments, 'tiny.schema.json'));
  copyFileSync(tiny, join(instruments, 'other.schema.json'));
  for (const name of ['eqsans.schema.json', 'common.json'])
    copyFileSync(join(repoRoot, 'src/schemas/instruments', name), join(instruments, name));
  const file = join(dir, 'formulary.config.json');
  const task = {
    command: ['{node}', join(repoRoot, 'test/server/broker/fixtures/sleepy.mjs'), '{requestFile}'],
  };
  writeFileSync(
    file,
    JSON.stringify({
      jobs: {
        dispatcher: 'stomp',
        killGraceSeconds: 1,
        jobsDir: join(dir, 'jobs'),
        tasks: {
          tiny: task,
          other: task,
          eqsans: {
            command: [
              '{node}',
              join(repoRoot, 'examples/reduction-simulator/simulate.mjs'),
              '{requestFile}',
              '--seconds',
              '1',
            ],
            curveFile: 'reduced/iq.csv',
          },
          ...extras.tasks,
        },
        broker: {
          url,
          facility: 'TEST',
          // Queues of this test run only: the shared broker keeps other runs' messages apart.
          jobQueue: `/queue/${prefix}.jobs.{instrument}`,
          highMemoryQueue: `/queue/${prefix}.highmem.{instrument}`,
          statusQueue: `/queue/${prefix}.status`,
          controlTopic: `/topic/${prefix}.control`,
          invalidQueue: `/queue/${prefix}.invalid`,
          reconnectDelayMs: 100,
          maxReconnectDelayMs: 1000,
          ...(extras.highMemory ? { highMemory: extras.highMemory } : {}),
        },
      },
    }),
  );
  return file;
}

export interface WorkerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  output(): string;
  /** Resolves once the worker said it is connected (after `since` characters of its output). */
  connected(since?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startWorker(name: string, config: string, args: readonly string[] = []): WorkerProcess {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/formulary.js'), 'worker', '--config', config, '--name', name, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    output: () => output,
    connected: (since = 0) =>
      until(
        `worker ${name} connected`,
        async () => output.slice(since),
        (text) => /connected to/.test(text),
        60_000,
      ).then(() => {}),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 60_000,
) {
  const end = Date.now() + ms;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > end)
      throw new Error(`${what}: still ${JSON.stringify(last).slice(0, 2000)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

export interface JobView {
  id: string;
  state: string;
  message: string;
  attempts: {
    attempt: number;
    state: string;
    cause: string;
    reason: string | null;
    message: string;
    runnerId: string | null;
    startedAt: string | null;
    endedAt: string | null;
  }[];
}

export async function jobsOf(url: string, submissionId: string): Promise<JobView[]> {
  const response = await testerFetch(`${url}/api/submissions/${submissionId}/jobs`);
  return ((await response.json()) as { items: JobView[] }).items;
}

export async function logOf(
  url: string,
  jobId: string,
  attempt: number,
): Promise<{ seq: number; stream: string; text: string }[]> {
  const response = await testerFetch(`${url}/api/jobs/${jobId}/log?attempt=${attempt}`);
  return ((await response.json()) as { lines: { seq: number; stream: string; text: string }[] }).lines;
}

/** The group's live events (Server-Sent Events from id 0) until `done` says enough, as parsed data. */
export async function liveEvents(
  url: string,
  group: string,
  done: (events: unknown[]) => boolean,
): Promise<unknown[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  const events: unknown[] = [];
  try {
    const response = await testerFetch(`${url}/api/live/sse?group=${encodeURIComponent(group)}&since=0`, {
      signal: controller.signal,
    });
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body!.getReader();
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (data !== '') events.push(JSON.parse(data));
        end = buffer.indexOf('\n\n');
      }
      if (done(events)) break;
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
