/**
 * The local dispatcher with real child processes: concurrency per instrument and in all, cancel of
 * queued and running jobs, re-runs as attempt n+1, an instrument without a task, and shutdown that
 * interrupts running jobs and queues their next attempt.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type JobTransition, LocalDispatcher, MemoryJobRecorder } from '../../../src/server/jobs/index';
import { attemptOf, configWith, fixture } from './jobsTestKit';

const recorders: MemoryJobRecorder[] = [];
afterEach(() => {
  for (const recorder of recorders.splice(0)) expect(recorder.violations).toEqual([]);
});

function recorder(): MemoryJobRecorder {
  const made = new MemoryJobRecorder({ delayMs: 2 });
  recorders.push(made);
  return made;
}

const nap = { command: ['{node}', fixture('nap.mjs')] };

/** Most attempts running at once, overall and per instrument, from the acknowledged transitions. */
function peakConcurrency(history: readonly JobTransition[], instrumentOf: Map<string, string>) {
  let total = 0;
  let peak = 0;
  const now = new Map<string, number>();
  const peaks = new Map<string, number>();
  for (const change of history) {
    const instrument = instrumentOf.get(change.jobId)!;
    const delta =
      change.state === 'running' ? 1 : ['succeeded', 'failed', 'cancelled'].includes(change.state) ? -1 : 0;
    if (delta === 0) continue;
    total += delta;
    now.set(instrument, (now.get(instrument) ?? 0) + delta);
    peak = Math.max(peak, total);
    peaks.set(instrument, Math.max(peaks.get(instrument) ?? 0, now.get(instrument)!));
  }
  return { peak, peaks };
}

