/**
 * Sends requests through the outbox: an entry is written (persisted) before the first attempt and
 * removed only when the server accepts, then the history records it and `onAccepted` lets the page
 * clear the draft. Retries of one submission reuse its Idempotency-Key. Never sends the same entry
 * twice at once. No React; `startOutboxSync` ties retries to page load and the `online` event.
 */
import { type FieldModel, isPlainObject, jsonEquals } from '../../schemas/index';
import type { HistoryEntry, HistoryStore } from './createHistoryStore';
import type { OutboxEntry, OutboxStore } from './createOutboxStore';
import { diffFromDefaults } from './diffFromDefaults';
import { jobKindOf } from './jobKindOf';
import { newIdempotencyKey, type SubmitOptions, type SubmitResult, submitRequest } from './submitRequest';

export interface SubmitterOptions {
  outbox: OutboxStore;
  history: HistoryStore;
  /** Where and how to POST (url, fetch, timeoutMs, retries, backoff, headers); a function is read per send. */
  send: SendOptions | (() => SendOptions);
  /** Called once per accepted entry (clear the draft, announce it). */
  onAccepted?: (entry: OutboxEntry, history: HistoryEntry) => void;
  now?: () => number;
}

export type SendOptions = Omit<SubmitOptions, 'idempotencyKey' | 'signal' | 'onRetry'>;

export interface SubmissionMeta {
  instrument: string;
  schemaVersion: number;
  /** For the history's job kind and changed fields. */
  model?: FieldModel;
  /** defaultsOf(model): the history lists the fields that differ from these. */
  defaults?: unknown;
  jobKind?: string;
}

export interface Submitter {
  /** Puts `request` in the outbox and sends it; resolves when accepted, rejected or out of retries. */
  submit(request: Record<string, unknown>, meta: SubmissionMeta): Promise<SubmitResult>;
  /** Sends every waiting entry, one after another. Resolves when all have had their attempts. */
  retryPending(): Promise<void>;
  /** Sends one entry now (the outbox's "retry" button); a rejected one gets a fresh try. */
  retry(id: string): Promise<SubmitResult | undefined>;
}

/** The server's id for an accepted submission: the `id` of its JSON answer, when it has one. */
function serverIdOf(body: unknown): { serverId?: string } {
  const id = isPlainObject(body) ? body.id : undefined;
  return typeof id === 'string' && id !== ''
    ? { serverId: id }
    : typeof id === 'number'
      ? { serverId: String(id) }
      : {};
}

export function createSubmitter(options: SubmitterOptions): Submitter {
  const { outbox, history } = options;
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<SubmitResult>>();

  const send = (entry: OutboxEntry): Promise<SubmitResult> => {
    const running = inFlight.get(entry.id);
    if (running) return running;
    const promise = (async () => {
      outbox.getState().update(entry.id, { status: 'sending', nextRetryAt: undefined });
      let attempts = entry.attempts;
      const sendOptions = typeof options.send === 'function' ? options.send() : options.send;
      const result = await submitRequest(entry.request, {
        ...sendOptions,
        // "{instrument}" in the URL is the entry's instrument: one setting serves every form.
        url: sendOptions.url.replaceAll('{instrument}', encodeURIComponent(entry.instrument)),
        // The schema version the draft was made under: the server checks it against its own.
        headers: { ...sendOptions.headers, 'X-Schema-Version': String(entry.schemaVersion) },
        idempotencyKey: entry.id,
        onRetry: ({ delayMs, reason }) => {
          attempts += 1;
          outbox.getState().update(entry.id, { attempts, lastError: reason, nextRetryAt: now() + delayMs });
        },
      });
      const total = entry.attempts + result.attempts;
      if (result.ok) {
        const at = now();
        const record: HistoryEntry = {
          id: entry.id,
          submittedAt: at,
          instrument: entry.instrument,
          schemaVersion: entry.schemaVersion,
          jobKind: entry.jobKind,
          changedFields: [...entry.changedFields],
          request: isPlainObject(entry.request) ? entry.request : {},
          ...serverIdOf(result.body),
        };
        history.getState().add(record);
        outbox.getState().markAccepted(entry, at);
        options.onAccepted?.(entry, record);
      } else {
        outbox.getState().update(entry.id, {
          status: result.kind === 'rejected' ? 'rejected' : 'waiting',
          attempts: total,
          lastError: result.message,
          lastStatus: result.status,
          nextRetryAt: undefined,
        });
      }
      return result;
    })().finally(() => inFlight.delete(entry.id));
    inFlight.set(entry.id, promise);
    return promise;
  };

  return {
    submit(request, meta) {
      const entries = outbox.getState().entries;
      // The same request still waiting (never definitively answered) keeps its key: no double submission.
      const same = entries.find(
        (e) => e.instrument === meta.instrument && e.status !== 'rejected' && jsonEquals(e.request, request),
      );
      if (same) return send(same);
      const entry: OutboxEntry = {
        id: newIdempotencyKey(),
        instrument: meta.instrument,
        schemaVersion: meta.schemaVersion,
        jobKind: meta.jobKind ?? jobKindOf(request, meta.model),
        request: structuredClone(request),
        changedFields: meta.defaults === undefined ? [] : diffFromDefaults(request, meta.defaults),
        createdAt: now(),
        status: 'waiting',
        attempts: 0,
      };
      outbox.getState().put(entry);
      return send(entry);
    },
    async retryPending() {
      const waiting = outbox.getState().entries.filter((e) => e.status === 'waiting' && !inFlight.has(e.id));
      for (const entry of waiting) await send(entry);
    },
    async retry(id) {
      const entry = outbox.getState().entries.find((e) => e.id === id);
      if (!entry) return undefined;
      if (entry.status === 'rejected') {
        // A rejection may be cached server-side under its key: a deliberate new try gets a new one.
        const fresh: OutboxEntry = { ...entry, id: newIdempotencyKey(), status: 'waiting', attempts: 0 };
        outbox.getState().remove(entry.id);
        outbox.getState().put(fresh);
        return send(fresh);
      }
      return send(entry);
    },
  };
}

/** Retries the outbox now and whenever `target` fires "online"; returns a function that stops it. */
export function startOutboxSync(
  submitter: Submitter,
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = globalThis,
): () => void {
  const retry = () => {
    void submitter.retryPending();
  };
  target.addEventListener('online', retry);
  retry();
  return () => target.removeEventListener('online', retry);
}
