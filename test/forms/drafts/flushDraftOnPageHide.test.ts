/** A change typed just before the page goes away is saved at once, not lost inside the debounce. */
import { expect, test } from 'vitest';
import { createDraftStore, flushDraftOnPageHide, memoryStorage } from '../../../src/forms/drafts/index';

function fakeWindow() {
  const win = new EventTarget() as EventTarget & { document: EventTarget & { visibilityState: string } };
  win.document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return win;
}

test('pagehide and visibilitychange(hidden) save pending values; after stop they do not', () => {
  const store = createDraftStore({
    instrument: 'X',
    schemaVersion: 1,
    storage: memoryStorage(),
    debounceMs: 60_000,
  });
  const win = fakeWindow();
  const stop = flushDraftOnPageHide(store, win as unknown as Window);
  store.getState().saveSoon({ a: 1 });
  win.dispatchEvent(new Event('pagehide'));
  expect(store.getState().draft?.values).toEqual({ a: 1 });

  store.getState().saveSoon({ a: 2 });
  win.document.dispatchEvent(new Event('visibilitychange'));
  expect(store.getState().draft?.values).toEqual({ a: 1 });
  win.document.visibilityState = 'hidden';
  win.document.dispatchEvent(new Event('visibilitychange'));
  expect(store.getState().draft?.values).toEqual({ a: 2 });

  stop();
  store.getState().saveSoon({ a: 3 });
  win.dispatchEvent(new Event('pagehide'));
  expect(store.getState().draft?.values).toEqual({ a: 2 });
  store.getState().dispose();
});