describe('LocalDispatcher', () => {
  it('keeps to the concurrency limits per instrument and in all', async () => {
    const config = configWith(
      {
        eqsans: { ...nap, concurrency: 1 },
        biosans: { ...nap, concurrency: 2 },
        '*': { ...nap, concurrency: 3 },
      },
      { maxConcurrent: 3 },
    );
    const rec = recorder();
    const dispatcher = new LocalDispatcher({ config, recorder: rec, runnerId: 'test' });
    const instrumentOf = new Map<string, string>();
    // Bio-SANS first: two of its jobs start, the third waits and lets an EQSANS job pass it.
    for (const instrument of ['biosans', 'eqsans', 'powder']) {
      for (let i = 0; i < 4; i++) {
        const attempt = attemptOf({ instrument, request: { ms: 250 } });
        instrumentOf.set(attempt.jobId, instrument);
        await dispatcher.enqueue(attempt);
      }
    }
    expect(dispatcher.snapshot()).toMatchObject({
      running: 3,
      queued: 9,
      byInstrument: { biosans: { running: 2, queued: 2 }, eqsans: { running: 1, queued: 3 } },
    });
    await dispatcher.idle();
    for (const jobId of instrumentOf.keys()) expect(rec.stateOf(jobId)).toBe('succeeded');
    const { peak, peaks } = peakConcurrency(rec.history, instrumentOf);
    expect(peak).toBe(3);
    expect(peaks.get('eqsans')).toBe(1);
    expect(peaks.get('biosans')).toBe(2);
    expect(peaks.get('powder')).toBeLessThanOrEqual(3);
  });

  it("keeps to a request's own maxParallelJobs", async () => {
    const config = configWith({ eqsans: { ...nap, concurrency: 4 } }, { maxConcurrent: 4 });
    const rec = recorder();
    const dispatcher = new LocalDispatcher({ config, recorder: rec });
    const instrumentOf = new Map<string, string>();
    for (const submissionId of ['sub-a', 'sub-b']) {
      for (let i = 0; i < 3; i++) {
        const attempt = attemptOf({ submissionId, scanIndex: i, maxParallel: 2, request: { ms: 200 } });
        instrumentOf.set(attempt.jobId, submissionId); // counted per submission below
        await dispatcher.enqueue(attempt);
      }
    }
    expect(dispatcher.snapshot()).toMatchObject({ running: 4, queued: 2 });
    await dispatcher.idle();
    const { peaks } = peakConcurrency(rec.history, instrumentOf);
    expect(peaks.get('sub-a')).toBe(2);
    expect(peaks.get('sub-b')).toBe(2);
  });

  it('cancels the queued scans of a request that asks to stop on failure, and only those', async () => {
    const config = configWith(
      { eqsans: { command: ['{node}', fixture('chatty.mjs'), '{requestFile}'] } },
      { maxConcurrent: 1 },
    );
    const rec = recorder();
    const dispatcher = new LocalDispatcher({ config, recorder: rec });
    const scans = [0, 1, 2].map((i) =>
      attemptOf({
        submissionId: 'ramp',
        scanIndex: i,
        stopOnFailure: true,
        request: { exit: i === 0 ? 2 : 0 },
      }),
    );
    const other = attemptOf({ submissionId: 'other', request: {} });
    for (const attempt of [...scans, other]) await dispatcher.enqueue(attempt);
    await dispatcher.idle();
    expect(scans.map((a) => rec.stateOf(a.jobId))).toEqual(['failed', 'cancelled', 'cancelled']);
    expect(rec.lastTransition(scans[1]!.jobId)!.message).toBe(
      'Not run: scan 1 failed and the request asks to stop then (continueOnFailure is false)',
    );
    expect(rec.stateOf(other.jobId)).toBe('succeeded');
  });

  it('cancels a queued job at once and a running one once its processes are gone', async () => {
    const config = configWith({ eqsans: nap }, { maxConcurrent: 1 });
    const rec = recorder();
    const dispatcher = new LocalDispatcher({ config, recorder: rec });
    const first = attemptOf({ request: { ms: 60_000 } });
    const second = attemptOf({ request: { ms: 10 } });
    await dispatcher.enqueue(first);
    await dispatcher.enqueue(second);
    await rec.waitFor(() => rec.logText(first.jobId).includes('napping'));
    expect(await dispatcher.cancel(second.jobId, 'Cancelled by ada')).toBe('cancelled');
    expect(rec.get(second.jobId)!.transitions.map((t) => t.state)).toEqual(['queued', 'cancelled']);
    expect(await dispatcher.cancel(first.jobId)).toBe('stopping');
    const final = await rec.waitForFinal(first.jobId);
    expect(final).toMatchObject({ state: 'cancelled', reason: 'cancel' });
    await dispatcher.idle();
    expect(await dispatcher.cancel(first.jobId)).toBe('not-found');
  });

  it('cancels a job whose queued state is still being stored', async () => {
    const config = configWith({ eqsans: nap });
    const rec = new MemoryJobRecorder({ delayMs: 50 });
    recorders.push(rec);
    const dispatcher = new LocalDispatcher({ config, recorder: rec });
    const attempt = attemptOf({ request: { ms: 60_000 } });
    const arriving = dispatcher.enqueue(attempt);
    expect(await dispatcher.cancel(attempt.jobId, 'Cancelled at once')).toBe('stopping');
    await arriving;
    await dispatcher.idle();
    expect(rec.get(attempt.jobId)!.transitions.map((t) => [t.state, t.message])).toEqual([
      ['queued', 'Queued'],
      ['cancelled', 'Cancelled at once'],
    ]);
  });

  it('re-runs a job as its next attempt, with its own log, and refuses a second copy while one runs', async () => {
    const config = configWith({ eqsans: nap });
    const rec = recorder();
    const dispatcher = new LocalDispatcher({ config, recorder: rec });
    const first = attemptOf({ request: { ms: 200 } });
    await dispatcher.enqueue(first);
    await expect(dispatcher.enqueue({ ...first, attempt: 2, cause: 'rerun' })).rejects.toThrow(
      /already queued or running/,
    );
    await dispatcher.idle();
    await dispatcher.enqueue({ ...first, attempt: 2, cause: 'rerun' });
    await dispatcher.idle();
    expect(rec.stateOf(first.jobId, 1)).toBe('succeeded');
    const second = rec.get(first.jobId, 2)!;
    expect(second.transitions.map((t) => t.state)).toEqual(['queued', 'running', 'succeeded']);
    expect(second.transitions[0]).toMatchObject({ cause: 'rerun', message: 'Queued as attempt 2' });
    expect(second.lines[0]!.text).toMatch(/^Attempt 2 started/);
    expect(second.lines[0]!.text).toContain(`/${first.jobId}/2`);
  });

  it('fails a job whose instrument has no task, naming the configuration key', async () => {
    const rec = recorder();
    const dispatcher = new LocalDispatcher({ config: configWith({ eqsans: nap }), recorder: rec });
    const attempt = attemptOf({ instrument: 'powder' });
    await dispatcher.enqueue(attempt);
    expect(rec.lastTransition(attempt.jobId)).toMatchObject({
      state: 'failed',
      reason: 'no-task',
      message: 'No reduction task is configured for instrument "powder" (jobs.tasks.powder)',
    });
  });

  it('fails a job whose id cannot name a folder, before anything runs', async () => {
    const rec = recorder();
    const dispatcher = new LocalDispatcher({ config: configWith({ eqsans: nap }), recorder: rec });
    const attempt = attemptOf({ jobId: '..' });
    await dispatcher.enqueue(attempt);
    await dispatcher.idle();
    expect(rec.get('..')!.transitions.map((t) => t.state)).toEqual(['queued', 'failed']);
    expect(rec.lastTransition('..')!.message).toBe(
      'Could not prepare the job: job id ".." cannot name a folder (letters, digits, - and _ only)',
    );
  });

  it('on shutdown interrupts running jobs, queues their next attempt, and leaves queued ones queued', async () => {
    const config = configWith({ eqsans: nap }, { maxConcurrent: 1 });
    const rec = recorder();
    const dispatcher = new LocalDispatcher({ config, recorder: rec });
    const running = attemptOf({ request: { ms: 60_000 } });
    const waiting = attemptOf({ request: { ms: 10 } });
    await dispatcher.enqueue(running);
    await dispatcher.enqueue(waiting);
    await rec.waitFor(() => rec.logText(running.jobId).includes('napping'));
    await dispatcher.close({ drainMs: 100 });
    expect(rec.lastTransition(running.jobId, 1)).toMatchObject({ state: 'interrupted', reason: 'shutdown' });
    expect(rec.get(running.jobId, 2)!.transitions).toEqual([
      expect.objectContaining({ state: 'queued', cause: 'shutdown' }),
    ]);
    expect(rec.stateOf(waiting.jobId)).toBe('queued');
    await expect(dispatcher.enqueue(attemptOf())).rejects.toThrow(/closed/);
  });
});
