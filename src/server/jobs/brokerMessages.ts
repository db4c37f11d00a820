/**
 * What goes over the broker, as plain JSON: the job message the server publishes (the facility's
 * fields at the top level, beside the full request, plus a `formulary` block a worker needs) and the
 * status messages workers send back (started, log, curve, complete, error). Building, routing and reading
 * them lives here, so the server, the worker and a test agree on one format.
 */
import type { BrokerConfig } from './BrokerConfig';
import type { CurveNews } from './JobRecorder';
import type { AttemptCause, JobAttempt, JobTransition, LogLine } from './JobTypes';

/** Version of the `formulary` block; a worker refuses a message with a newer one. */
export const MESSAGE_VERSION = 1;

/** What a worker needs besides the facility's fields: the attempt it runs. */
export interface JobEnvelope {
  readonly version: number;
  readonly jobId: string;
  readonly attempt: number;
  readonly submissionId: string;
  /** The catalogue id, which picks the worker's task. */
  readonly instrument: string;
  readonly scanIndex: number | null;
  readonly cause: AttemptCause;
  /** Where the worker answers (the server's status queue). */
  readonly replyTo: string;
  /** When the server published it (ISO 8601), for submit-to-started latency. */
  readonly sentAt: string;
}

/** The kinds of status message, named as facility agents name theirs. */
export type StatusKind = 'started' | 'log' | 'curve' | 'complete' | 'error';

export interface StatusMessage {
  readonly kind: StatusKind;
  readonly jobId: string;
  /** The attempt the job message carried; the server decides the attempt it becomes. */
  readonly attempt: number;
  /** This delivery's run on a worker: `<worker>/<random id>`, stored as the attempt's runnerId. */
  readonly runId: string;
  /** The broker said it had delivered this job before (the worker that had it stopped). */
  readonly redelivered: boolean;
  /** For started, complete and error. */
  readonly transition?: JobTransition;
  /** For log. */
  readonly lines?: readonly LogLine[];
  /**
   * For curve: the task's curve file changed; its size, modification time and (up to
   * MAX_CURVE_TEXT bytes) its text, so the server can plot it without seeing the worker's folder.
   */
  readonly curve?: CurveNews;
}

/** A curve file larger than this is announced without its text (the page then has no plot of it). */
export const MAX_CURVE_TEXT = 4 * 1024 * 1024;

/** The job message of an attempt: the facility's fields, the request, and our envelope. */
export function jobMessage(attempt: JobAttempt, broker: BrokerConfig): Record<string, unknown> {
  const { fields } = broker;
  const request = attempt.request;
  const instrumentName = valueAt(request, broker.instrumentPointer);
  const proposalValue = valueAt(request, broker.proposalPointer);
  const proposal =
    proposalValue === undefined || proposalValue === null || proposalValue === ''
      ? null
      : broker.proposalFormat.replaceAll('{value}', String(proposalValue));
  const instrument =
    typeof instrumentName === 'string' && instrumentName !== '' ? instrumentName : attempt.instrument;
  const runs = runNumbersOf(request, broker.runNumberPointers);
  const files = stringsAt(request, broker.dataFilePointers);
  if (broker.dataFileTemplate !== null) {
    for (const run of runs) {
      files.push(
        broker.dataFileTemplate
          .replaceAll('{instrument}', instrument)
          .replaceAll('{proposal}', proposal ?? '')
          .replaceAll('{run}', run),
      );
    }
  }
  const facility = broker.facility ?? valueAt(request, '/facility');
  const envelope: JobEnvelope = {
    version: MESSAGE_VERSION,
    jobId: attempt.jobId,
    attempt: attempt.attempt,
    submissionId: attempt.submissionId,
    instrument: attempt.instrument,
    scanIndex: attempt.scanIndex,
    cause: attempt.cause,
    replyTo: broker.statusQueue,
    sentAt: new Date().toISOString(),
  };
  return {
    [fields.facility]: typeof facility === 'string' ? facility : null,
    [fields.instrument]: instrument,
    [fields.proposal]: proposal,
    [fields.runNumbers]: runs,
    [fields.dataFiles]: [...new Set(files)],
    [fields.request]: request,
    formulary: envelope,
  };
}

/** The destination of an attempt: high-memory when the rule matches, else its route, else jobQueue. */
export function routeFor(attempt: Pick<JobAttempt, 'instrument' | 'request'>, broker: BrokerConfig): string {
  const rule = broker.highMemory;
  if (rule !== null) {
    const value = valueAt(attempt.request, rule.pointer);
    const high = rule.values.length === 0 ? value === true : rule.values.some((v) => v === value);
    if (high) return broker.highMemoryQueue.replaceAll('{instrument}', attempt.instrument);
  }
  return (broker.routes[attempt.instrument] ?? broker.jobQueue).replaceAll(
    '{instrument}',
    attempt.instrument,
  );
}

