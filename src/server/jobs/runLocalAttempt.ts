/**
 * Runs one attempt as a child process on this host: its own process group, the request as a file and
 * on stdin, output captured line by line, time and memory limits, cancel. It reports only through the
 * JobRecorder and resolves `done` only after the whole process group has ended, the log is stored and
 * the final state is acknowledged (the recorder contract), so a finished job is never half-recorded.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { JobRecorder } from './JobRecorder';
import type { JobsConfig, TaskConfig } from './JobsConfig';
import type { JobAttempt, JobState, JobTransition, StopReason } from './JobTypes';
import { formatBytes, LogCapture } from './LogCapture';
import { type PreparedAttempt, prepareAttempt } from './prepareAttempt';
import { signalTree, treeAlive, treeMemoryBytes } from './processTree';
import { watchCurveFile } from './watchCurveFile';
import { type RetryOptions, withRetry } from './withRetry';

export interface LocalRunContext {
  readonly config: JobsConfig;
  readonly task: TaskConfig;
  readonly recorder: JobRecorder;
  /** Stored with `running`, so a restart recovers only what this runner started. */
  readonly runnerId: string;
  /**
   * How refused recorder calls are retried. Default: until stored (pauses up to 5 s), since a state
   * or log line given up on would leave the store wrong; the attempt's slot stays taken meanwhile.
   */
  readonly retry?: RetryOptions;
  /** Told about each refused recorder call (and one given up on, with a limited `retry`). */
  readonly onError?: (error: unknown, what: string) => void;
}

/** A started attempt. */
export interface RunningAttempt {
  /** The final transition, once acknowledged by the recorder. */
  readonly done: Promise<JobTransition>;
  /** Stops it (SIGTERM to the group, SIGKILL after the grace period); the first reason given wins. */
  stop(reason: 'cancel' | 'shutdown', message?: string): void;
}

type Stop = { reason: StopReason; message: string };

/** Starts the attempt; `queued` must already be recorded. */
export function runLocalAttempt(attempt: JobAttempt, ctx: LocalRunContext): RunningAttempt {
  let requestedStop: Stop | undefined;
  let stopNow: ((stop: Stop) => void) | undefined;
  const done = run(attempt, ctx, (stopper) => {
    stopNow = stopper;
    if (requestedStop !== undefined) stopper(requestedStop);
  });
  return {
    done,
    stop(reason, message) {
      const stop: Stop = {
        reason,
        message: message ?? (reason === 'cancel' ? 'Cancelled' : 'The server shut down while this job ran'),
      };
      if (stopNow !== undefined) stopNow(stop);
      else requestedStop ??= stop;
    },
  };
}

