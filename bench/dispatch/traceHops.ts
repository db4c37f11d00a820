/**
 * Reads a FORMULARY_STOMP_TRACE file written during `bench:dispatch --trace FILE` (the server, the
 * workers and the benchmark's own marks, one clock) and splits each broker job's way from enqueue to
 * `running` into its hops, so the tail can be pinned on one part of the path rather than guessed.
 * The broker's `timestamp` header (ms, set when it reads the SEND) splits each broker hop in two.
 */

/** The hops of one broker job, in ms; undefined where the trace lacks a frame. */
export interface JobHops {
  readonly jobId: string;
  /** enqueue → the job's SEND written by the server (record `queued`, counting, serialising). */
  readonly serverOut?: number;
  /** SEND written → the broker's timestamp on it (socket, the broker's reader thread). */
  readonly toBroker?: number;
  /** broker timestamp → the bytes at the worker (store and dispatch inside the broker, socket). */
  readonly brokerToWorker?: number;
  /** bytes at the worker → its `started` SEND written (parse, prepare, spawn, the process start). */
  readonly worker?: number;
  /** Of `worker`: the task's folder, request file and process start (WORKER run → running), as local jobs pay. */
  readonly spawn?: number;
  /** enqueue → `running` recorded, less `spawn`: what the broker path adds to a job's start. */
  readonly dispatch?: number;
  /** `started` SEND written → the broker's timestamp on it. */
  readonly statusToBroker?: number;
  /** broker timestamp → the bytes at the server. */
  readonly brokerToServer?: number;
  /** bytes at the server → `running` recorded (parse, the status applier, the recorder). */
  readonly serverIn?: number;
  /** The job's SEND → its RECEIPT at the server (not on the path of one job; limits a burst). */
  readonly jobReceipt?: number;
  /** The `started` SEND → its RECEIPT at the worker. */
  readonly startedReceipt?: number;
  /** enqueue → `running` recorded. */
  readonly total?: number;
}

export const HOP_NAMES = [
  'serverOut',
  'toBroker',
  'brokerToWorker',
  'worker',
  'statusToBroker',
  'brokerToServer',
  'serverIn',
  'total',
  'spawn',
  'dispatch',
  'jobReceipt',
  'startedReceipt',
] as const;

interface Line {
  readonly time: number;
  readonly pid: string;
  readonly text: string;
}

function parseLine(raw: string): Line | undefined {
  const a = raw.indexOf(' ');
  const b = raw.indexOf(' ', a + 1);
  if (a < 0 || b < 0) return undefined;
  const time = Number(raw.slice(0, a));
  return Number.isFinite(time) ? { time, pid: raw.slice(a + 1, b), text: raw.slice(b + 1) } : undefined;
}

function header(text: string, name: string): string | undefined {
  const at = text.indexOf(` | ${name}:`);
  if (at < 0) return undefined;
  const start = at + name.length + 4;
  const end = text.indexOf(' | ', start);
  return text.slice(start, end < 0 ? undefined : end);
}

interface Marks {
  enqueue?: number;
  running?: number;
  send?: number;
  sendReceipt?: { pid: string; id: string };
  receipt?: number;
  sendStamp?: number;
  atWorker?: number;
  startedSend?: number;
  startedReceipt?: { pid: string; id: string };
  startedReceiptAt?: number;
  startedStamp?: number;
  atServer?: number;
  run?: number;
  runningAtWorker?: number;
}

/**
 * The hops of every job whose id `keep` accepts, from the trace's text. Bench marks are lines
 * `BENCH enqueue <jobId>` and `BENCH running <jobId>`.
 */
export function traceHops(text: string, keep: (jobId: string) => boolean): JobHops[] {
  const marks = new Map<string, Marks>();
  const of = (jobId: string) => {
    let m = marks.get(jobId);
    if (m === undefined) {
      m = {};
      marks.set(jobId, m);
    }
    return m;
  };
  const lastData = new Map<string, number>();
  const receipts = new Map<string, Marks>();
  const receiptKind = new Map<string, 'job' | 'started'>();
  for (const raw of text.split('\n')) {
    const line = parseLine(raw);
    if (line === undefined) continue;
    const { time, pid, text: t } = line;
    if (t === 'Received data') {
      lastData.set(pid, time);
      continue;
    }
    if (t.startsWith('BENCH ') || t.startsWith('WORKER ')) {
      const [who, what, jobId] = t.split(' ');
      if (jobId === undefined || !keep(jobId)) continue;
      const m = of(jobId);
      if (who === 'BENCH' && what === 'enqueue') m.enqueue ??= time;
      if (who === 'BENCH' && what === 'running') m.running ??= time;
      if (who === 'WORKER' && what === 'run') m.run ??= time;
      if (who === 'WORKER' && what === 'running') m.runningAtWorker ??= time;
      continue;
    }
    const jobId = header(t, 'formulary-job-id');
    if (t.startsWith('<<< RECEIPT')) {
      const key = `${pid} ${header(t, 'receipt-id')}`;
      const m = receipts.get(key);
      if (m === undefined) continue;
      if (receiptKind.get(key) === 'job') m.receipt ??= time;
      else m.startedReceiptAt ??= time;
      receipts.delete(key);
      continue;
    }
    if (jobId === undefined || !keep(jobId)) continue;
    const status = header(t, 'formulary-status');
    const m = of(jobId);
    if (t.startsWith('>>> SEND') && status === undefined && m.send === undefined) {
      m.send = time;
      const key = `${pid} ${header(t, 'receipt')}`;
      receipts.set(key, m);
      receiptKind.set(key, 'job');
    } else if (t.startsWith('<<< MESSAGE') && status === undefined && m.atWorker === undefined) {
      m.atWorker = lastData.get(pid) ?? time;
      m.sendStamp = Number(header(t, 'timestamp'));
    } else if (t.startsWith('>>> SEND') && status === 'started' && m.startedSend === undefined) {
      m.startedSend = time;
      const key = `${pid} ${header(t, 'receipt')}`;
      receipts.set(key, m);
      receiptKind.set(key, 'started');
    } else if (t.startsWith('<<< MESSAGE') && status === 'started' && m.atServer === undefined) {
      m.atServer = lastData.get(pid) ?? time;
      m.startedStamp = Number(header(t, 'timestamp'));
    }
  }
  const span = (a?: number, b?: number) =>
    a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) ? undefined : b - a;
  return [...marks].map(([jobId, m]) => {
    const spawn = span(m.run, m.runningAtWorker);
    const total = span(m.enqueue, m.running);
    return {
      jobId,
      serverOut: span(m.enqueue, m.send),
      toBroker: span(m.send, m.sendStamp),
      brokerToWorker: span(m.sendStamp, m.atWorker),
      worker: span(m.atWorker, m.startedSend),
      statusToBroker: span(m.startedSend, m.startedStamp),
      brokerToServer: span(m.startedStamp, m.atServer),
      serverIn: span(m.atServer, m.running),
      jobReceipt: span(m.send, m.receipt),
      startedReceipt: span(m.startedSend, m.startedReceiptAt),
      total,
      spawn,
      dispatch: total === undefined || spawn === undefined ? undefined : total - spawn,
    };
  });
}
