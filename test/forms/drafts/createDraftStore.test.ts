/** The draft store: debounced autosave, restore on open, migration from an older schema, discard. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  clearStoredDraft,
  createDraftStore,
  draftStorageKey,
  memoryStorage,
} from '../../../src/forms/drafts/index';
import { sampleModel } from './sampleModel';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-27T01:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const open = (storage: ReturnType<typeof memoryStorage>, schemaVersion = 1) =>
  createDraftStore({
    instrument: 'EQSANS',
    schemaVersion,
    model: sampleModel(schemaVersion as 1 | 2),
    storage,
  });

describe('autosave', () => {
  test('writes once, 500 ms after the last of a burst of changes', () => {
    const storage = memoryStorage();
    const store = open(storage);
    const writesBefore = storage.writes;
    for (let i = 1; i <= 10; i++) {
      store.getState().saveSoon({ sample: { thickness: i } });
      vi.advanceTimersByTime(100);
    }
    expect(store.getState().draft).toBeNull();
    expect(store.getState().pending).toBe(true);
    vi.advanceTimersByTime(399);
    expect(store.getState().draft).toBeNull();
    vi.advanceTimersByTime(1);
    expect(store.getState().draft?.values).toEqual({ sample: { thickness: 10 } });
    expect(store.getState().pending).toBe(false);
    const saved = JSON.parse(storage.items.get(draftStorageKey('EQSANS')) ?? 'null');
    expect(saved.version).toBe(1);
    expect(saved.state.draft.values).toEqual({ sample: { thickness: 10 } });
    // One write when "pending" turned on, one for the save: not one per keystroke.
    expect(storage.writes - writesBefore).toBe(2);
  });

  test('a write the browser refuses is reported, the values kept in memory; the next good write clears it', () => {
    const storage = memoryStorage();
    let refuse = true;
    const flaky = {
      ...storage,
      setItem: (name: string, value: string) => {
        if (refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        storage.setItem(name, value);
      },
    };
    const store = createDraftStore({ instrument: 'EQSANS', schemaVersion: 1, storage: flaky });
    // The write fails inside the autosave timer: nothing may escape it.
    store.getState().saveSoon({ sample: { thickness: 3 } });
    expect(() => vi.advanceTimersByTime(500)).not.toThrow();
    expect(store.getState().draft?.values).toEqual({ sample: { thickness: 3 } });
    expect(store.getState().saveError).toMatch(/QuotaExceededError/);
    expect(storage.items.has(draftStorageKey('EQSANS'))).toBe(false);

    refuse = false;
    store.getState().saveSoon({ sample: { thickness: 4 } });
    vi.advanceTimersByTime(500);
    expect(store.getState().saveError).toBeNull();
    const saved = JSON.parse(storage.items.get(draftStorageKey('EQSANS')) ?? 'null');
    expect(saved.state.draft.values).toEqual({ sample: { thickness: 4 } });
  });

  test('flush saves at once (page hide) and a later change is copied, not aliased', () => {
    const storage = memoryStorage();
    const store = open(storage);
    const values = { sample: { thickness: 1 } };
    store.getState().saveSoon(values);
    store.getState().flush();
    values.sample.thickness = 99;
    expect(store.getState().draft?.values).toEqual({ sample: { thickness: 1 } });
  });
});

describe('restore', () => {
  test('a new store for the same instrument restores the draft and says from when', () => {
    const storage = memoryStorage();
    const first = open(storage);
    first.getState().saveSoon({ sample: { run: [1, 2] } });
    vi.advanceTimersByTime(500);
    const savedAt = first.getState().draft?.savedAt;
    const second = open(storage);
    expect(second.getState().draft?.values).toEqual({ sample: { run: [1, 2] } });
    expect(second.getState().restoredFrom).toEqual({ savedAt, schemaVersion: 1 });
  });

  test('texts that were not values are restored beside the values; an empty set is not stored', () => {
    const storage = memoryStorage();
    const first = open(storage);
    const texts = { '/sample/thickness': { text: '0,1', message: 'use a point for decimals' } };
    first.getState().saveSoon({ sample: { run: [1] } }, texts);
    vi.advanceTimersByTime(500);
    expect(open(storage).getState().draft?.texts).toEqual(texts);
    first.getState().saveSoon({ sample: { run: [1] } }, {});
    vi.advanceTimersByTime(500);
    expect(open(storage).getState().draft).not.toHaveProperty('texts');
  });

  test('a stored text of the wrong shape is reported as not applied, the others kept', () => {
    const storage = memoryStorage({
      [draftStorageKey('EQSANS')]: JSON.stringify({
        state: {
          draft: {
            values: {},
            savedAt: 1,
            schemaVersion: 1,
            texts: { '/a': { text: 'x', message: 'm' }, '/b': { text: 3 } },
          },
          notApplied: [],
        },
        version: 1,
      }),
    });
    const store = open(storage, 1);
    expect(store.getState().draft?.texts).toEqual({ '/a': { text: 'x', message: 'm' } });
    expect(store.getState().notApplied).toEqual([
      {
        pointer: '/b',
        value: { text: 3 },
        reason: 'the text saved for this field could not be read',
        fromSchemaVersion: 1,
      },
    ]);
  });

  test('another instrument has its own draft', () => {
    const storage = memoryStorage();
    open(storage)
      .getState()
      .replace({ sample: { thickness: 3 } });
    const other = createDraftStore({ instrument: 'GPSANS', schemaVersion: 1, storage });
    expect(other.getState().draft).toBeNull();
  });

  test('discard deletes the draft and bumps the revision so the form remounts', () => {
    const storage = memoryStorage();
    const store = open(storage);
    store.getState().replace({ sample: { thickness: 3 } });
    const revision = store.getState().revision;
    store.getState().discard();
    expect(store.getState().draft).toBeNull();
    expect(store.getState().revision).toBe(revision + 1);
    expect(open(storage).getState().draft).toBeNull();
  });
});

describe('schema version change', () => {
  test('a v1 draft opened under v2 keeps what fits and persists the rest as not applied', () => {
    const storage = memoryStorage();
    const v1 = open(storage, 1);
    v1.getState().saveSoon({ sample: { thickness: 0.2, aperture: 8 }, reduction: { Qmin: 0.01 } });
    v1.getState().flush();
    const v2 = open(storage, 2);
    expect(v2.getState().draft?.values).toEqual({ sample: { thickness: 0.2 }, reduction: { Qmin: 0.01 } });
    expect(v2.getState().draft?.schemaVersion).toBe(2);
    expect(v2.getState().restoredFrom?.schemaVersion).toBe(1);
    expect(v2.getState().notApplied.map((n) => [n.pointer, n.value])).toEqual([['/sample/aperture', 8]]);
    // Reopened: still listed (persisted), not migrated twice.
    const again = open(storage, 2);
    expect(again.getState().notApplied.map((n) => n.pointer)).toEqual(['/sample/aperture']);
    again.getState().dismissNotApplied('/sample/aperture');
    expect(open(storage, 2).getState().notApplied).toEqual([]);
  });

  test('a schema edited without a version bump gets the same check', () => {
    const storage = memoryStorage();
    const before = createDraftStore({ instrument: 'EQSANS', schemaVersion: 3, storage });
    before.getState().replace({ sample: { aperture: 8, thickness: 1 } });
    const after = createDraftStore({
      instrument: 'EQSANS',
      schemaVersion: 3,
      model: sampleModel(2),
      storage,
    });
    expect(after.getState().draft?.values).toEqual({ sample: { thickness: 1 } });
    expect(after.getState().notApplied.map((n) => n.pointer)).toEqual(['/sample/aperture']);
  });

  test('an unreadable stored draft is reported, not silently ignored', () => {
    const storage = memoryStorage({
      [draftStorageKey('EQSANS')]: JSON.stringify({
        state: { draft: 'garbage', notApplied: [] },
        version: 1,
      }),
    });
    const store = open(storage, 1);
    expect(store.getState().draft).toBeNull();
    expect(store.getState().notApplied).toEqual([
      { pointer: '', value: 'garbage', reason: 'the saved draft could not be read', fromSchemaVersion: 1 },
    ]);
  });
});

describe('after a submission', () => {
  test('clearIfUnchangedSince clears a draft saved before the submission, keeps later edits', async () => {
    const storage = memoryStorage();
    const store = open(storage);
    store.getState().saveSoon({ sample: { thickness: 1 } });
    store.getState().flush();
    const submittedAt = Date.now();
    vi.advanceTimersByTime(1000);
    store.getState().saveSoon({ sample: { thickness: 2 } });
    expect(store.getState().clearIfUnchangedSince(submittedAt)).toBe(false);
    store.getState().flush();
    expect(store.getState().clearIfUnchangedSince(submittedAt)).toBe(false);
    expect(store.getState().clearIfUnchangedSince(Date.now())).toBe(true);
    expect(store.getState().draft).toBeNull();
    // The helper for a form that is not open does the same on storage.
    store.getState().replace({ sample: { thickness: 3 } });
    expect(await clearStoredDraft('EQSANS', Date.now() - 1, storage)).toBe(false);
    expect(await clearStoredDraft('EQSANS', Date.now(), storage)).toBe(true);
    expect(storage.items.has(draftStorageKey('EQSANS'))).toBe(false);
  });
});

describe('the defaults a draft was made against', () => {
  const noon = {
    revision: 3,
    overrides: [
      { pointer: '/sample/thickness', value: 0.2, changedBy: 'carol', changedAt: '2026-12-07T12:00:00Z' },
    ],
  };
  test('are saved with every autosave and come back with the restored draft', () => {
    const storage = memoryStorage();
    const store = open(storage);
    store.getState().setDefaults(noon);
    store.getState().saveSoon({ sample: { thickness: 0.2 } });
    store.getState().flush();
    expect(store.getState().draft?.defaults).toEqual(noon);
    const again = open(storage);
    expect(again.getState().draft?.defaults).toEqual(noon);
    expect(again.getState().defaults).toEqual(noon);
  });
  test('replace moves values, texts and defaults together (Use the new defaults)', () => {
    const storage = memoryStorage();
    const store = open(storage);
    store.getState().setDefaults({ revision: 2, overrides: [] });
    const texts = { '/sample/name': { text: '1,5', message: 'not a number' } };
    store.getState().replace({ sample: { thickness: 0.2 } }, 1, { texts, defaults: noon });
    expect(store.getState().defaults).toEqual(noon);
    expect(store.getState().draft).toMatchObject({ texts, defaults: noon });
    expect(open(storage).getState().draft?.defaults?.revision).toBe(3);
  });
  test('a stored draft without them, or with a broken record, restores as made against today', () => {
    const storage = memoryStorage();
    storage.setItem(
      draftStorageKey('EQSANS'),
      JSON.stringify({
        state: {
          draft: { values: {}, savedAt: 1, schemaVersion: 1, defaults: { revision: 'x' } },
          notApplied: [],
        },
        version: 1,
      }),
    );
    const store = open(storage);
    expect(store.getState().draft).not.toBeNull();
    expect(store.getState().defaults).toBeUndefined();
  });
});
