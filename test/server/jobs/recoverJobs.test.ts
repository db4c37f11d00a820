/**
 * Start-up recovery against a recorder that holds what a crashed server left: running attempts end
 * `interrupted` with a log line saying so and are queued again once, a process they left behind is
 * stopped, queued attempts run without being queued twice, and other runners' jobs are left alone.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type JobAttempt,
  LocalDispatcher,
  MemoryJobRecorder,
  recoverJobs,
  type UnfinishedAttempt,
} from '../../../src/server/jobs/index';
import { alive, attemptOf, configWith, fixture } from './jobsTestKit';

const recorders: MemoryJobRecorder[] = [];
afterEach(() => {
  for (const recorder of recorders.splice(0)) expect(recorder.violations).toEqual([]);
});

const time = () => new Date().toISOString();

/** Records what a server that crashed mid-run leaves in the store: queued, running, two log lines. */
async function leftRunning(rec: MemoryJobRecorder, attempt: JobAttempt, runnerId: string, pid?: number) {
  const { jobId } = attempt;
  const n = attempt.attempt;
  await rec.transition({
    jobId,
    attempt: n,
    state: 'queued',
    time: time(),
    message: 'Queued',
    cause: attempt.cause,
  });
  await rec.transition({
    jobId,
    attempt: n,
    state: 'running',
    time: time(),
    message: 'Started',
    pid,
    runnerId,
  });
  await rec.appendLog(jobId, n, [
    { seq: 1, stream: 'system', time: time(), text: 'Attempt started' },
    { seq: 2, stream: 'stdout', time: time(), text: 'napping' },
  ]);
}

function setUp(requeueInterrupted = 1) {
  const config = configWith({ eqsans: { command: ['{node}', fixture('nap.mjs')] } }, { requeueInterrupted });
  const rec = new MemoryJobRecorder({ delayMs: 2 });
  recorders.push(rec);
  const dispatcher = new LocalDispatcher({ config, recorder: rec, runnerId: 'host-a' });
  const options = { recorder: rec, dispatcher, runnerId: 'host-a', requeueInterrupted, killGraceMs: 500 };
  return { rec, dispatcher, options };
}

