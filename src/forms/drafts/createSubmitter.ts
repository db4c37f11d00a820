/**
 * Sends requests through the outbox. An entry is stored before the first attempt (submit does not
 * start until it is), and removed only when the server accepts it; then the history records it and
 * `onAccepted` clears the draft it came from. One tab sends at a time: every send holds the lock
 * "formulary:send" and re-reads the stored queue first, so an entry another tab already delivered is
 * never sent again. An answerless attempt leaves the entry "unknown" (sent, waiting for
 * confirmation); replacing such an entry first asks the server whether its key landed. No React.
 */
import { type FieldModel, isPlainObject, type JsonValue, jsonEquals } from '../../schemas/index';
import { checkLanded, type Landed } from './checkLanded';
import type { HistoryEntry, HistoryStore } from './createHistoryStore';
import type { OutboxEntry, OutboxStore } from './createOutboxStore';
import { diffFromDefaults } from './diffFromDefaults';
import { jobKindOf } from './jobKindOf';
import {
  newIdempotencyKey,
  type SendReason,
  type SubmitOptions,
  type SubmitResult,
  submitRequest,
} from './submitRequest';
import { tryWithLock, withLock } from './tabLocks';

export interface SubmitterOptions {
  outbox: OutboxStore;
  history: HistoryStore;
  /** Where and how to POST (url, fetch, timeoutMs, retries, backoff, headers); a function is read per send. */
  send: SendOptions | (() => SendOptions);
  /** Called once per accepted entry (clear the draft, announce it). */
  onAccepted?: (entry: OutboxEntry, history: HistoryEntry) => void;
  now?: () => number;
  /** Names this tab in the entries it is sending. */
  tabId?: string;
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
  /** The draft the request comes from: only it is cleared when the server accepts. */
  draftId?: string;
  /**
   * The revision of the instrument defaults the form's values were made against (a Formulary
   * service's overlay), sent as X-Defaults-Revision and stored with the submission.
   */
  defaultsRevision?: number;
  /** An outbox entry this request replaces (the user chose "replace"). */
  replaces?: string;
}

/**
 * What a submission came to: the POST's result, or one of
 * not-stored (the browser refused to store the entry: nothing was sent),
 * earlier-landed (the entry to replace had reached the server: nothing new was sent),
 * discarded (the entry left the outbox before it was sent).
 */
export type SubmitOutcome =
  | (SubmitResult & { notice?: string; noticeWhy?: SendReason })
  | {
      ok: false;
      kind: 'not-stored' | 'earlier-landed' | 'discarded';
      message: string;
      /** The message as catalogue words (draft.note.*), for the status beside the form. */
      why?: SendReason;
      attempts: 0;
      idempotencyKey: string;
      status?: undefined;
    };

export interface Submitter {
  /** Stores `request` in the outbox, then sends it; resolves when accepted, refused or out of retries. */
  submit(request: JsonValue, meta: SubmissionMeta): Promise<SubmitOutcome>;
  /** Sends every waiting entry, one after another, under the send lock. */
  retryPending(): Promise<void>;
  /** Sends one entry now (the outbox's "retry" button); a refused one gets a fresh key. */
  retry(id: string): Promise<SubmitOutcome | undefined>;
  /** Removes one entry unless a tab is sending it; true when removed. */
  discard(id: string): Promise<boolean>;
  /** Asks the server whether an entry's key landed. */
  check(id: string): Promise<Landed>;
  /** Entries left "sending" by a tab that closed mid-send become "unknown" (retry and discard come back). */
  reviveStale(): Promise<void>;
}

