/**
 * POSTs one reduction request as JSON, with a timeout per attempt, retries with exponential backoff on
 * network errors, timeouts and 5xx (and 408/429), and one Idempotency-Key for every attempt of the same
 * logical submission so a retried request is not submitted twice. A 4xx is not retried: the server's
 * message comes back for the form to show. Framework-free; never throws for HTTP or network failures.
 */

export interface Backoff {
  /** Delay before the first retry; 500 ms by default. */
  initialMs?: number;
  /** Multiplier per retry; 2 by default. */
  factor?: number;
  /** Cap on one delay; 30 s by default. */
  maxMs?: number;
}

export interface SubmitOptions {
  url: string;
  /** Per attempt; 15 s by default. */
  timeoutMs?: number;
  /** Retries after the first attempt; 3 by default. */
  retries?: number;
  backoff?: Backoff | ((retry: number) => number);
  fetch?: typeof globalThis.fetch;
  /** One key per logical submission; a random UUID by default. Reuse it to retry the same one later. */
  idempotencyKey?: string;
  /** Cancels the attempts and waits (the user left). */
  signal?: AbortSignal;
  /** Told before each retry waits, for a "retrying in 2 s" status. */
  onRetry?: (info: { retry: number; delayMs: number; reason: string; why?: SendReason }) => void;
  /** Extra headers (auth); Content-Type and Idempotency-Key are ours. */
  headers?: Record<string, string>;
}

/** One field problem a server named in its refusal (RFC 9457 problem+json `errors[]`, as ours sends). */
/**
 * Why a send failed, as a catalogue key (draft.send.*) and its values, so a status shown later (even
 * from the stored outbox) is worded in the reader's language; `message` beside it stays English.
 * Absent where the words are the server's own (a refusal's detail).
 */
export interface SendReason {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface ServerFieldProblem {
  readonly pointer: string;
  readonly message: string;
  readonly rule: string;
  readonly label?: string;
}

export type SubmitResult =
  | { ok: true; status: number; body: unknown; attempts: number; idempotencyKey: string }
  | {
      ok: false;
      /** rejected: the server said no (4xx), retrying will not help. unreachable: try again later. */
      kind: 'rejected' | 'unreachable';
      status?: number;
      message: string;
      /** The reason in catalogue words, when it is ours rather than the server's. */
      why?: SendReason;
      /** Rejected only: the fields the server named (a 422's errors[]), for the form to show beside them. */
      problems?: readonly ServerFieldProblem[];
      attempts: number;
      idempotencyKey: string;
      /**
       * Unreachable only: an attempt went out and no answer came back (a timeout, or the connection
       * lost while the browser was online), so the server may have received it.
       */
      mayHaveLanded?: boolean;
    };

/** Delay before retry number `retry` (1-based): initial * factor^(retry-1), capped. */
export function backoffDelay(backoff: SubmitOptions['backoff'], retry: number): number {
  if (typeof backoff === 'function') return Math.max(0, backoff(retry));
  const initial = backoff?.initialMs ?? 500;
  const factor = backoff?.factor ?? 2;
  const max = backoff?.maxMs ?? 30_000;
  return Math.min(max, initial * factor ** (retry - 1));
}

/** A fresh idempotency key (UUID v4 where crypto has it). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Submits `request`; resolves to the outcome after at most 1 + retries attempts.
 * Example: a server answering 503, 503, 200 gives {ok: true, attempts: 3} with one key on all three.
 */
export async function submitRequest(request: unknown, options: SubmitOptions): Promise<SubmitResult> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retries = options.retries ?? 3;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey();
  const body = JSON.stringify(request);
  let attempts = 0;
  let lastReason = '';
  let lastWhy: SendReason | undefined;
  let lastStatus: number | undefined;
  let mayHaveLanded = false;
  for (;;) {
    if (options.signal?.aborted) break;
    attempts += 1;
    const outcome = await attempt(doFetch, options, body, idempotencyKey, timeoutMs);
    if (outcome.type === 'accepted') {
      return { ok: true, status: outcome.status, body: outcome.body, attempts, idempotencyKey };
    }
    if (outcome.type === 'rejected') {
      return {
        ok: false,
        kind: 'rejected',
        status: outcome.status,
        message: outcome.message,
        ...(outcome.problems.length > 0 && { problems: outcome.problems }),
        attempts,
        idempotencyKey,
      };
    }
    lastReason = outcome.message;
    lastWhy = outcome.why;
    lastStatus = outcome.status;
    if (outcome.unanswered) mayHaveLanded = true;
    if (attempts > retries) break;
    const delayMs = backoffDelay(options.backoff, attempts);
    options.onRetry?.({ retry: attempts, delayMs, reason: lastReason, ...(lastWhy && { why: lastWhy }) });
    if (!(await wait(delayMs, options.signal))) break;
  }
  return {
    ok: false,
    kind: 'unreachable',
    status: lastStatus,
    message: options.signal?.aborted ? 'submission cancelled' : lastReason || 'submission cancelled',
    why: options.signal?.aborted || !lastReason ? { key: 'draft.send.cancelled' } : lastWhy,
    attempts,
    idempotencyKey,
    mayHaveLanded,
  };
}

