/**
 * The local runner with real child processes: the request arrives as a file and on stdin, output is
 * stored line by line, the last error line becomes the message, limits and cancel stop the whole
 * process tree, and the log cap leaves a visible marker. The recorder checks the contract throughout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type JobRecorder,
  type JobsConfig,
  MemoryJobRecorder,
  runLocalAttempt,
  TRUNCATED_MARKER,
  taskFor,
} from '../../../src/server/jobs/index';
import { alive, attemptOf, configWith, fixture, tempDir } from './jobsTestKit';

const recorders: MemoryJobRecorder[] = [];
afterEach(() => {
  for (const recorder of recorders.splice(0)) expect(recorder.violations).toEqual([]);
});

function setUp(config: JobsConfig, delayMs = 0) {
  const recorder = new MemoryJobRecorder({ delayMs });
  recorders.push(recorder);
  // `queued` is recorded first, as a dispatcher does before it starts an attempt.
  const run = async (request: unknown) => {
    const attempt = attemptOf({ request });
    await recorder.transition({
      jobId: attempt.jobId,
      attempt: 1,
      state: 'queued',
      time: new Date().toISOString(),
      message: 'Queued',
    });
    const handle = runLocalAttempt(attempt, {
      config,
      task: taskFor(config, 'eqsans')!,
      recorder,
      runnerId: 'test-runner',
    });
    return { attempt, handle };
  };
  return { recorder, run };
}

function chattyConfig(top: Record<string, unknown> = {}, task: Record<string, unknown> = {}) {
  return configWith(
    {
      eqsans: {
        command: ['{node}', fixture('chatty.mjs'), '{requestFile}'],
        envAllow: ['PATH', 'KEEP_*'],
        env: { FIXED: 'set-by-config' },
        ...task,
      },
    },
    top,
  );
}

describe('runLocalAttempt', () => {
  it('runs a task to success, storing its output line by line with the request on file and stdin', async () => {
    process.env.SECRET = 'database-password';
    process.env.KEEP_ME = 'passed';
    const { recorder, run } = setUp(chattyConfig(), 5);
    const { attempt, handle } = await run({ lines: 12 });
    const final = await handle.done;
    expect(final.state).toBe('succeeded');
    expect(final.exitCode).toBe(0);
    const record = recorder.get(attempt.jobId)!;
    expect(record.transitions.map((t) => t.state)).toEqual(['queued', 'running', 'succeeded']);
    expect(record.transitions[1]!.pid).toBeGreaterThan(0);
    expect(record.transitions[1]!.runnerId).toBe('test-runner');
    const log = recorder.logText(attempt.jobId);
    expect(log).toContain('stdout: request on stdin matches the file: true');
    // Only allowed variables reach the task; the server's secrets do not.
    expect(log).toContain(`SECRET=(unset) KEEP_ME=passed FIXED=set-by-config JOB=${attempt.jobId}`);
    expect(log).toContain('stdout: line 11');
    expect(log).toContain('stderr: note 10 on stderr');
    expect(log).toContain('stdout: no newline at the end');
    expect(record.lines.map((l) => l.seq)).toEqual(record.lines.map((_, i) => i + 1));
    expect(record.lines.every((l) => !Number.isNaN(Date.parse(l.time)))).toBe(true);
    expect(record.lines[0]!.stream).toBe('system');
    expect(record.lines.at(-1)!.text).toMatch(/^Ended with exit code 0 after/);
    const written = JSON.parse(
      readFileSync(join(configWithDir(recorder, attempt.jobId), 'request.json'), 'utf8'),
    );
    expect(written).toEqual({ lines: 12 });
  });

  it('fails with the last error line as the message', async () => {
    const { recorder, run } = setUp(chattyConfig());
    const { attempt, handle } = await run({
      lines: 30,
      exit: 3,
      errorLine: 'error: run 142010 has no events',
    });
    const final = await handle.done;
    expect(final).toMatchObject({ state: 'failed', reason: 'exit', exitCode: 3 });
    expect(final.message).toBe('error: run 142010 has no events');
    expect(recorder.lastTransition(attempt.jobId)).toEqual(final);
  });

  it('says so when the program cannot be started', async () => {
    const config = chattyConfig({}, { command: ['/no/such/reducer', '{requestFile}'] });
    const { recorder, run } = setUp(config);
    const { attempt, handle } = await run({});
    const final = await handle.done;
    expect(final).toMatchObject({ state: 'failed', reason: 'spawn-error' });
    expect(final.message).toContain('Could not start "/no/such/reducer": not found');
    expect(recorder.get(attempt.jobId)!.transitions.map((t) => t.state)).toEqual(['queued', 'failed']);
  });

  it('stops a task at its time limit: SIGTERM, then SIGKILL to the whole tree after the grace', async () => {
    const familyFile = join(tempDir(), 'family.json');
    const config = configWith({
      eqsans: {
        command: ['{node}', fixture('family.mjs'), 'stubborn'],
        env: { FAMILY_FILE: familyFile },
        timeLimitSeconds: 1,
      },
    });
    const { recorder, run } = setUp(config);
    const { attempt, handle } = await run({});
    const final = await handle.done;
    expect(final).toMatchObject({ state: 'timed_out', reason: 'time-limit', signal: 'SIGKILL' });
    expect(final.message).toBe('Stopped at the time limit of 1 s');
    const pids = JSON.parse(readFileSync(familyFile, 'utf8')) as number[];
    expect(pids).toHaveLength(3);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(recorder.logText(attempt.jobId)).toContain('stdout: ignoring SIGTERM');
  });

  it('stops a process tree over its memory limit and stores why', async () => {
    const config = configWith({
      eqsans: { command: ['{node}', fixture('hog.mjs')], memoryLimitMB: 200, timeLimitSeconds: 30 },
    });
    const { recorder, run } = setUp(config);
    const { attempt, handle } = await run({});
    const final = await handle.done;
    expect(final).toMatchObject({ state: 'failed', reason: 'memory-limit' });
    expect(final.message).toMatch(/^Stopped: the processes used [\d.]+ MB, over the memory limit of 200 MB$/);
    expect(final.peakMemoryBytes).toBeGreaterThan(200 * 1024 * 1024);
    // The grandchild was still taking memory when it was stopped: it never reached 1 GB.
    expect(recorder.logText(attempt.jobId)).not.toContain('holding 1000 MB');
  });

  it('cancels a running task, grandchildren included', async () => {
    const familyFile = join(tempDir(), 'family.json');
    const config = configWith({
      eqsans: { command: ['{node}', fixture('family.mjs')], env: { FAMILY_FILE: familyFile } },
    });
    const { recorder, run } = setUp(config);
    const { attempt, handle } = await run({});
    await recorder.waitFor(() => recorder.logText(attempt.jobId).includes('family started'));
    const pids = JSON.parse(readFileSync(familyFile, 'utf8')) as number[];
    for (const pid of pids) expect(alive(pid)).toBe(true);
    handle.stop('cancel', 'Cancelled by ada');
    const final = await handle.done;
    expect(final).toMatchObject({ state: 'cancelled', reason: 'cancel', message: 'Cancelled by ada' });
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });

  it('caps the stored log with a visible marker and still finds the last error line', async () => {
    const config = chattyConfig({ logLimitBytes: 64 * 1024 });
    const { recorder, run } = setUp(config);
    // 3,000 lines of about 100 bytes: about 300 kB printed, 64 kB stored.
    const { attempt, handle } = await run({
      lines: 3000,
      lineBytes: 90,
      exit: 1,
      errorLine: 'error: the last words',
    });
    const final = await handle.done;
    expect(final.message).toBe('error: the last words');
    const lines = recorder.get(attempt.jobId)!.lines;
    const stored = lines
      .filter((l) => l.stream !== 'system')
      .reduce((sum, l) => sum + Buffer.byteLength(l.text) + 1, 0);
    expect(stored).toBeLessThanOrEqual(64 * 1024);
    expect(stored).toBeGreaterThan(60 * 1024);
    const markers = lines.filter((l) => l.text.startsWith(TRUNCATED_MARKER));
    expect(markers).toHaveLength(1);
    expect(markers[0]!.stream).toBe('system');
    expect(
      lines.some((l) => /^\d+ more line\(s\), [\d.]+ kB, were printed after the limit/.test(l.text)),
    ).toBe(true);
    expect(lines.some((l) => l.text === 'line 2999' || l.text.startsWith('line 2999 '))).toBe(false);
  });
});

/** The attempt folder, read back from the `Attempt ... started` line's working directory. */
function configWithDir(recorder: MemoryJobRecorder, jobId: string): string {
  const started = recorder.get(jobId)!.lines[0]!.text;
  return /\(in (.*)\)$/.exec(started)![1]!;
}

