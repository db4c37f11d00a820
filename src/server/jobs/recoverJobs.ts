/**
 * Start-up recovery: what the store still has as queued or running when the server starts was cut
 * off by a crash or a restart. Running attempts of this runner become `interrupted` (with a log line
 * saying so), a process they left behind is stopped, and each is queued again as the next attempt,
 * at most `requeueInterrupted` times per job; queued attempts are handed to the dispatcher again.
 */
import type { Dispatcher } from './Dispatcher';
import type { JobRecorder } from './JobRecorder';
import type { JobAttempt } from './JobTypes';
import { isAttemptProcess, signalTree, treeAlive } from './processTree';
import { withRetry } from './withRetry';

/** An attempt the store found unfinished: its latest attempt, in state queued or running. */
export interface UnfinishedAttempt extends JobAttempt {
  readonly state: 'queued' | 'running';
  /** From the `running` transition. */
  readonly runnerId?: string | null;
  readonly pid?: number | null;
  /** How many log lines the attempt has stored (its highest seq). */
  readonly lastSeq: number;
  /** How many attempts of this job were already created by recovery (cause "recovery"). */
  readonly recoveries: number;
}

export interface RecoveryOptions {
  readonly recorder: JobRecorder;
  readonly dispatcher: Dispatcher;
  /** Only running attempts started under this id are touched; others belong to another server. */
  readonly runnerId: string;
  /** Most recovery requeues per job (the configuration's `requeueInterrupted`; 0 never requeues). */
  readonly requeueInterrupted: number;
  /** Grace between SIGTERM and SIGKILL for a leftover process. */
  readonly killGraceMs: number;
}

export interface RecoveryReport {
  readonly requeued: readonly string[];
  readonly interrupted: readonly string[];
  readonly resumed: readonly string[];
  readonly skipped: readonly string[];
  readonly leftoversStopped: readonly string[];
}

/** Handles every unfinished attempt; resolves when all are recorded and queued. O(attempts). */
export async function recoverJobs(
  unfinished: readonly UnfinishedAttempt[],
  options: RecoveryOptions,
): Promise<RecoveryReport> {
  const report = { requeued: [], interrupted: [], resumed: [], skipped: [], leftoversStopped: [] } as {
    [K in keyof RecoveryReport]: string[];
  };
  for (const found of unfinished) {
    const attempt = toAttempt(found);
    if (found.state === 'queued') {
      await options.dispatcher.enqueue(attempt, { alreadyQueued: true });
      report.resumed.push(found.jobId);
      continue;
    }
    if ((found.runnerId ?? options.runnerId) !== options.runnerId) {
      report.skipped.push(found.jobId);
      continue;
    }
    const lines: string[] = [];
    if (found.pid != null && isAttemptProcess(found.pid, found.jobId, found.attempt)) {
      await stopLeftover(found.pid, options.killGraceMs);
      lines.push(`Stopped the process this attempt left running (pid ${found.pid})`);
      report.leftoversStopped.push(found.jobId);
    }
    const requeue = found.recoveries < options.requeueInterrupted;
    const next = found.attempt + 1;
    const message = requeue
      ? `Interrupted: the server stopped while this attempt ran; queued again as attempt ${next}`
      : `Interrupted: the server stopped while this attempt ran; not queued again, it was already queued again ${found.recoveries} time(s) after an interruption (limit ${options.requeueInterrupted}); re-run it by hand`;
    lines.push(message);
    const time = new Date().toISOString();
    const logLines = lines.map((text, i) => ({
      seq: found.lastSeq + 1 + i,
      stream: 'system' as const,
      time,
      text,
    }));
    await withRetry(() => options.recorder.appendLog(found.jobId, found.attempt, logLines));
    await withRetry(() =>
      options.recorder.transition({
        jobId: found.jobId,
        attempt: found.attempt,
        state: 'interrupted',
        reason: 'recovery',
        time,
        message,
      }),
    );
    report.interrupted.push(found.jobId);
    if (requeue) {
      await options.dispatcher.enqueue({ ...attempt, attempt: next, cause: 'recovery' });
      report.requeued.push(found.jobId);
    }
  }
  return report;
}

async function stopLeftover(pid: number, graceMs: number): Promise<void> {
  signalTree(pid, 'SIGTERM');
  const killAt = Date.now() + graceMs;
  while (treeAlive(pid)) {
    if (Date.now() >= killAt) signalTree(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function toAttempt(found: UnfinishedAttempt): JobAttempt {
  return {
    jobId: found.jobId,
    attempt: found.attempt,
    submissionId: found.submissionId,
    instrument: found.instrument,
    scanIndex: found.scanIndex,
    request: found.request,
    cause: found.cause,
    ...(found.maxParallel === undefined ? {} : { maxParallel: found.maxParallel }),
    ...(found.stopOnFailure === undefined ? {} : { stopOnFailure: found.stopOnFailure }),
  };
}
