/**
 * The outbox as a queue shared by tabs, in Node: two "tabs" are two sets of stores over one storage
 * (the locks and the change channel are shared by the process as by a browser's tabs). A request stays
 * until accepted or discarded, a second one never replaces it, one tab sends at a time, an answerless
 * attempt is "unknown" and replacing it asks the server first. Real timers, millisecond backoffs.
 */
import { describe, expect, test } from 'vitest';
import {
  createHistoryStore,
  createOutboxStore,
  createSubmitter,
  memoryStorage,
  outboxStorageKey,
  startOutboxSync,
} from '../../../src/forms/drafts/index';
import { withLock } from '../../../src/forms/drafts/tabLocks';
import { fakeServer } from './fakeServer';
import { sampleDefaults, sampleModel } from './sampleModel';

const request = {
  sample: { run: [12345], thickness: 0.2, aperture: null },
  reduction: { Qmin: null, Qmax: null, binType: 'linear' },
  job: { kind: 'separate', scans: [] },
};
const changed = { ...request, sample: { ...request.sample, thickness: 0.3 } };
const meta = { instrument: 'EQSANS', schemaVersion: 1, model: sampleModel(1), defaults: sampleDefaults };

type Storage = ReturnType<typeof memoryStorage>;

function tab(storage: Storage, fetch: typeof globalThis.fetch, retries = 3, timeoutMs = 1000) {
  const outbox = createOutboxStore({ storage });
  const history = createHistoryStore({ storage });
  const accepted: string[] = [];
  const submitter = createSubmitter({
    outbox,
    history,
    send: { url: 'http://backend.test/api/submissions', fetch, retries, timeoutMs, backoff: () => 5 },
    onAccepted: (entry) => accepted.push(entry.id),
  });
  return { outbox, history, submitter, accepted };
}

const storedIds = (storage: Storage, key = outboxStorageKey): string[] =>
  (JSON.parse(storage.items.get(key) ?? '{"state":{"entries":[]}}').state.entries as { id: string }[]).map(
    (e) => e.id,
  );