type Attempt =
  | { type: 'accepted'; status: number; body: unknown }
  | { type: 'rejected'; status: number; message: string; problems: ServerFieldProblem[] }
  | { type: 'retry'; status?: number; message: string; why?: SendReason; unanswered?: boolean };

async function attempt(
  doFetch: typeof globalThis.fetch,
  options: SubmitOptions,
  body: string,
  idempotencyKey: string,
  timeoutMs: number,
): Promise<Attempt> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: {
        ...options.headers,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Idempotency-Key': idempotencyKey,
      },
      body,
      signal: controller.signal,
    });
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.ok) return { type: 'accepted', status: response.status, body: parsed ?? text };
    const message = serverMessage(parsed, text, response.status, response.statusText);
    // 408 (timeout) and 429 (too many requests) are worth retrying; other 4xx are the request's fault.
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      return {
        type: 'retry',
        status: response.status,
        message,
        why: { key: 'draft.send.serverStatus', values: { status: String(response.status) } },
      };
    }
    return { type: 'rejected', status: response.status, message, problems: fieldProblems(parsed) };
  } catch (error) {
    const message = controller.signal.aborted
      ? options.signal?.aborted
        ? 'submission cancelled'
        : `no answer within ${timeoutMs} ms`
      : `network error: ${error instanceof Error ? error.message : String(error)}`;
    const why: SendReason = controller.signal.aborted
      ? options.signal?.aborted
        ? { key: 'draft.send.cancelled' }
        : { key: 'draft.send.timeout', values: { seconds: timeoutMs / 1000 } }
      : { key: 'draft.send.network' };
    // Offline, the request never left; otherwise a lost connection may have delivered it first.
    const online = (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine !== false;
    const unanswered = !options.signal?.aborted && online;
    return { type: 'retry', message, why, unanswered };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** The `errors[]` of a problem body that name a field by JSON Pointer; anything else is left out. */
export function fieldProblems(parsed: unknown): ServerFieldProblem[] {
  const errors = (parsed as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  const problems: ServerFieldProblem[] = [];
  for (const e of errors) {
    if (!e || typeof e !== 'object') continue;
    const { pointer, message, rule, label } = e as Record<string, unknown>;
    if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) continue;
    if (typeof message !== 'string') continue;
    problems.push({
      pointer,
      message,
      rule: typeof rule === 'string' ? rule : 'server',
      ...(typeof label === 'string' && { label }),
    });
  }
  return problems;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The server's own words: message / error / detail / title, or errors[].message, else the text. */
export function serverMessage(parsed: unknown, text: string, status: number, statusText = ''): string {
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const record = parsed as Record<string, unknown>;
    for (const key of ['message', 'error', 'detail', 'title']) {
      const value = record[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
      if (
        value &&
        typeof value === 'object' &&
        typeof (value as { message?: unknown }).message === 'string'
      ) {
        return (value as { message: string }).message;
      }
    }
    if (Array.isArray(record.errors)) {
      const parts = record.errors.map((e) =>
        typeof e === 'string'
          ? e
          : e && typeof e === 'object'
            ? String((e as { message?: unknown }).message ?? JSON.stringify(e))
            : String(e),
      );
      if (parts.length > 0) return parts.join('; ');
    }
  }
  const trimmed = text.trim();
  if (trimmed && trimmed.length <= 500 && !trimmed.startsWith('<')) return trimmed;
  return `the server answered ${status}${statusText ? ` ${statusText}` : ''}`;
}

/** Resolves true after ms, or false at once when the signal aborts. */
function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((done) => {
    if (signal?.aborted) return done(false);
    const onAbort = () => {
      clearTimeout(timer);
      done(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
