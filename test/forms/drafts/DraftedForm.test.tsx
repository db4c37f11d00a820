/**
 * Drafts around the real <SubmissionForm> on the shipped EQSANS schema: typed values survive a remount
 * (a reload), values under a condition switched off survive it too, text that is not a value survives
 * as text (still refusing submit), the restored bar shows, and Discard brings the defaults back.
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  createDraftStore,
  DraftBar,
  type DraftStore,
  DraftsContext,
  memoryStorage,
  SubmissionForm,
  useDraftForm,
} from '../../../src/forms/index';
import { buildFieldModel, type FieldModel, loadSchema } from '../../../src/schemas/index';

let model: FieldModel;
beforeAll(async () => {
  model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
});
afterEach(cleanup);

const ipts = () => screen.getByRole('textbox', { name: /^IPTS/ }) as HTMLInputElement;

function DraftedForm({ store }: { store: DraftStore }) {
  const binding = useDraftForm(store);
  return (
    <>
      <DraftBar store={store} formatTime={() => 'then'} />
      <SubmissionForm
        key={binding.key}
        model={model}
        formData={binding.formData}
        draftTexts={binding.draftTexts}
        onDraftChange={binding.onDraftChange}
      />
    </>
  );
}

/** A page over `storage` (a reload when the storage was used before): the draft store and the form. */
function openPage(storage: ReturnType<typeof memoryStorage>): { store: DraftStore } {
  const store = createDraftStore({ instrument: 'eqsans', schemaVersion: 1, model, storage, debounceMs: 20 });
  render(
    <DraftsContext value={{ drafts: store }}>
      <DraftedForm store={store} />
    </DraftsContext>,
  );
  return { store };
}

describe('a drafted SubmissionForm', () => {
  test('typed values come back after a reload, with the restored bar; Discard resets', async () => {
    const storage = memoryStorage();
    const first = openPage(storage);
    const user = userEvent.setup();
    await user.type(ipts(), '19800');
    await waitFor(() =>
      expect(
        (first.store.getState().draft?.values as Record<string, unknown> | undefined)?.iptsNumber,
      ).toBeTruthy(),
    );
    expect(screen.queryByText(/Restored draft/)).toBeNull();
    cleanup();

    const second = openPage(storage);
    expect(ipts().value).toBe('19800');
    expect(screen.getByText(/Restored draft from/).textContent).toContain('then');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(ipts().value).toBe(''));
    expect(second.store.getState().draft).toBeNull();
    act(() => second.store.getState().flush());
  }, 60_000);

  test('a value typed under a condition that is then switched off comes back after a reload', async () => {
    // Without IntersectionObserver every section renders at once (the binning one is off-screen).
    vi.stubGlobal('IntersectionObserver', undefined);
    const storage = memoryStorage();
    const first = openPage(storage);
    const user = userEvent.setup();
    const bins = () => screen.getByRole('textbox', { name: /^Log Q bins per decade$/ }) as HTMLInputElement;
    const binType = (option: string) =>
      within(screen.getByRole('group', { name: /^Q bin type$/ })).getByRole('radio', {
        name: option,
      }) as HTMLInputElement;
    await user.clear(bins());
    await user.type(bins(), '40');
    await user.click(binType('linear'));
    expect(screen.queryByRole('textbox', { name: /^Log Q bins per decade$/ })).toBeNull();
    await waitFor(() =>
      expect(
        (first.store.getState().draft?.values as Record<string, unknown> | undefined)?.binning,
      ).toMatchObject({ QbinType: 'linear' }),
    );
    // The draft keeps the hidden value; the request leaves it out.
    expect(
      (first.store.getState().draft?.values as Record<string, unknown> | undefined)?.binning,
    ).toMatchObject({ LogQBinsPerDecade: 40 });
    cleanup();

    const second = openPage(storage);
    expect(binType('linear').checked).toBe(true);
    await user.click(binType('log'));
    expect(bins().value).toBe('40');
    act(() => second.store.getState().flush());
    vi.unstubAllGlobals();
  }, 60_000);

  test('text that is not a value comes back as text after a reload, and submit is still refused', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const storage = memoryStorage();
    const first = openPage(storage);
    const user = userEvent.setup();
    const bins = () => screen.getByRole('textbox', { name: /^Log Q bins per decade$/ }) as HTMLInputElement;
    await user.clear(bins());
    await user.type(bins(), '4o');
    await waitFor(() =>
      expect(first.store.getState().draft?.texts?.['/binning/LogQBinsPerDecade']?.text).toBe('4o'),
    );
    const message = first.store.getState().draft?.texts?.['/binning/LogQBinsPerDecade']?.message;
    expect(message).toMatch(/\S/);
    cleanup();

    const second = openPage(storage);
    // The user sees what they typed, not the last good value (4) in its place.
    expect(bins().value).toBe('4o');
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(screen.getByRole('alert').textContent).toContain(message);
    // Fixed, the text leaves the draft.
    await user.clear(bins());
    await user.type(bins(), '40');
    await waitFor(() =>
      expect(
        (second.store.getState().draft?.values as Record<string, unknown> | undefined)?.binning,
      ).toMatchObject({ LogQBinsPerDecade: 40 }),
    );
    expect(second.store.getState().draft?.texts).toBeUndefined();
    act(() => second.store.getState().flush());
    vi.unstubAllGlobals();
  }, 60_000);
});