/** A job message read back by a worker: the attempt, or a sentence saying what is wrong with it. */
export function readJobMessage(
  body: string,
  broker: BrokerConfig,
): { attempt: JobAttempt; envelope: JobEnvelope } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { problem: `the body is not JSON: ${(error as Error).message}` };
  }
  if (!isObject(parsed)) return { problem: 'the body is not a JSON object' };
  const envelope = parsed.formulary;
  if (!isObject(envelope)) return { problem: 'the body has no "formulary" object (jobId, attempt, ...)' };
  if (typeof envelope.version !== 'number' || envelope.version > MESSAGE_VERSION)
    return {
      problem: `formulary.version ${String(envelope.version)} is not one this worker reads (${MESSAGE_VERSION})`,
    };
  if (typeof envelope.jobId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(envelope.jobId))
    return { problem: 'formulary.jobId must be letters, digits, - and _' };
  if (!Number.isInteger(envelope.attempt) || (envelope.attempt as number) < 1)
    return { problem: 'formulary.attempt must be a positive integer' };
  if (typeof envelope.instrument !== 'string' || envelope.instrument === '')
    return { problem: 'formulary.instrument must name the instrument' };
  if (!(broker.fields.request in parsed))
    return { problem: `the body has no "${broker.fields.request}" field` };
  const scanIndex = Number.isInteger(envelope.scanIndex) ? (envelope.scanIndex as number) : null;
  const attempt: JobAttempt = {
    jobId: envelope.jobId,
    attempt: envelope.attempt as number,
    submissionId: typeof envelope.submissionId === 'string' ? envelope.submissionId : '',
    instrument: envelope.instrument,
    scanIndex,
    request: parsed[broker.fields.request],
    cause: (typeof envelope.cause === 'string' ? envelope.cause : 'submitted') as AttemptCause,
  };
  return { attempt, envelope: envelope as unknown as JobEnvelope };
}

/** A status message read back by the server, or a sentence saying what is wrong with it. */
export function readStatusMessage(body: string): StatusMessage | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { problem: `the body is not JSON: ${(error as Error).message}` };
  }
  if (!isObject(parsed)) return { problem: 'the body is not a JSON object' };
  const { kind, jobId, attempt, runId } = parsed;
  if (kind !== 'started' && kind !== 'log' && kind !== 'curve' && kind !== 'complete' && kind !== 'error')
    return { problem: `kind must be started, log, curve, complete or error, not ${JSON.stringify(kind)}` };
  if (typeof jobId !== 'string' || !Number.isInteger(attempt) || typeof runId !== 'string')
    return { problem: 'jobId, attempt and runId are required' };
  if (kind === 'log') {
    if (!Array.isArray(parsed.lines)) return { problem: 'a log message needs "lines"' };
  } else if (kind === 'curve') {
    const curve = parsed.curve;
    if (!isObject(curve) || !Number.isInteger(curve.bytes) || typeof curve.time !== 'string')
      return { problem: 'a curve message needs "curve" with bytes (an integer) and time' };
    if (curve.text !== undefined && typeof curve.text !== 'string')
      return { problem: "curve.text must be a string (the curve file's content) when present" };
  } else if (!isObject(parsed.transition) || typeof parsed.transition.state !== 'string') {
    return { problem: `a ${kind} message needs "transition" with a state` };
  }
  return parsed as unknown as StatusMessage;
}

/** The status kind of a transition the worker's task went through. */
export function statusKindOf(change: JobTransition): StatusKind {
  if (change.state === 'running') return 'started';
  return change.state === 'succeeded' ? 'complete' : 'error';
}

/** Run numbers at the pointers, as strings, with "1:3" ranges (up to 10,000 runs) and "1,2" lists expanded. */
export function runNumbersOf(request: unknown, pointers: readonly string[]): string[] {
  const runs: string[] = [];
  for (const value of valuesAt(request, pointers)) {
    if (typeof value === 'number' && Number.isInteger(value)) runs.push(String(value));
    if (typeof value !== 'string') continue;
    for (const part of value.split(',')) {
      const range = /^\s*(\d+)\s*[:-]\s*(\d+)\s*$/.exec(part);
      if (
        range !== null &&
        Number(range[2]) >= Number(range[1]) &&
        Number(range[2]) - Number(range[1]) < 10_000
      ) {
        for (let run = Number(range[1]); run <= Number(range[2]); run++) runs.push(String(run));
      } else if (/^\s*\d+\s*$/.test(part)) runs.push(part.trim());
    }
  }
  return [...new Set(runs)];
}

function stringsAt(request: unknown, pointers: readonly string[]): string[] {
  return valuesAt(request, pointers).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Values at JSON Pointers where a `*` token steps into every item of an array (or value of an object). */
function valuesAt(root: unknown, pointers: readonly string[]): unknown[] {
  const out: unknown[] = [];
  for (const pointer of pointers) {
    let current: unknown[] = [root];
    for (const token of tokensOf(pointer)) {
      const next: unknown[] = [];
      for (const node of current) {
        if (token === '*') {
          if (Array.isArray(node)) next.push(...node);
          else if (isObject(node)) next.push(...Object.values(node));
        } else if (Array.isArray(node) && /^\d+$/.test(token)) next.push(node[Number(token)]);
        else if (isObject(node) && Object.hasOwn(node, token)) next.push(node[token]);
      }
      current = next;
    }
    out.push(...current.filter((v) => v !== undefined));
  }
  return out;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of tokensOf(pointer)) {
    if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

function tokensOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