async function run(
  attempt: JobAttempt,
  ctx: LocalRunContext,
  onStoppable: (stop: (stop: Stop) => void) => void,
): Promise<JobTransition> {
  const { recorder, task, config } = ctx;
  const { jobId } = attempt;
  const n = attempt.attempt;
  const retry = (what: string): RetryOptions => ({
    tries: Number.POSITIVE_INFINITY,
    ...ctx.retry,
    onRefused: (error) => ctx.onError?.(error, `${what} of job ${jobId} attempt ${n} (retrying)`),
  });
  const record = (what: string, call: () => Promise<void>) =>
    withRetry(call, retry(what)).catch((error: unknown) => {
      ctx.onError?.(error, `${what} of job ${jobId} attempt ${n}`);
    });
  const finish = async (fields: Omit<JobTransition, 'jobId' | 'attempt' | 'time'>) => {
    const change: JobTransition = { jobId, attempt: n, time: new Date().toISOString(), ...fields };
    await record(`the ${change.state} state`, () => recorder.transition(change));
    return change;
  };

  let prepared: PreparedAttempt;
  try {
    prepared = prepareAttempt(attempt, task, config);
  } catch (error) {
    return finish({
      state: 'failed',
      reason: 'spawn-error',
      message: `Could not prepare the job: ${messageOf(error)}`,
    });
  }

  const started = Date.now();
  const child = spawn(prepared.argv[0]!, prepared.argv.slice(1), {
    cwd: prepared.cwd,
    env: prepared.env,
    detached: true, // its own process group: one signal reaches every process it starts
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const spawnError = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', (error) => resolve(error));
  });
  if (spawnError !== undefined || child.pid === undefined) {
    const why = describeSpawnError(spawnError, prepared);
    return finish({ state: 'failed', reason: 'spawn-error', message: why, exitCode: null, signal: null });
  }
  const pid = child.pid;
  // After the start, an 'error' (a failed kill through the ChildProcess) must not go unheard and crash the server.
  child.on('error', (error) => ctx.onError?.(error, `the process of job ${jobId} attempt ${n}`));
  // Exit and close are watched from here on, so neither is missed while the start is recorded.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

  // `running` goes first; every log batch waits for it (recorder contract point 2).
  const runningRecorded = record('the running state', () =>
    recorder.transition({
      jobId,
      attempt: n,
      state: 'running',
      time: new Date(started).toISOString(),
      message: `Started (pid ${pid})`,
      pid,
      runnerId: ctx.runnerId,
    }),
  );
  // Curve news goes after `running` and, awaited below, before the final state (contract point 2).
  // One try each: a lost one only delays the page's read until the next change or the final state.
  let curveSent: Promise<void> = runningRecorded;
  const curveChanged = recorder.curveChanged?.bind(recorder);
  const stopWatchingCurve =
    prepared.curveFile !== null && curveChanged !== undefined
      ? watchCurveFile(prepared.curveFile, (change) => {
          curveSent = curveSent
            .then(() => curveChanged(jobId, n, change))
            .catch((error: unknown) => ctx.onError?.(error, `curve news of job ${jobId} attempt ${n}`));
        })
      : undefined;
  const capture = new LogCapture({
    limitBytes: config.logLimitBytes,
    send: async (lines) => {
      await runningRecorded;
      await withRetry(() => recorder.appendLog(jobId, n, lines), retry('log lines'));
    },
    onSendError: (error) => ctx.onError?.(error, `log lines of job ${jobId} attempt ${n}`),
  });
  capture.system(
    `Attempt ${n} started on ${ctx.runnerId} (pid ${pid}): ${prepared.argv.join(' ')} (in ${prepared.cwd})`,
  );
  const out = capture.stream('stdout');
  const err = capture.stream('stderr');
  child.stdout.on('data', (chunk: Buffer) => out.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.write(chunk));
  child.stdout.once('end', () => out.end());
  child.stderr.once('end', () => err.end());
  child.stdin.on('error', () => {}); // a task that never reads stdin closes it early: not an error
  child.stdin.end(prepared.requestText);

  let stop: Stop | undefined;
  let ended = false;
  let killTimer: NodeJS.Timeout | undefined;
  let peakMemory = 0;
  const stopGroup = (next: Stop) => {
    if (stop !== undefined || ended) return; // a cancel after the exit changes nothing
    stop = next;
    capture.system(
      `${next.message}: SIGTERM to the process group, SIGKILL after ${seconds(config.killGraceMs)}`,
    );
    signalTree(pid, 'SIGTERM');
    killTimer = setTimeout(() => signalTree(pid, 'SIGKILL'), config.killGraceMs);
  };
  onStoppable(stopGroup);
  const timeLimit = setTimeout(
    () =>
      stopGroup({
        reason: 'time-limit',
        message: `Stopped at the time limit of ${seconds(task.timeLimitMs)}`,
      }),
    task.timeLimitMs,
  );
  let readings = 0;
  const memoryWatch = setInterval(() => {
    // Every 8th reading scans the whole host, to count group members whose parent has ended.
    const bytes = treeMemoryBytes(pid, readings++ % 8 === 0);
    if (bytes === null) return;
    peakMemory = Math.max(peakMemory, bytes);
    if (bytes > task.memoryLimitBytes) {
      const message = `Stopped: the processes used ${formatBytes(bytes)}, over the memory limit of ${formatBytes(task.memoryLimitBytes)}`;
      stopGroup({ reason: 'memory-limit', message });
    }
  }, config.memoryPollMs);

  const exit = await exited;
  ended = true;
  clearTimeout(timeLimit);
  clearInterval(memoryWatch);
  // Processes the task left behind (in its group or below it) would outlive the job: stop them too.
  if (treeAlive(pid)) {
    capture.system('The main process ended; stopping the processes it left running');
    signalTree(pid, 'SIGTERM');
    killTimer ??= setTimeout(() => signalTree(pid, 'SIGKILL'), config.killGraceMs);
  }
  await closed;
  await waitUntilGone(pid, config.killGraceMs);
  if (killTimer !== undefined) clearTimeout(killTimer);

  await stopWatchingCurve?.();
  await curveSent;
  if (prepared.curveFile !== null) {
    capture.system(
      existsSync(prepared.curveFile)
        ? `Curve file: ${prepared.curveFile} (${formatBytes(statSync(prepared.curveFile).size)})`
        : `No curve file was written at ${prepared.curveFile}`,
    );
  }
  const elapsed = seconds(Date.now() - started);
  const how = exit.code !== null ? `exit code ${exit.code}` : `signal ${exit.signal}`;
  const peak = peakMemory > 0 ? formatBytes(peakMemory) : 'not measured (it ended before the first reading)';
  capture.system(`Ended with ${how} after ${elapsed}; peak memory ${peak}`);
  await capture.finish();

  const ran = { exitCode: exit.code, signal: exit.signal, peakMemoryBytes: peakMemory };
  await runningRecorded;
  const outcome = decide(exit, stop, capture.lastErrorLine(), elapsed);
  return finish({ ...outcome, ...ran });
}