const sendLock = 'formulary:send';

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
  const tabId = options.tabId ?? newIdempotencyKey();
  /**
   * Where and how an entry goes: "{instrument}" in the URL is the entry's instrument (one setting
   * serves every form), X-Schema-Version the version its draft was made under, and
   * X-Defaults-Revision the instrument defaults its values were made against, when known.
   */
  const sendOptionsFor = (entry: OutboxEntry) => {
    const send = typeof options.send === 'function' ? options.send() : options.send;
    return {
      ...send,
      url: send.url.replaceAll('{instrument}', encodeURIComponent(entry.instrument)),
      headers: {
        ...send.headers,
        'X-Schema-Version': String(entry.schemaVersion),
        ...(entry.defaultsRevision !== undefined && {
          'X-Defaults-Revision': String(entry.defaultsRevision),
        }),
      },
    };
  };
  const find = (id: string) => outbox.getState().entries.find((e) => e.id === id);

  const accept = async (entry: OutboxEntry, result: Pick<SubmitResult, 'attempts'> & { body?: unknown }) => {
    const at = now();
    const record: HistoryEntry = {
      id: entry.id,
      submittedAt: at,
      instrument: entry.instrument,
      schemaVersion: entry.schemaVersion,
      jobKind: entry.jobKind,
      changedFields: [...entry.changedFields],
      // As sent, whatever its type: a list or text root's request must not become {} in the history.
      request: entry.request as JsonValue,
      ...serverIdOf(result.body),
    };
    await history.getState().add(record);
    await outbox.getState().markAccepted(entry, at);
    options.onAccepted?.(entry, record);
    return {
      ok: true as const,
      status: 200,
      body: null,
      attempts: result.attempts,
      idempotencyKey: entry.id,
    };
  };

  /** Call holding the send lock: nobody else is sending, so "sending" was left by a closed tab. */
  const reviveHeld = async () => {
    await outbox.getState().refresh();
    // It may have landed before the tab closed: unknown, never waiting.
    for (const stale of outbox.getState().entries.filter((e) => e.status === 'sending')) {
      await outbox.getState().update(stale.id, { status: 'unknown', sender: undefined });
    }
  };

  /** Sends one stored entry under the send lock, after re-reading the queue. */
  const sendEntry = (id: string, fresh = false): Promise<SubmitOutcome> =>
    withLock(sendLock, async () => {
      await reviveHeld();
      const entry = find(id);
      if (!entry) {
        await history.getState().refresh();
        const done = history.getState().entries.find((e) => e.id === id);
        if (done) return { ok: true, status: 200, body: null, attempts: 0, idempotencyKey: id };
        return discarded(id);
      }
      if (entry.status === 'rejected' && !fresh) {
        return {
          ok: false,
          kind: 'rejected',
          status: entry.lastStatus,
          message: entry.lastError ?? 'refused',
          attempts: 0,
          idempotencyKey: id,
        };
      }
      await outbox.getState().update(id, { status: 'sending', sender: tabId, nextRetryAt: undefined });
      let attempts = entry.attempts;
      const result = await submitRequest(entry.request, {
        ...sendOptionsFor(entry),
        idempotencyKey: entry.id,
        onRetry: ({ delayMs, reason, why }) => {
          attempts += 1;
          void outbox
            .getState()
            .update(id, { attempts, lastError: reason, lastWhy: why, nextRetryAt: now() + delayMs });
        },
      });
      if (result.ok) {
        await accept(entry, result);
        return result;
      }
      const unknown = result.kind === 'unreachable' && (result.mayHaveLanded || entry.status === 'unknown');
      await outbox.getState().update(id, {
        status: result.kind === 'rejected' ? 'rejected' : unknown ? 'unknown' : 'waiting',
        sender: undefined,
        attempts: entry.attempts + result.attempts,
        lastError: result.message,
        lastWhy: result.why,
        lastStatus: result.status,
        lastProblems: result.kind === 'rejected' ? result.problems : undefined,
        nextRetryAt: undefined,
      });
      return result;
    });

  const check = async (id: string): Promise<Landed> => {
    const entry = find(id);
    if (!entry) return 'cannot-tell';
    const { url, fetch, headers } = sendOptionsFor(entry);
    return checkLanded(url, id, { fetch, headers });
  };

  /** Replacing an entry that may have landed: ask first. */
  const settleReplaced = async (
    replaces: string,
  ): Promise<{ go: true; notice?: string } | { go: false; outcome: SubmitOutcome }> => {
    // `notice` here is English for logs; the runtime words it from draft.note.bothKept.
    await outbox.getState().refresh();
    const old = find(replaces);
    if (!old || old.status === 'sending') {
      return old
        ? {
            go: false,
            outcome: notNow(replaces, 'the earlier request is being sent now; wait for its answer'),
          }
        : { go: true };
    }
    if (old.status !== 'unknown') {
      await outbox.getState().remove(replaces);
      return { go: true };
    }
    const landed = await check(replaces);
    if (landed === 'absent') {
      await outbox.getState().remove(replaces);
      return { go: true };
    }
    if (landed === 'landed') {
      await accept(old, { attempts: 0 });
      return {
        go: false,
        outcome: {
          ok: false,
          kind: 'earlier-landed',
          message:
            'the earlier request had reached the server (it is in the history); the changed one was not sent. Submit again to send it as another request',
          why: { key: 'draft.note.earlierLanded' },
          attempts: 0,
          idempotencyKey: replaces,
        },
      };
    }
    return {
      go: true,
      notice:
        'the server cannot say whether the earlier request arrived (it does not answer GET ?idempotencyKey=), so both are kept in the outbox',
    };
  };

  /** Stores the entry (or finds the same one waiting); what to send next, or why nothing is sent. */
  const enqueue = async (
    request: JsonValue,
    meta: SubmissionMeta,
  ): Promise<{ send: string; notice?: string } | { outcome: SubmitOutcome }> => {
    await outbox.ready;
    let notice: string | undefined;
    if (meta.replaces) {
      const settled = await settleReplaced(meta.replaces);
      if (!settled.go) return { outcome: settled.outcome };
      notice = settled.notice;
    }
    // The same request from the same draft still in the queue keeps its key: no double submission.
    const same = outbox
      .getState()
      .entries.find(
        (e) =>
          e.instrument === meta.instrument &&
          e.draftId === meta.draftId &&
          e.status !== 'rejected' &&
          jsonEquals(e.request, request),
      );
    if (same) return { send: same.id, ...(notice && { notice }) };
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
      ...(meta.draftId && { draftId: meta.draftId }),
      ...(meta.defaultsRevision !== undefined && { defaultsRevision: meta.defaultsRevision }),
    };
    if (!(await outbox.getState().put(entry))) {
      return {
        outcome: {
          ok: false,
          kind: 'not-stored',
          message: `not submitted: ${outbox.getState().saveError ?? 'the browser did not store the request'}`,
          why: outbox.getState().saveError
            ? { key: 'draft.note.notStoredWhy', values: { error: outbox.getState().saveError! } }
            : { key: 'draft.note.notStored' },
          attempts: 0,
          idempotencyKey: entry.id,
        },
      };
    }
    return { send: entry.id, ...(notice && { notice }) };
  };
  // Submissions of this tab are stored one after another: a double click finds the first one stored.
  let enqueued: Promise<unknown> = Promise.resolve();

  return {
    async submit(request, meta) {
      const step = enqueued.then(() => enqueue(request, meta));
      enqueued = step.catch(() => undefined);
      const next = await step;
      if ('outcome' in next) return next.outcome;
      const outcome = await sendEntry(next.send);
      return next.notice
        ? { ...outcome, notice: next.notice, noticeWhy: { key: 'draft.note.bothKept' } }
        : outcome;
    },
    async retryPending() {
      await outbox.ready;
      await outbox.getState().refresh();
      // A request left "sending" by a page that was reloaded or closed mid-send (its answer lost, though
      // the server may have stored it): when no tab holds the send lock, nobody is sending it, so it
      // becomes "unknown" and goes again below under its key. It used to wait for a focus event, and a
      // reloaded page showed it as "sending now" with no way to retry. A live tab's send is left alone.
      if (outbox.getState().entries.some((e) => e.status === 'sending'))
        await tryWithLock(sendLock, reviveHeld);
      const waiting = outbox
        .getState()
        .entries.filter((e) => e.status === 'waiting' || e.status === 'unknown');
      for (const entry of waiting) await sendEntry(entry.id);
    },
    async retry(id) {
      const entry = find(id);
      if (!entry) return undefined;
      if (entry.status === 'rejected') {
        // A rejection may be cached server-side under its key: a deliberate new try gets a new one.
        const fresh: OutboxEntry = { ...entry, id: newIdempotencyKey(), status: 'waiting', attempts: 0 };
        await outbox.getState().remove(entry.id);
        if (!(await outbox.getState().put(fresh))) return undefined;
        return sendEntry(fresh.id, true);
      }
      return sendEntry(id);
    },
    async discard(id) {
      await outbox.getState().refresh();
      const entry = find(id);
      if (!entry || entry.status === 'sending') return false;
      return outbox.getState().remove(id);
    },
    check,
    async reviveStale() {
      await outbox.ready;
      if (outbox.getState().entries.some((e) => e.status === 'sending')) await withLock(sendLock, reviveHeld);
    },
  };
}

function discarded(id: string): SubmitOutcome {
  return {
    ok: false,
    kind: 'discarded',
    message: 'discarded from the outbox',
    attempts: 0,
    idempotencyKey: id,
  };
}

function notNow(id: string, message: string): SubmitOutcome {
  return { ok: false, kind: 'discarded', message, attempts: 0, idempotencyKey: id };
}

/** Retries the outbox now and whenever `target` fires "online"; returns a function that stops it. */
export function startOutboxSync(
  submitter: Submitter,
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = globalThis,
): () => void {
  const retry = () => {
    void submitter.retryPending();
  };
  // Back in this tab: a request another tab left "sending" when it closed gets its buttons back.
  const revive = () => {
    void submitter.reviveStale();
  };
  target.addEventListener('online', retry);
  target.addEventListener('focus', revive);
  retry();
  return () => {
    target.removeEventListener('online', retry);
    target.removeEventListener('focus', revive);
  };
}
