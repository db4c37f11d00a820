/**
 * The stomp dispatcher sends a burst without waiting for each job's receipt (a journal write and
 * fsync at the broker, which the next job used to wait for), and still loses, doubles and reorders
 * nothing: with a real ActiveMQ, the jobs reach the queue once each and in order, and after the broker
 * is killed in the middle of a burst and started again, every job is on the queue (sent again). The frames are
 * read from FORMULARY_STOMP_TRACE, as `bench:dispatch --trace` reads them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type AttemptView,
  FINAL_STATES,
  type JobAttempt,
  type JobRecorder,
  MemoryJobRecorder,
  parseJobsConfig,
  StompDispatcher,
  StompLink,
} from '../../../src/server/jobs/index';
import { brokerAvailable, type PrivateBroker, startPrivateBroker, stompUrl, until } from './brokerKit';

const run = brokerAvailable('pipelined publishing (ActiveMQ)');

/** The dispatcher's view of the store: the recorder's latest states, nothing out on the cluster. */
function storeOf(recorder: MemoryJobRecorder & JobRecorder) {
  const latest = new Map<string, AttemptView>();
  const tracked: JobRecorder = {
    transition: async (change) => {
      await recorder.transition(change);
      latest.set(change.jobId, { attempt: change.attempt, state: change.state, runnerId: null, lastSeq: 0 });
    },
    appendLog: (jobId, attempt, lines) => recorder.appendLog(jobId, attempt, lines),
  };
  return {
    recorder: tracked,
    lookup: { latest: async (jobId: string) => latest.get(jobId) },
    ledger: {
      markDispatched: async () => {},
      outstanding: async () => [],
      outstandingOfInstrument: async () => [],
      policyOf: async () => undefined,
      queuedOf: async () => [],
    },
    finalCount: () => [...latest.values()].filter((v) => FINAL_STATES.has(v.state)).length,
  };
}

describe.runIf(run)('the stomp dispatcher pipelines its publishing', () => {
  let dir: string;
  let trace: string;
  const closers: (() => Promise<void> | void)[] = [];
  let serial = 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'formulary-pipelined-'));
    trace = join(dir, 'stomp.trace');
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    delete process.env.FORMULARY_STOMP_TRACE;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const setUp = async (url: string, tag: string) => {
    const prefix = `pipe${Date.now().toString(36)}${tag}`;
    const config = parseJobsConfig(
      {
        dispatcher: 'stomp',
        jobsDir: join(dir, 'jobs'),
        // No `concurrency`: nothing holds the burst back at the server.
        tasks: { tiny: { command: ['/bin/true'] } },
        broker: {
          url,
          jobQueue: `/queue/${prefix}.jobs.{instrument}`,
          statusQueue: `/queue/${prefix}.status`,
          controlTopic: `/topic/${prefix}.control`,
          invalidQueue: `/queue/${prefix}.invalid`,
          reconnectDelayMs: 100,
          maxReconnectDelayMs: 500,
        },
      },
      dir,
    );
    process.env.FORMULARY_STOMP_TRACE = trace;
    rmSync(trace, { force: true });
    const store = storeOf(new MemoryJobRecorder());
    const dispatcher = new StompDispatcher({ config, ...store });
    closers.push(() => dispatcher.close());
    delete process.env.FORMULARY_STOMP_TRACE; // only the dispatcher's link writes the trace
    await dispatcher.connected();
    const attempts = Array.from(
      { length: 20 },
      (): JobAttempt => ({
        jobId: `${tag}-${++serial}`,
        attempt: 1,
        submissionId: `s-${tag}`,
        instrument: 'tiny',
        scanIndex: null,
        request: { iptsNumber: 1, run: serial },
        cause: 'submitted',
      }),
    );
    /** Every job message on the queue, by job id in arrival order (a consumer of the test's own). */
    const received: string[] = [];
    const consumer = new StompLink({ url, reconnectDelayMs: 100, maxReconnectDelayMs: 500 });
    consumer.subscribe(`/queue/${prefix}.jobs.tiny`, { ack: 'auto' }, (message) => {
      received.push(message.headers['formulary-job-id']!);
    });
    consumer.start();
    closers.push(() => consumer.close());
    await consumer.whenConnected();
    return { dispatcher, attempts, received, store };
  };

  /** The job SENDs and the RECEIPTs of the dispatcher's connection, in the order of the trace. */
  const frames = () =>
    readFileSync(trace, 'utf8')
      .split('\n')
      .map((line) =>
        line.split(' ')[2] === '>>>' && line.includes('formulary-job-id:')
          ? 'SEND'
          : line.includes(' <<< RECEIPT')
            ? 'RECEIPT'
            : '',
      )
      .filter((kind) => kind !== '');

  it('sends a burst before the first receipt, and each job reaches the queue once, in order', async () => {
    const { dispatcher, attempts, received } = await setUp(stompUrl!, 'burst');
    await Promise.all(attempts.map((a) => dispatcher.enqueue(a)));
    const ids = attempts.map((a) => a.jobId);
    await until(
      'all 20 jobs on the queue',
      async () => received.length,
      (n) => n >= ids.length,
      30_000,
    );
    await until(
      'every receipt',
      async () => frames().filter((f) => f === 'RECEIPT').length,
      (n) => n >= ids.length,
      30_000,
    );
    const seen = frames();
    // Waiting for each receipt made this 1: SEND, RECEIPT, SEND, RECEIPT, ...
    expect(seen.indexOf('RECEIPT')).toBeGreaterThan(1);
    expect(seen.filter((f) => f === 'SEND')).toHaveLength(ids.length);
    expect(received).toEqual(ids);
    expect(dispatcher.snapshot().queued).toBe(ids.length); // sent, not started (no worker)
  }, 60_000);

  it('a broker killed in the middle of a burst and started again gets every job', async () => {
    const broker: PrivateBroker = startPrivateBroker();
    closers.push(() => broker.remove());
    const { dispatcher, attempts, received } = await setUp(broker.url, 'restart');
    await Promise.all(attempts.map((a) => dispatcher.enqueue(a)));
    broker.kill(); // the burst is sent, little or none of it confirmed or stored
    broker.start();
    const ids = attempts.map((a) => a.jobId);
    await until(
      'every job on the queue after the restart',
      async () => new Set(received).size,
      (n) => n >= ids.length,
      60_000,
    );
    expect([...new Set(received)].sort()).toEqual([...ids].sort());
    // The first copies of the jobs arrive in the order they were enqueued.
    const firsts = received.filter((id, i) => received.indexOf(id) === i);
    expect(firsts).toEqual(ids);
    await until(
      'nothing left unconfirmed',
      async () => dispatcher.snapshot(),
      (s) => s.queued === ids.length,
      30_000,
    );
  }, 180_000);
});