describe('recoverJobs', () => {
  it("keeps a request's own limits on what it queues again", async () => {
    const config = configWith({ eqsans: { command: ['{node}', fixture('nap.mjs')], concurrency: 2 } });
    const rec = new MemoryJobRecorder();
    recorders.push(rec);
    const dispatcher = new LocalDispatcher({ config, recorder: rec, runnerId: 'host-a' });
    const scans = [0, 1].map((i) =>
      attemptOf({ submissionId: 'series', scanIndex: i, maxParallel: 1, request: { ms: 100 } }),
    );
    for (const scan of scans) {
      await rec.transition({
        jobId: scan.jobId,
        attempt: 1,
        state: 'queued',
        time: time(),
        message: 'Queued',
      });
    }
    const unfinished = scans.map((scan) => ({
      ...scan,
      state: 'queued' as const,
      lastSeq: 0,
      recoveries: 0,
    }));
    await recoverJobs(unfinished, {
      recorder: rec,
      dispatcher,
      runnerId: 'host-a',
      requeueInterrupted: 1,
      killGraceMs: 500,
    });
    expect(dispatcher.snapshot()).toMatchObject({ running: 1, queued: 1 });
    await dispatcher.idle();
    expect(scans.map((s) => rec.stateOf(s.jobId))).toEqual(['succeeded', 'succeeded']);
  });

  it('marks a running job interrupted with a log line, stops its leftover process and queues it again', async () => {
    const { rec, dispatcher, options } = setUp();
    const attempt = attemptOf({ request: { ms: 100 } });
    // The process the crashed server had started: still running, detached, carrying the attempt's ids.
    const leftover = spawn(process.execPath, [fixture('nap.mjs')], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { FORMULARY_JOB_ID: attempt.jobId, FORMULARY_ATTEMPT: '1' },
    });
    leftover.stdin.end(JSON.stringify({ ms: 60_000 }));
    await new Promise((resolve) => leftover.once('spawn', resolve));
    await leftRunning(rec, attempt, 'host-a', leftover.pid);
    const found: UnfinishedAttempt = {
      ...attempt,
      state: 'running',
      runnerId: 'host-a',
      pid: leftover.pid,
      lastSeq: 2,
      recoveries: 0,
    };

    const report = await recoverJobs([found], options);
    expect(report).toMatchObject({
      interrupted: [attempt.jobId],
      requeued: [attempt.jobId],
      leftoversStopped: [attempt.jobId],
    });
    expect(alive(leftover.pid!)).toBe(false);
    const first = rec.get(attempt.jobId, 1)!;
    expect(first.transitions.at(-1)).toMatchObject({ state: 'interrupted', reason: 'recovery' });
    expect(first.lines.slice(2).map((l) => [l.seq, l.stream, l.text])).toEqual([
      [3, 'system', `Stopped the process this attempt left running (pid ${leftover.pid})`],
      [4, 'system', 'Interrupted: the server stopped while this attempt ran; queued again as attempt 2'],
    ]);
    expect(await rec.waitForFinal(attempt.jobId, 2)).toMatchObject({ state: 'succeeded' });
    expect(rec.get(attempt.jobId, 2)!.transitions[0]).toMatchObject({ state: 'queued', cause: 'recovery' });
    await dispatcher.idle();
  });

  it('queues a job again only once: the second interruption stays interrupted', async () => {
    const { rec, options } = setUp(1);
    const attempt = attemptOf({ attempt: 2, cause: 'recovery' });
    await leftRunning(rec, attempt, 'host-a');
    const found: UnfinishedAttempt = {
      ...attempt,
      state: 'running',
      runnerId: 'host-a',
      lastSeq: 2,
      recoveries: 1,
    };
    const report = await recoverJobs([found], options);
    expect(report.requeued).toEqual([]);
    expect(rec.lastTransition(attempt.jobId, 2)!.message).toMatch(
      /not queued again, it was already queued again 1 time\(s\)/,
    );
    expect(rec.get(attempt.jobId, 3)).toBeUndefined();
    expect(rec.get(attempt.jobId, 2)!.lines.at(-1)!.text).toMatch(/^Interrupted: .* re-run it by hand$/);
  });

  it('never queues again when requeueInterrupted is 0', async () => {
    const { rec, options } = setUp(0);
    const attempt = attemptOf();
    await leftRunning(rec, attempt, 'host-a');
    await recoverJobs(
      [{ ...attempt, state: 'running', runnerId: 'host-a', lastSeq: 2, recoveries: 0 }],
      options,
    );
    expect(rec.stateOf(attempt.jobId, 1)).toBe('interrupted');
    expect(rec.get(attempt.jobId, 2)).toBeUndefined();
  });

  it('runs jobs that were still queued, without recording queued twice, and leaves other runners alone', async () => {
    const { rec, dispatcher, options } = setUp();
    const waiting = attemptOf({ request: { ms: 50 } });
    await rec.transition({
      jobId: waiting.jobId,
      attempt: 1,
      state: 'queued',
      time: time(),
      message: 'Queued',
    });
    const elsewhere = attemptOf();
    await leftRunning(rec, elsewhere, 'host-b');
    const report = await recoverJobs(
      [
        { ...waiting, state: 'queued', lastSeq: 0, recoveries: 0 },
        { ...elsewhere, state: 'running', runnerId: 'host-b', lastSeq: 2, recoveries: 0 },
      ],
      options,
    );
    expect(report).toMatchObject({ resumed: [waiting.jobId], skipped: [elsewhere.jobId], interrupted: [] });
    expect(await rec.waitForFinal(waiting.jobId)).toMatchObject({ state: 'succeeded' });
    expect(rec.get(waiting.jobId)!.transitions.map((t) => t.state)).toEqual([
      'queued',
      'running',
      'succeeded',
    ]);
    expect(rec.stateOf(elsewhere.jobId)).toBe('running');
    await dispatcher.idle();
  });
});