describe('runLocalAttempt with a recorder that refuses calls', () => {
  it('retries until stored: the final state comes last, the log whole, each line once', async () => {
    const inner = new MemoryJobRecorder();
    recorders.push(inner);
    const refusals: string[] = [];
    let refuseRunning = 1;
    let loseAck = 1;
    let refuseFinal = 2;
    // Refuses `running` once, stores the first log batch but "loses" its acknowledgement, refuses
    // the final state twice: what a database restart in the middle of a job looks like.
    const flaky: JobRecorder = {
      async transition(change) {
        if (change.state === 'running' && refuseRunning-- > 0) throw new Error('connection reset');
        if (change.state === 'succeeded' && refuseFinal-- > 0) throw new Error('connection reset');
        await inner.transition(change);
      },
      async appendLog(jobId, attempt, lines) {
        await inner.appendLog(jobId, attempt, lines);
        if (loseAck-- > 0) throw new Error('timeout waiting for the commit reply');
      },
    };
    const config = chattyConfig();
    const attempt = attemptOf({ request: { lines: 5 } });
    await inner.transition({
      jobId: attempt.jobId,
      attempt: 1,
      state: 'queued',
      time: '',
      message: 'Queued',
    });
    const handle = runLocalAttempt(attempt, {
      config,
      task: taskFor(config, 'eqsans')!,
      recorder: flaky,
      runnerId: 'test',
      retry: { firstDelayMs: 10 },
      onError: (_error, what) => refusals.push(what),
    });
    const final = await handle.done;
    expect(final.state).toBe('succeeded');
    expect(inner.get(attempt.jobId)!.transitions.map((t) => t.state)).toEqual([
      'queued',
      'running',
      'succeeded',
    ]);
    const lines = inner.get(attempt.jobId)!.lines;
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.at(-1)!.text).toMatch(/^Ended with exit code 0/);
    expect(refusals).toHaveLength(4);
    expect(refusals[0]).toMatch(/^the running state of job .* \(retrying\)$/);
  });
});
