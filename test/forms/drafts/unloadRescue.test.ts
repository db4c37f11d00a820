/**
 * A write the page does not live to finish: the asynchronous storage (IndexedDB in the portal) takes
 * the write and never commits it, as when a reload follows a change at once. The synchronous copy made
 * on page hide brings the change back in the next page; a newer stored draft, or a later discard,
 * wins over an old copy; a write that did finish leaves no copy behind.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  createDraftsRuntime,
  type DraftsRuntime,
  type MemoryStorage,
  memoryStorage,
} from '../../../src/forms/drafts/index';
import { fakeServer } from './fakeServer';
import { sampleModel } from './sampleModel';

const model = sampleModel(1);
const opened: DraftsRuntime[] = [];
afterEach(() => {
  for (const runtime of opened.splice(0)) runtime.close();
});

/** Storage whose writes hang, never committing, while `dying` is set: the page is being torn down. */
function dyingStorage(inner: MemoryStorage) {
  const state = { dying: false };
  const storage = {
    ...inner,
    getItem: inner.getItem,
    removeItem: inner.removeItem,
    setItem: (name: string, value: string) =>
      state.dying ? new Promise<void>(() => {}) : Promise.resolve(inner.setItem(name, value)),
  };
  return { storage, state };
}

function webStorage(items = new Map<string, string>()) {
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
}

function page(
  storage: ReturnType<typeof dyingStorage>['storage'],
  local: ReturnType<typeof webStorage>,
  session: Map<string, string>,
) {
  const runtime = createDraftsRuntime({
    storage,
    unloadRescue: local,
    tabStorage: { getItem: (k) => session.get(k) ?? null, setItem: (k, v) => void session.set(k, v) },
    debounceMs: 5,
    send: { url: 'http://backend.test/x', fetch: fakeServer([]).fetch, retries: 0 },
  });
  opened.push(runtime);
  return runtime;
}

const valuesOf = (runtime: DraftsRuntime) => runtime.tab.getState().drafts.EQSANS?.getState().draft?.values;

describe('a draft write the page does not live to finish', () => {
  test('a change made just before a reload comes back, and the copy is gone after', async () => {
    const inner = memoryStorage();
    const { storage, state } = dyingStorage(inner);
    const local = webStorage();
    const session = new Map<string, string>();
    const first = page(storage, local, session);
    const draft = await first.openDraft('EQSANS', 1, model);
    draft.getState().saveSoon({ sample: { run: [1] } });
    draft.getState().flush();
    await expect.poll(() => [...inner.items.values()].join()).toContain('[1]');
    // The reload: the change waits for the debounce, the page hides, the storage never commits.
    draft.getState().saveSoon({ sample: { run: [12345] } });
    state.dying = true;
    draft.getState().flushOnHide();
    first.close();
    expect([...inner.items.values()].join()).not.toContain('12345');
    expect(local.items.size).toBe(1);

    state.dying = false;
    const second = page(storage, local, session);
    await second.openDraft('EQSANS', 1, model);
    expect(valuesOf(second)).toEqual({ sample: { run: [12345] } });
    expect([...inner.items.values()].join()).toContain('12345');
    expect(local.items.size).toBe(0);
  });

  test('a write that finishes leaves no copy; a discard is not undone by an older copy', async () => {
    const inner = memoryStorage();
    const { storage, state } = dyingStorage(inner);
    const local = webStorage();
    const session = new Map<string, string>();
    const first = page(storage, local, session);
    const draft = await first.openDraft('EQSANS', 1, model);
    // Hidden (another tab in front), not unloaded: the write finishes and the copy goes.
    draft.getState().saveSoon({ sample: { run: [5] } });
    draft.getState().flushOnHide();
    expect(local.items.size).toBe(1);
    await expect.poll(() => local.items.size).toBe(0);
    // A copy made while hidden, then the page comes back and the scientist discards the draft.
    state.dying = true;
    draft.getState().saveSoon({ sample: { run: [6] } });
    draft.getState().flushOnHide();
    expect(local.items.size).toBe(1);
    state.dying = false;
    draft.getState().discard();
    await expect.poll(() => local.items.size).toBe(0);
    first.close();
    const second = page(storage, local, session);
    await second.openDraft('EQSANS', 1, model);
    expect(valuesOf(second)).toBeUndefined();
  });

  test('a copy older than the stored draft is dropped, not restored over it', async () => {
    const inner = memoryStorage();
    const { storage } = dyingStorage(inner);
    const session = new Map<string, string>();
    const first = page(storage, webStorage(), session);
    const draft = await first.openDraft('EQSANS', 1, model);
    draft.getState().saveSoon({ sample: { run: [7] } });
    draft.getState().flush();
    await expect.poll(() => [...inner.items.values()].join()).toContain('[7]');
    const [name, stored] = [...inner.items.entries()].find(([key]) => key.includes('EQSANS'))!;
    first.close();
    const stale = JSON.parse(stored) as { state: { draft: { values: unknown } } };
    stale.state.draft.values = { sample: { run: [3] } };
    const local = webStorage(
      new Map([[`formulary:unload-rescue:${name}`, JSON.stringify({ at: 1, value: JSON.stringify(stale) })]]),
    );
    const second = page(storage, local, session);
    await second.openDraft('EQSANS', 1, model);
    expect(valuesOf(second)).toEqual({ sample: { run: [7] } });
    expect(local.items.size).toBe(0);
  });
});
