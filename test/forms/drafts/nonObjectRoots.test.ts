/**
 * Drafts, the outbox and the history keep a request whose schema root is not an object exactly, across
 * reloads (a new runtime over the same storage): a list, a text, a number, and the values a truthiness
 * check would lose (0, "", false). Before, a draft of 0 or "" was never saved, another tab's list draft
 * was not listed, and an accepted list or text request went into the history as {}.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  createDraftsRuntime,
  type DraftsRuntime,
  exportHistory,
  importHistory,
  type MemoryStorage,
  memoryStorage,
} from '../../../src/forms/drafts/index';
import { buildFieldModel, type JsonValue } from '../../../src/schemas/index';
import { fakeServer } from './fakeServer';

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

const cases: { name: string; schema: object; value: JsonValue }[] = [
  {
    name: 'a list of objects',
    schema: { type: 'array', items: { type: 'object', properties: { run: { type: 'integer' } } } },
    value: [{ run: 7 }, { run: 8 }],
  },
  { name: 'a text', schema: { type: 'string' }, value: 'D2O' },
  { name: 'an empty text', schema: { type: 'string' }, value: '' },
  { name: 'a number', schema: { type: 'number' }, value: 6.5 },
  { name: 'zero', schema: { type: 'number' }, value: 0 },
  { name: 'false', schema: { type: 'boolean' }, value: false },
  { name: 'a list of numbers', schema: { type: 'array', items: { type: 'number' } }, value: [-30, 60] },
];

describe.each(cases)('a root that is $name', ({ schema, value }) => {
  const model = buildFieldModel(schema);

  test('its draft survives a reload and is listed in another tab exactly', async () => {
    const storage = memoryStorage();
    const a = tab(storage);
    const draft = await a.runtime.openDraft('X', 1, model);
    draft.getState().saveSoon(value);
    draft.getState().flush();
    expect(draft.getState().draft?.values).toEqual(value);
    const other = tab(storage);
    await other.runtime.openDraft('X', 1, model);
    await other.runtime.refreshOthers('X');
    expect(other.runtime.tab.getState().others.X?.map((d) => d.values)).toEqual([value]);
    a.runtime.close();
    const reloaded = tab(storage, undefined, a.session);
    const again = await reloaded.runtime.openDraft('X', 1, model);
    expect(again.getState().draft?.values).toEqual(value);
    expect(again.getState().notApplied).toEqual([]);
  });

  test('a queued submission survives a reload, is sent as it was, and lands in the history as it was', async () => {
    const storage = memoryStorage();
    const server = fakeServer([503]);
    const first = tab(storage, server.fetch);
    await first.runtime.openDraft('X', 1, model);
    const outcome = await first.runtime.submit(value, { instrument: 'X', schemaVersion: 1, model });
    expect(outcome.ok).toBe(false);
    first.runtime.close();
    const reloaded = tab(storage, server.fetch, first.session);
    await reloaded.runtime.ready;
    expect(reloaded.runtime.outbox.getState().entries.map((e) => e.request)).toEqual([value]);
    await reloaded.runtime.submitter.retryPending();
    expect([...server.accepted.values()]).toEqual([value]);
    expect(reloaded.runtime.history.getState().entries.map((e) => e.request)).toEqual([value]);
    // The history's file round trip keeps it too, and it opens as a draft of that value.
    const imported = importHistory(exportHistory(reloaded.runtime.history.getState().entries));
    expect(imported.problems).toEqual([]);
    expect(imported.entries.map((e) => e.request)).toEqual([value]);
    await reloaded.runtime.openDraft('X', 1, model);
    await reloaded.runtime.openAsDraft(imported.entries[0]!);
    expect(reloaded.runtime.tab.getState().drafts.X?.getState().draft?.values).toEqual(value);
  });
});

test('a root field left empty saves a draft without a value (its typed text kept), not an unreadable one', async () => {
  const storage = memoryStorage();
  const model = buildFieldModel({ type: 'number' });
  const a = tab(storage);
  const draft = await a.runtime.openDraft('X', 1, model);
  draft.getState().saveSoon(undefined, { '': { text: '1,5', message: 'Not a number' } });
  draft.getState().flush();
  a.runtime.close();
  const again = await tab(storage, undefined, a.session).runtime.openDraft('X', 1, model);
  expect(again.getState().draft?.values).toBeUndefined();
  expect(again.getState().draft?.texts).toEqual({ '': { text: '1,5', message: 'Not a number' } });
  expect(again.getState().notApplied).toEqual([]);
});
