/** The page's wiring: submit clears the draft once accepted; a history entry reopens as a draft. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDraftsRuntime, draftStorageKey, memoryStorage } from '../../../src/forms/drafts/index';
import { fakeServer } from './fakeServer';
import { sampleDefaults, sampleModel } from './sampleModel';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const request = { sample: { run: [7], thickness: 0.2, aperture: 3 }, job: { kind: 'combined', scans: [] } };

describe('createDraftsRuntime', () => {
  test('a submission that fails twice then is accepted clears the draft and lands in the history', async () => {
    const storage = memoryStorage();
    const server = fakeServer([503, 503]);
    const runtime = createDraftsRuntime({
      storage,
      send: { url: '/api/submit', fetch: server.fetch, backoff: () => 10 },
    });
    const model = sampleModel(1);
    const drafts = runtime.draftStoreFor('EQSANS', 1, model);
    expect(runtime.draftStoreFor('EQSANS', 1, model)).toBe(drafts);
    drafts.getState().saveSoon(request);
    const done = runtime.submit(request, {
      instrument: 'EQSANS',
      schemaVersion: 1,
      model,
      defaults: sampleDefaults,
    });
    // Saved at once (not after the debounce), so it is in the outbox and the draft alike before sending.
    expect(drafts.getState().draft?.values).toEqual(request);
    await vi.runAllTimersAsync();
    expect((await done).ok).toBe(true);
    expect(server.accepted.size).toBe(1);
    expect(drafts.getState().draft).toBeNull();
    expect(storage.items.get(draftStorageKey('EQSANS'))).toContain('"draft":null');
    expect(runtime.history.getState().entries[0]?.changedFields).toEqual([
      '/sample/run',
      '/sample/thickness',
      '/sample/aperture',
    ]);
  });

  test('a history entry from schema v1 opens under v2 with the fields that remain', () => {
    const storage = memoryStorage();
    const runtime = createDraftsRuntime({ storage, send: { url: '/x', fetch: fakeServer([]).fetch } });
    runtime.openAsDraft({
      id: 'k',
      submittedAt: 1,
      instrument: 'EQSANS',
      schemaVersion: 1,
      jobKind: '',
      changedFields: [],
      request,
    });
    const drafts = runtime.draftStoreFor('EQSANS', 2, sampleModel(2));
    expect(drafts.getState().draft?.values).toEqual({
      sample: { run: [7], thickness: 0.2 },
      job: { kind: 'combined', scans: [] },
    });
    expect(drafts.getState().notApplied.map((n) => n.pointer)).toEqual(['/sample/aperture']);
    // While that form is open, opening another entry replaces its values and remounts it.
    const revision = drafts.getState().revision;
    runtime.openAsDraft({
      id: 'l',
      submittedAt: 2,
      instrument: 'EQSANS',
      schemaVersion: 2,
      jobKind: '',
      changedFields: [],
      request: { sample: { thickness: 9 } },
    });
    expect(drafts.getState().draft?.values).toEqual({ sample: { thickness: 9 } });
    expect(drafts.getState().revision).toBe(revision + 1);
  });

  test('an outbox entry accepted on load clears the stored draft of a form that is not open', async () => {
    const storage = memoryStorage();
    const down = createDraftsRuntime({
      storage,
      send: { url: '/x', fetch: fakeServer(['network']).fetch, retries: 0 },
    });
    const drafts = down.draftStoreFor('EQSANS', 1);
    drafts.getState().saveSoon(request);
    await down.submit(request, { instrument: 'EQSANS', schemaVersion: 1 });
    expect(down.outbox.getState().entries).toHaveLength(1);
    const up = createDraftsRuntime({ storage, send: { url: '/x', fetch: fakeServer([]).fetch } });
    const stop = up.startSync(new EventTarget());
    await vi.runAllTimersAsync();
    stop();
    expect(up.outbox.getState().entries).toEqual([]);
    expect(storage.items.has(draftStorageKey('EQSANS'))).toBe(false);
  });

  test('another tab writing the outbox is re-read, so this tab does not write back a stale list', async () => {
    const storage = memoryStorage();
    const tabA = createDraftsRuntime({
      storage,
      send: { url: '/x', fetch: fakeServer(['network']).fetch, retries: 0 },
    });
    const tabB = createDraftsRuntime({
      storage,
      send: { url: '/x', fetch: fakeServer(['network']).fetch, retries: 0 },
    });
    const target = new EventTarget();
    const stop = tabB.startSync(target);
    await tabA.submit(request, { instrument: 'EQSANS', schemaVersion: 1 });
    expect(tabB.outbox.getState().entries).toEqual([]);
    target.dispatchEvent(Object.assign(new Event('storage'), { key: 'formulary:outbox' }));
    await vi.runAllTimersAsync();
    expect(tabB.outbox.getState().entries.map((e) => e.instrument)).toEqual(['EQSANS']);
    stop();
  });
});
