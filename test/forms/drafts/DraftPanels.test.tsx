/** The draft bar, submit status, outbox and history panels as a user sees and uses them. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createDraftStore,
  createHistoryStore,
  createOutboxStore,
  createSubmitter,
  DraftBar,
  DraftsContext,
  exportHistory,
  type HistoryEntry,
  HistoryPanel,
  memoryStorage,
  OutboxPanel,
  SubmitStatus,
  submitRequest,
} from '../../../src/forms/drafts/index';
import { translate } from '../../../src/schemas/index';
import { LocaleContext } from '../../../src/widgets/index';
import { fakeServer } from './fakeServer';
import { sampleModel } from './sampleModel';

afterEach(cleanup);

const time = (ms: number) => `T${ms}`;

/** A storage whose every write the browser refuses, as with a full origin quota. */
const fullStorage = () => ({
  ...memoryStorage(),
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
});

function seededV1(storage: ReturnType<typeof memoryStorage>) {
  const v1 = createDraftStore({ instrument: 'EQSANS', schemaVersion: 1, storage, now: () => 1000 });
  v1.getState().replace({ sample: { thickness: 0.2, aperture: 8 }, reduction: { binType: 'log' } });
}

describe('<DraftBar>', () => {
  test('shows the restored draft with its time, and Discard removes it', async () => {
    const storage = memoryStorage();
    seededV1(storage);
    const store = createDraftStore({ instrument: 'EQSANS', schemaVersion: 1, storage });
    render(<DraftBar store={store} formatTime={time} />);
    expect(screen.getByRole('status').textContent).toContain('Restored draft from T1000');
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByText(/Restored draft/)).toBeNull();
    expect(store.getState().draft).toBeNull();
  });

  test('lists values not applied after a schema change until dismissed', async () => {
    const storage = memoryStorage();
    seededV1(storage);
    const store = createDraftStore({
      instrument: 'EQSANS',
      schemaVersion: 2,
      model: sampleModel(2),
      storage,
    });
    render(<DraftBar store={store} formatTime={time} />);
    expect(screen.getByText(/saved under schema version 1/)).toBeTruthy();
    const list = screen.getByRole('region', { name: '2 saved values were not applied' });
    expect(list.textContent).toContain('/sample/aperture');
    expect(list.textContent).toContain('field no longer exists');
    expect(list.textContent).toContain('/reduction/binType');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss /sample/aperture' }));
    expect(screen.getByRole('region', { name: '1 saved value was not applied' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss all' }));
    expect(screen.queryByRole('region')).toBeNull();
  });

  test('says when the draft is being saved and when it was saved', () => {
    const store = createDraftStore({
      instrument: 'X',
      schemaVersion: 1,
      storage: memoryStorage(),
      debounceMs: 10_000,
    });
    render(<DraftBar store={store} formatTime={time} />);
    act(() => store.getState().saveSoon({ a: 1 }));
    expect(screen.getByText('Saving draft…')).toBeTruthy();
    act(() => store.getState().flush());
    expect(screen.getByText(/^Draft saved T\d+/)).toBeTruthy();
  });

  test('says the draft was not saved when the browser refuses to store it', () => {
    const store = createDraftStore({
      instrument: 'X',
      schemaVersion: 1,
      storage: fullStorage(),
      debounceMs: 10_000,
    });
    render(<DraftBar store={store} formatTime={time} />);
    act(() => {
      store.getState().saveSoon({ a: 1 });
      store.getState().flush();
    });
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Draft not saved: the browser did not store it \(QuotaExceededError: The quota has been exceeded\.\)\. Your values are kept in this page only/,
    );
    expect(screen.queryByText(/^Draft saved/)).toBeNull();
  });
});

describe('<SubmitStatus> and <OutboxPanel>', () => {
  test('a refusal shows the server message next to the form, and the outbox keeps the request', async () => {
    const storage = memoryStorage();
    const outbox = createOutboxStore({ storage });
    const history = createHistoryStore({ storage });
    const server = fakeServer([{ status: 422, body: { message: 'run 12345 does not exist' } }, 200]);
    const submitter = createSubmitter({
      outbox,
      history,
      send: { url: '/x', fetch: server.fetch, retries: 0 },
    });
    render(
      <DraftsContext value={{ outbox, history, submitter }}>
        <SubmitStatus instrument="EQSANS" formatTime={time} />
        <OutboxPanel formatTime={time} />
      </DraftsContext>,
    );
    expect(screen.getByText(/Nothing waiting/)).toBeTruthy();
    await act(() =>
      submitter.submit({ sample: { run: [12345] } }, { instrument: 'EQSANS', schemaVersion: 1 }),
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'The server refused the request (422): run 12345 does not exist',
    );
    const outboxList = screen.getByRole('region', { name: 'Outbox' });
    expect(outboxList.textContent).toContain('refused by the server');
    await userEvent.click(screen.getByRole('button', { name: /^Retry the EQSANS request/ }));
    await waitFor(() => expect(screen.getByText(/Nothing waiting/)).toBeTruthy());
    expect(screen.getByRole('status').textContent).toMatch(/^Submitted at T\d+\.$/);
    expect(history.getState().entries).toHaveLength(1);
  });
});

describe('send failures in the reader’s language', () => {
  test('a network failure and a 503 are worded in French in the status and the outbox, not the browser’s English', async () => {
    const storage = memoryStorage();
    const outbox = createOutboxStore({ storage });
    const history = createHistoryStore({ storage });
    const answers: (() => Promise<Response>)[] = [
      () => Promise.reject(new TypeError('Failed to fetch')),
      async () => new Response('{"title":"Service Unavailable"}', { status: 503 }),
    ];
    const submitter = createSubmitter({
      outbox,
      history,
      send: { url: '/x', fetch: () => answers.shift()!(), retries: 1, backoff: () => 0 },
    });
    render(
      <LocaleContext value="fr">
        <DraftsContext value={{ outbox, history, submitter }}>
          <SubmitStatus instrument="EQSANS" formatTime={time} />
          <OutboxPanel formatTime={time} />
        </DraftsContext>
      </LocaleContext>,
    );
    await act(() => submitter.submit({ sample: { run: [1] } }, { instrument: 'EQSANS', schemaVersion: 1 }));
    const entry = outbox.getState().entries[0]!;
    // English stays in the stored message for logs; the words shown come from the key.
    expect(entry.lastError).toMatch(/Service Unavailable|503/);
    expect(entry.lastWhy).toEqual({ key: 'draft.send.serverStatus', values: { status: '503' } });
    const region = screen.getByRole('region', { name: 'Boîte d’envoi' });
    expect(region.textContent).toContain('le serveur a échoué (HTTP 503)');
    expect(document.body.textContent).not.toMatch(/Service Unavailable|network error|Failed to fetch/);
    // A network failure alone: its own words, not "network error: Failed to fetch".
    const offline = await submitRequest(
      {},
      { url: '/x', fetch: () => Promise.reject(new TypeError('Failed to fetch')), retries: 0 },
    );
    expect(offline.ok ? undefined : offline.why).toEqual({ key: 'draft.send.network' });
    expect(translate('fr', 'draft.send.network')).toBe('le serveur est injoignable');
  });
});

describe('storage the browser refuses', () => {
  test('a request the outbox could not store is not sent, and the panels say why', async () => {
    const outbox = createOutboxStore({ storage: fullStorage() });
    const history = createHistoryStore({ storage: fullStorage() });
    const server = fakeServer([]);
    const submitter = createSubmitter({
      outbox,
      history,
      send: { url: '/x', fetch: server.fetch, retries: 0 },
    });
    render(
      <DraftsContext value={{ outbox, history, submitter }}>
        <OutboxPanel formatTime={time} />
        <HistoryPanel formatTime={time} />
      </DraftsContext>,
    );
    const outcome = await act(() =>
      submitter.submit({ sample: { run: [12345] } }, { instrument: 'EQSANS', schemaVersion: 1 }),
    );
    expect(outcome).toMatchObject({ ok: false, kind: 'not-stored' });
    expect(server.calls).toEqual([]);
    const outboxRegion = screen.getByRole('region', { name: 'Outbox' });
    expect(outboxRegion.textContent).toMatch(
      /The outbox was not saved: the browser did not store it \(QuotaExceededError: .*\)\. A request that could not be stored was not sent/,
    );
  });
});

describe('<HistoryPanel>', () => {
  const entry = (id: string, submittedAt: number, changedFields: string[] = []): HistoryEntry => ({
    id,
    submittedAt,
    instrument: 'EQSANS',
    schemaVersion: 1,
    jobKind: 'Each scan alone',
    changedFields,
    request: { sample: { run: [1] } },
  });

  test('lists submissions with what changed and opens one as a new draft', async () => {
    const history = createHistoryStore({ storage: memoryStorage() });
    await history.getState().add(entry('a', 5, ['/sample/run', '/reduction/Qmin']));
    await history.getState().add(entry('b', 9));
    const opened: string[] = [];
    render(<HistoryPanel store={history} formatTime={time} onOpen={(e) => opened.push(e.id)} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('T9 · EQSANS · Each scan alone · all defaults');
    expect(items[1]).toContain('changed: /sample/run, /reduction/Qmin');
    await userEvent.click(screen.getAllByRole('button', { name: 'Open as new draft' })[1]!);
    expect(opened).toEqual(['a']);
  });

  test('export gives the JSON; import adds good entries and lists bad ones by index', async () => {
    const history = createHistoryStore({ storage: memoryStorage() });
    await history.getState().add(entry('a', 5));
    const exported: string[] = [];
    render(<HistoryPanel store={history} formatTime={time} onExport={(json) => exported.push(json)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Export history' }));
    expect(JSON.parse(exported[0] ?? '').entries.map((e: HistoryEntry) => e.id)).toEqual(['a']);

    const text = exportHistory([entry('a', 5), entry('c', 7), { ...entry('d', 8), instrument: '' }]);
    const file = new File([text], 'history.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Import history'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Imported 1 entry; 1 already in the history (entries 0); 1 not imported:',
    );
    expect(alert.textContent).toContain('entry 2: "instrument" must be a non-empty string');
    expect(history.getState().entries.map((e) => e.id)).toEqual(['c', 'a']);
  });
});
