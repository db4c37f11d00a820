/**
 * The page's wiring, with tabs as runtimes over one storage (each with its own sessionStorage): each
 * tab keeps its own draft of an instrument and finds it again after a reload, a new tab takes a draft
 * no tab holds, an accepted submission clears only the draft it came from, "open as new draft" opens
 * beside the work in progress with undo, and the localStorage of earlier versions is moved once.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  createDraftsRuntime,
  type DraftsRuntime,
  draftStorageKey,
  type MemoryStorage,
  memoryStorage,
} from '../../../src/forms/drafts/index';
import { fakeServer } from './fakeServer';
import { sampleDefaults, sampleModel } from './sampleModel';

const request = { sample: { run: [7], thickness: 0.2, aperture: 3 }, job: { kind: 'combined', scans: [] } };
const model = sampleModel(1);
const opened: DraftsRuntime[] = [];
afterEach(() => {
  for (const runtime of opened.splice(0)) runtime.close();
});

function tab(storage: MemoryStorage, fetch = fakeServer([]).fetch, session = new Map<string, string>()) {
  const runtime = createDraftsRuntime({
    storage,
    tabStorage: { getItem: (k) => session.get(k) ?? null, setItem: (k, v) => void session.set(k, v) },
    debounceMs: 5,
    send: { url: 'http://backend.test/x', fetch, retries: 0, backoff: () => 5 },
  });
  opened.push(runtime);
  return { runtime, session };
}

const valuesOf = (runtime: DraftsRuntime) => runtime.tab.getState().drafts.EQSANS?.getState().draft?.values;

describe('createDraftsRuntime', () => {
  test('two tabs keep their own drafts; a reload finds its own; the other is listed, open', async () => {
    const storage = memoryStorage();
    const a = tab(storage);
    const b = tab(storage);
    const draftA = await a.runtime.openDraft('EQSANS', 1, model);
    const draftB = await b.runtime.openDraft('EQSANS', 1, model);
    draftA.getState().saveSoon({ sample: { run: [1] } });
    draftA.getState().flush();
    draftB.getState().saveSoon({ sample: { run: [2] } });
    draftB.getState().flush();
    await expect.poll(() => a.runtime.tab.getState().others.EQSANS?.map((d) => d.open)).toEqual([true]);
    expect(a.runtime.tab.getState().others.EQSANS?.[0]?.values).toEqual({ sample: { run: [2] } });
    // Reload A: a new runtime with A's sessionStorage.
    a.runtime.close();
    const reloaded = tab(storage, undefined, a.session);
    await reloaded.runtime.openDraft('EQSANS', 1, model);
    expect(valuesOf(reloaded.runtime)).toEqual({ sample: { run: [1] } });
    // Field by field: take B's run.
    await reloaded.runtime.refreshOthers('EQSANS');
    const other = reloaded.runtime.tab.getState().others.EQSANS?.[0];
    reloaded.runtime.takeField('EQSANS', other!.draftId, '/sample/run', [2]);
    expect(valuesOf(reloaded.runtime)).toEqual({ sample: { run: [2] } });
    await reloaded.runtime.undo();
    expect(valuesOf(reloaded.runtime)).toEqual({ sample: { run: [1] } });
  });

  test('a new tab opens a draft no tab holds, never one another tab has open', async () => {
    const storage = memoryStorage();
    const closed = tab(storage);
    (await closed.runtime.openDraft('EQSANS', 1, model)).getState().saveSoon({ sample: { run: [1] } });
    closed.runtime.close();
    const busy = tab(storage);
    (await busy.runtime.openDraft('EQSANS', 1, model)).getState().saveSoon({ sample: { run: [9] } });
    expect(valuesOf(busy.runtime)).toEqual({ sample: { run: [1] } });
    busy.runtime.tab.getState().drafts.EQSANS?.getState().flush();
    const fresh = tab(storage);
    await fresh.runtime.openDraft('EQSANS', 1, model);
    expect(valuesOf(fresh.runtime)).toBeUndefined();
  });

  test('an accepted submission clears only the draft it came from', async () => {
    const storage = memoryStorage();
    const server = fakeServer([503]);
    const a = tab(storage, server.fetch);
    const b = tab(storage, server.fetch);
    const draftA = await a.runtime.openDraft('EQSANS', 1, model);
    const draftB = await b.runtime.openDraft('EQSANS', 1, model);
    draftA.getState().saveSoon(request);
    draftB.getState().saveSoon({ sample: { run: [42] } });
    draftB.getState().flush();
    const first = await a.runtime.submit(request, {
      instrument: 'EQSANS',
      schemaVersion: 1,
      model,
      defaults: sampleDefaults,
    });
    expect(first.ok).toBe(false);
    // Sent from B's tab when the server is back: A's draft is cleared by A, B's stays.
    await b.runtime.submitter.retryPending();
    expect(server.accepted.size).toBe(1);
    await expect.poll(() => draftA.getState().draft).toBeNull();
    expect(draftB.getState().draft?.values).toEqual({ sample: { run: [42] } });
    expect(storage.items.get(draftStorageKey('EQSANS', draftB.getState().draftId))).toContain('42');
  });

  test('"open as new draft" opens beside the draft in progress; undo goes back to it', async () => {
    const storage = memoryStorage();
    const { runtime } = tab(storage);
    const first = await runtime.openDraft('EQSANS', 2, sampleModel(2));
    first.getState().saveSoon({ sample: { thickness: 5 } });
    await runtime.openAsDraft({
      id: 'k',
      submittedAt: 1,
      instrument: 'EQSANS',
      schemaVersion: 1,
      jobKind: '',
      changedFields: [],
      request,
    });
    const opened = runtime.tab.getState().drafts.EQSANS!;
    expect(opened).not.toBe(first);
    // A v1 entry under the v2 model: the fields that remain, the rest listed.
    expect(opened.getState().draft?.values).toEqual({
      sample: { run: [7], thickness: 0.2 },
      job: { kind: 'combined', scans: [] },
    });
    expect(opened.getState().notApplied.map((n) => n.pointer)).toEqual(['/sample/aperture']);
    expect(storage.items.get(draftStorageKey('EQSANS', first.getState().draftId))).toContain('"thickness":5');
    await runtime.undo();
    expect(runtime.tab.getState().drafts.EQSANS?.getState().draft?.values).toEqual({
      sample: { thickness: 5 },
    });
  });

  test('drafts, outbox and history kept in localStorage by earlier versions are moved once', async () => {
    const local = memoryStorage({
      'formulary:draft:EQSANS': JSON.stringify({
        state: { draft: { values: { sample: { run: [5] } }, savedAt: 1, schemaVersion: 1 }, notApplied: [] },
        version: 1,
      }),
      'formulary:outbox': JSON.stringify({
        state: { entries: [{ id: 'old', instrument: 'EQSANS', request, status: 'waiting' }] },
      }),
      'formulary:history': JSON.stringify({
        state: { entries: [{ id: 'h', instrument: 'EQSANS', submittedAt: 1, request }] },
      }),
    });
    const storage = memoryStorage();
    const runtime = createDraftsRuntime({
      storage,
      tabStorage: { getItem: () => null, setItem: () => {} },
      migrateFrom: { storage: local, instruments: ['EQSANS'] },
      send: { url: 'http://backend.test/x', fetch: fakeServer(['network']).fetch, retries: 0 },
    });
    opened.push(runtime);
    await runtime.openDraft('EQSANS', 1, model);
    expect(valuesOf(runtime)).toEqual({ sample: { run: [5] } });
    expect(runtime.outbox.getState().entries.map((e) => e.id)).toEqual(['old']);
    expect(runtime.history.getState().entries.map((e) => e.id)).toEqual(['h']);
    expect([...local.items.keys()]).toEqual([]);
  });
});
