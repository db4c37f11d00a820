/** The outbox keeps a request until the server accepts it, across reloads; history records it once. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  createHistoryStore,
  createOutboxStore,
  createSubmitter,
  memoryStorage,
  outboxStorageKey,
  startOutboxSync,
} from '../../../src/forms/drafts/index';
import { fakeServer } from './fakeServer';
import { sampleDefaults, sampleModel } from './sampleModel';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const request = {
  sample: { run: [12345], thickness: 0.2, aperture: null },
  reduction: { Qmin: null, Qmax: null, binType: 'linear' },
  job: { kind: 'separate', scans: [] },
};
const meta = { instrument: 'EQSANS', schemaVersion: 1, model: sampleModel(1), defaults: sampleDefaults };

function page(storage: ReturnType<typeof memoryStorage>, server: ReturnType<typeof fakeServer>, retries = 3) {
  const outbox = createOutboxStore({ storage });
  const history = createHistoryStore({ storage });
  const accepted: string[] = [];
  const submitter = createSubmitter({
    outbox,
    history,
    send: { url: '/api/submit', fetch: server.fetch, retries, backoff: () => 50 },
    onAccepted: (entry) => accepted.push(entry.id),
  });
  return { outbox, history, submitter, accepted };
}

describe('createSubmitter', () => {
  test('fails twice then accepts: one accepted submission, outbox empty, history has it', async () => {
    const storage = memoryStorage();
    const server = fakeServer([503, 503]);
    const { outbox, history, submitter, accepted } = page(storage, server);
    const done = submitter.submit(request, meta);
    expect(outbox.getState().entries).toHaveLength(1);
    expect(outbox.getState().entries[0]?.status).toBe('sending');
    await vi.runAllTimersAsync();
    expect((await done).ok).toBe(true);
    expect(server.calls).toHaveLength(3);
    expect(server.accepted.size).toBe(1);
    expect(outbox.getState().entries).toEqual([]);
    const [entry] = history.getState().entries;
    expect(entry).toMatchObject({
      instrument: 'EQSANS',
      jobKind: 'Each scan alone',
      changedFields: ['/sample/run', '/sample/thickness', '/job/kind'],
      request,
    });
    expect(accepted).toEqual([entry?.id]);
  });

  test('unreachable: the request stays in the (persisted) outbox and a reloaded page sends it', async () => {
    const storage = memoryStorage();
    const down = fakeServer(['network', 'network']);
    const first = page(storage, down, 1);
    const result = first.submitter.submit(request, meta);
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({ ok: false, kind: 'unreachable' });
    const [waiting] = first.outbox.getState().entries;
    expect(waiting).toMatchObject({
      status: 'waiting',
      attempts: 2,
      lastError: 'network error: Failed to fetch',
    });
    expect(storage.items.get(outboxStorageKey)).toContain(waiting?.id);

    // Reload: new stores over the same storage; the sync retries on load with the same key.
    const up = fakeServer([]);
    const second = page(storage, up);
    expect(second.outbox.getState().entries.map((e) => e.id)).toEqual([waiting?.id]);
    const target = new EventTarget();
    const stop = startOutboxSync(second.submitter, target);
    await vi.runAllTimersAsync();
    expect(up.calls.map((c) => c.key)).toEqual([waiting?.id]);
    expect(second.outbox.getState().entries).toEqual([]);
    expect(second.history.getState().entries.map((e) => e.id)).toEqual([waiting?.id]);
    stop();
  });

  test('the online event retries what is waiting', async () => {
    const storage = memoryStorage();
    const server = fakeServer(['network']);
    const { outbox, submitter } = page(storage, server, 0);
    const target = new EventTarget();
    await submitter.submit(request, meta);
    const stop = startOutboxSync(submitter, target);
    await vi.runAllTimersAsync();
    expect(outbox.getState().entries).toEqual([]);
    expect(server.calls).toHaveLength(2);
    stop();
    // After stop, online does nothing.
    target.dispatchEvent(new Event('online'));
    expect(server.calls).toHaveLength(2);
  });

  test('a 4xx leaves the entry rejected with the message, not retried on online', async () => {
    const storage = memoryStorage();
    const server = fakeServer([{ status: 400, body: { error: 'unknown run 12345' } }]);
    const { outbox, submitter } = page(storage, server);
    const result = await submitter.submit(request, meta);
    expect(result).toMatchObject({ ok: false, kind: 'rejected', message: 'unknown run 12345' });
    expect(outbox.getState().entries[0]).toMatchObject({
      status: 'rejected',
      lastError: 'unknown run 12345',
    });
    await submitter.retryPending();
    expect(server.calls).toHaveLength(1);
  });

  test('submitting the same waiting request again reuses its key; a changed one replaces it', async () => {
    const storage = memoryStorage();
    const server = fakeServer(['network', 'network', 'network']);
    const { outbox, submitter } = page(storage, server, 0);
    await submitter.submit(request, meta);
    await submitter.submit(structuredClone(request), meta);
    expect(new Set(server.calls.map((c) => c.key)).size).toBe(1);
    await submitter.submit({ ...request, sample: { ...request.sample, thickness: 0.3 } }, meta);
    expect(new Set(server.calls.map((c) => c.key)).size).toBe(2);
    expect(outbox.getState().entries).toHaveLength(1);
  });

  test('a double click while sending sends once', async () => {
    const storage = memoryStorage();
    const server = fakeServer([]);
    const { submitter } = page(storage, server);
    const [a, b] = await Promise.all([submitter.submit(request, meta), submitter.submit(request, meta)]);
    expect(a.ok && b.ok).toBe(true);
    expect(server.calls).toHaveLength(1);
  });
});