describe('createSubmitter', () => {
  test('fails twice then accepts: one accepted submission, outbox empty, history has it', async () => {
    const storage = memoryStorage();
    const server = fakeServer([503, 503]);
    const { outbox, history, submitter, accepted } = tab(storage, server.fetch);
    const result = await submitter.submit(request, meta);
    expect(result.ok).toBe(true);
    expect(server.calls).toHaveLength(3);
    expect(new Set(server.calls.map((c) => c.key)).size).toBe(1);
    expect(outbox.getState().entries).toEqual([]);
    const [entry] = history.getState().entries;
    expect(entry).toMatchObject({ instrument: 'EQSANS', jobKind: 'Each scan alone', request });
    expect(entry?.changedFields).toEqual(['/sample/run', '/sample/thickness', '/job/kind']);
    expect(accepted).toEqual([entry?.id]);
  });

  test('a second submission queues behind a waiting one; both are sent when the server is back', async () => {
    const storage = memoryStorage();
    const down = tab(storage, fakeServer(['network', 'network', 'network', 'network']).fetch, 1);
    await down.submitter.submit(request, meta);
    await down.submitter.submit(changed, meta);
    expect(down.outbox.getState().entries.map((e) => e.request)).toEqual([request, changed]);
    expect(storedIds(storage)).toHaveLength(2);
    const server = fakeServer([]);
    const up = tab(storage, server.fetch);
    const target = new EventTarget();
    const stop = startOutboxSync(up.submitter, target);
    await expect.poll(() => server.accepted.size).toBe(2);
    stop();
    await expect.poll(() => up.history.getState().entries.length).toBe(2);
    expect(up.outbox.getState().entries).toEqual([]);
  });

  test('two tabs submitting at once both keep their entry: no tab writes back a stale list', async () => {
    const storage = memoryStorage();
    const a = tab(storage, fakeServer(['network', 'network']).fetch, 0);
    const b = tab(storage, fakeServer(['network', 'network']).fetch, 0);
    await Promise.all([a.submitter.submit(request, meta), b.submitter.submit(changed, meta)]);
    expect(storedIds(storage)).toHaveLength(2);
    await expect.poll(() => a.outbox.getState().entries.length).toBe(2);
    await expect.poll(() => b.outbox.getState().entries.length).toBe(2);
  });

  test('one tab sends at a time, and an entry another tab delivered is not sent again', async () => {
    const storage = memoryStorage();
    let inFlight = 0;
    let most = 0;
    const server = fakeServer([]);
    const slow = (async (url: string, init?: RequestInit) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((done) => setTimeout(done, 20));
      inFlight -= 1;
      return server.fetch(url, init);
    }) as typeof globalThis.fetch;
    const down = tab(storage, fakeServer(['network', 'network']).fetch, 0);
    await down.submitter.submit(request, meta);
    await down.submitter.submit(changed, meta);
    const a = tab(storage, slow);
    const b = tab(storage, slow);
    await Promise.all([a.submitter.retryPending(), b.submitter.retryPending()]);
    expect(most).toBe(1);
    expect(server.calls).toHaveLength(2);
    expect(server.accepted.size).toBe(2);
    expect(storedIds(storage, 'formulary:history')).toHaveLength(2);
  });

  test('no answer within the time limit: "unknown", not "waiting"; a 5xx or offline is "waiting"', async () => {
    const storage = memoryStorage();
    const hung = tab(storage, fakeServer(['hang']).fetch, 0, 30);
    const result = await hung.submitter.submit(request, meta);
    expect(result).toMatchObject({ ok: false, kind: 'unreachable', mayHaveLanded: true });
    expect(hung.outbox.getState().entries[0]?.status).toBe('unknown');
    const busy = tab(memoryStorage(), fakeServer([503]).fetch, 0);
    await busy.submitter.submit(request, meta);
    expect(busy.outbox.getState().entries[0]?.status).toBe('waiting');
  });

  test('replacing an unknown entry asks the server: landed, absent, or cannot tell', async () => {
    const make = (landed: 'landed' | 'absent' | 'cannot-tell') => {
      const server = fakeServer(['hang']);
      const checked: string[] = [];
      const fetch = (async (url: string, init?: RequestInit) => {
        if ((init?.method ?? 'GET') === 'GET') {
          checked.push(new URL(url).searchParams.get('idempotencyKey') ?? '');
          if (landed === 'cannot-tell') return new Response('no such route', { status: 404 });
          return Response.json(landed === 'landed' ? [{ id: 1 }] : []);
        }
        return server.fetch(url, init);
      }) as typeof globalThis.fetch;
      return { server, checked, fetch };
    };
    for (const landed of ['landed', 'absent', 'cannot-tell'] as const) {
      const storage = memoryStorage();
      const { server, checked, fetch } = make(landed);
      const t = tab(storage, fetch, 0, 30);
      await t.submitter.submit(request, meta);
      const [first] = t.outbox.getState().entries;
      expect(first?.status).toBe('unknown');
      const outcome = await t.submitter.submit(changed, { ...meta, replaces: first?.id });
      expect(checked).toEqual([first?.id]);
      if (landed === 'landed') {
        expect(outcome).toMatchObject({ ok: false, kind: 'earlier-landed' });
        expect(server.calls).toHaveLength(1);
        expect(t.history.getState().entries.map((e) => e.id)).toEqual([first?.id]);
        expect(t.outbox.getState().entries).toEqual([]);
      } else if (landed === 'absent') {
        expect(outcome.ok).toBe(true);
        expect(t.outbox.getState().entries).toEqual([]);
        expect(t.history.getState().entries.map((e) => e.request)).toEqual([changed]);
      } else {
        expect(outcome).toMatchObject({ ok: true, notice: expect.stringContaining('both are kept') });
        expect(t.outbox.getState().entries.map((e) => e.id)).toEqual([first?.id]);
      }
    }
  });

  test('an entry the browser did not store is not sent', async () => {
    const storage = memoryStorage();
    const full = {
      ...storage,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const server = fakeServer([]);
    const t = tab(full as Storage, server.fetch);
    const outcome = await t.submitter.submit(request, meta);
    expect(outcome).toMatchObject({ ok: false, kind: 'not-stored' });
    expect(outcome).toMatchObject({ message: expect.stringContaining('QuotaExceededError') });
    expect(server.calls).toEqual([]);
    expect(t.outbox.getState().saveError).toContain('QuotaExceededError');
  });

  test('a 4xx leaves the entry rejected with the message, not retried on online', async () => {
    const server = fakeServer([{ status: 400, body: { error: 'unknown run 12345' } }]);
    const { outbox, submitter } = tab(memoryStorage(), server.fetch);
    const result = await submitter.submit(request, meta);
    expect(result).toMatchObject({ ok: false, kind: 'rejected', message: 'unknown run 12345' });
    expect(outbox.getState().entries[0]).toMatchObject({
      status: 'rejected',
      lastError: 'unknown run 12345',
    });
    await submitter.retryPending();
    expect(server.calls).toHaveLength(1);
  });

  test('a double click sends once; the same waiting request keeps its key', async () => {
    const server = fakeServer([]);
    const { submitter } = tab(memoryStorage(), server.fetch);
    const [a, b] = await Promise.all([submitter.submit(request, meta), submitter.submit(request, meta)]);
    expect(a.ok && b.ok).toBe(true);
    expect(server.calls).toHaveLength(1);
  });

  test('an entry being sent cannot be discarded; a waiting one can, alone', async () => {
    const storage = memoryStorage();
    const t = tab(storage, fakeServer(['network', 'network', 'hang']).fetch, 0, 200);
    await t.submitter.submit(request, meta);
    await t.submitter.submit(changed, meta);
    const [first, second] = t.outbox.getState().entries;
    const sending = t.submitter.retry(second!.id);
    await expect.poll(() => t.outbox.getState().entries[1]?.status).toBe('sending');
    expect(await t.submitter.discard(second!.id)).toBe(false);
    expect(await t.submitter.discard(first!.id)).toBe(true);
    await sending;
    expect(t.outbox.getState().entries.map((e) => e.id)).toEqual([second?.id]);
  });

  test('a page reloaded mid-send: the next page sends the request left "sending" again, under its key, once', async () => {
    const leftSending = () =>
      memoryStorage({
        [outboxStorageKey]: JSON.stringify({
          state: {
            entries: [
              {
                id: 'k',
                instrument: 'EQSANS',
                schemaVersion: 1,
                jobKind: 'Each scan alone',
                request,
                changedFields: ['/sample/thickness'],
                status: 'sending',
                sender: 'gone',
                attempts: 1,
                createdAt: 1,
              },
            ],
          },
          version: 1,
        }),
      });
    // The server had stored it (the reload lost the answer): the same key is answered again, nothing new.
    const server = fakeServer([]);
    server.accepted.set('k', request);
    const t = tab(leftSending(), server.fetch, 0);
    const stop = startOutboxSync(t.submitter, new EventTarget());
    await expect.poll(() => t.history.getState().entries.map((e) => e.id)).toEqual(['k']);
    expect(t.outbox.getState().entries).toEqual([]);
    expect(server.calls.map((c) => c.key)).toEqual(['k']);
    expect(server.accepted.size).toBe(1);
    stop();

    // While another (live) tab holds the send lock, its "sending" is its own: not revived, not sent.
    let finish = () => {};
    const otherTabSending = withLock('formulary:send', () => new Promise<void>((done) => (finish = done)));
    const quiet = fakeServer([]);
    const u = tab(leftSending(), quiet.fetch, 0);
    await u.submitter.retryPending();
    expect(u.outbox.getState().entries[0]?.status).toBe('sending');
    expect(quiet.calls).toEqual([]);
    finish();
    await otherTabSending;
  });

  test('an entry a closed tab left "sending" becomes "unknown" when this tab is focused', async () => {
    const storage = memoryStorage({
      [outboxStorageKey]: JSON.stringify({
        state: {
          entries: [{ id: 'k', instrument: 'EQSANS', request, status: 'sending', attempts: 1, createdAt: 1 }],
        },
        version: 1,
      }),
    });
    const server = fakeServer(['network']);
    const t = tab(storage, server.fetch, 0);
    const target = new EventTarget();
    const stop = startOutboxSync(t.submitter, target);
    target.dispatchEvent(new Event('focus'));
    await expect.poll(() => t.outbox.getState().entries[0]?.status).toBe('unknown');
    stop();
  });
});