function decide(
  exit: { code: number | null; signal: NodeJS.Signals | null },
  stop: Stop | undefined,
  lastError: string,
  elapsed: string,
): { state: JobState; reason: StopReason; message: string } {
  if (stop !== undefined) {
    const state: JobState =
      stop.reason === 'time-limit'
        ? 'timed_out'
        : stop.reason === 'cancel'
          ? 'cancelled'
          : stop.reason === 'shutdown'
            ? 'interrupted'
            : 'failed';
    return { state, reason: stop.reason, message: stop.message };
  }
  if (exit.code === 0) return { state: 'succeeded', reason: 'exit', message: `Finished in ${elapsed}` };
  if (exit.code !== null) {
    return {
      state: 'failed',
      reason: 'exit',
      message: lastError !== '' ? lastError : `Exited with code ${exit.code} without an error line`,
    };
  }
  const by = `Killed by ${exit.signal}`;
  return { state: 'failed', reason: 'signal', message: lastError !== '' ? `${by}: ${lastError}` : by };
}

/** Waits (polling /proc) until nothing of the tree is left; SIGKILLs what outlives `graceMs`. */
async function waitUntilGone(pid: number, graceMs: number): Promise<void> {
  const killAt = Date.now() + graceMs;
  let killed = false;
  while (treeAlive(pid)) {
    if (!killed && Date.now() >= killAt) {
      signalTree(pid, 'SIGKILL');
      killed = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function describeSpawnError(error: Error | undefined, prepared: PreparedAttempt): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const program = prepared.argv[0];
  if (code === 'ENOENT') {
    return `Could not start "${program}": not found (or the folder "${prepared.cwd}" is missing); give its full path or allow PATH`;
  }
  if (code === 'EACCES') return `Could not start "${program}": not allowed to run it`;
  return `Could not start "${program}": ${messageOf(error)}`;
}

function seconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Number((ms / 1000).toFixed(1))} s`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
