/**
 * The demo portal: pick a shipped instrument, fill its form, watch the JSON request update beside it,
 * submit (the request is shown, and POSTed to the backend URL: by default the Formulary service that
 * served the page, when it did). Schemas are fetched by URL so their multi-file $refs resolve as they
 * would on a facility's site. Drafts autosave and come back on
 * reload; with a backend URL, submissions go through a persisted outbox (retries, Idempotency-Key) and
 * accepted ones land in the history (src/forms/drafts).
 */
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import {
  createDraftsRuntime,
  DraftedForm,
  type HistoryEntry,
  HistoryPanel,
  OutboxPanel,
  SubmissionForm,
  type SubmissionFormHandle,
  type SubmissionRequest,
} from '../forms/index';
import { buildFieldModel, defaultsOf, type FieldModel, loadSchema } from '../schemas/index';
import { instrumentCatalogue } from '../schemas/instruments/index';
import { BackendSettings, useBackendUrl } from './BackendSettings';
import { LiveRequest, liveRequest } from './LiveRequest';
import { type Submission, SubmittedRequest } from './SubmittedRequest';
import { useServiceUrl } from './useServiceUrl';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; model: FieldModel; instrument: string }
  | { state: 'failed'; message: string };

function initialInstrument(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('instrument');
  return instrumentCatalogue.some((i) => i.id === fromUrl) ? fromUrl! : (instrumentCatalogue[0]?.id ?? '');
}

/** Drafts, outbox and history for the page (localStorage); requests go to the backend URL set below. */
const backend = { url: '' };
const draftsRuntime = createDraftsRuntime({ send: () => ({ url: backend.url }) });
/**
 * Drafts are saved under the catalogue's schema version of each instrument; `?schemaVersion=2`
 * overrides it for every instrument, to show how older drafts migrate.
 */
const schemaVersionOverride = Number.parseInt(
  new URLSearchParams(window.location.search).get('schemaVersion') ?? '',
  10,
);
function schemaVersionOf(instrument: string): number {
  if (Number.isInteger(schemaVersionOverride) && schemaVersionOverride >= 0) return schemaVersionOverride;
  return instrumentCatalogue.find((i) => i.id === instrument)?.schemaVersion ?? 1;
}

/** The portal page. */
export function Portal(): ReactNode {
  const [instrument, setInstrument] = useState(initialInstrument);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [storedBackendUrl, setBackendUrl] = useBackendUrl();
  // Served by `formulary serve`: post there unless the user chose another backend (or none).
  const serviceUrl = useServiceUrl();
  const backendUrl = storedBackendUrl ?? serviceUrl;
  // The live panel shows the request from the start (the defaults, or the restored draft), not only
  // after the first change.
  const showFirstRequest = useCallback((handle: SubmissionFormHandle | null) => {
    if (handle) liveRequest.set(handle.getRequest());
  }, []);

  // The URL names the instrument shown, so a reload (or a shared link) opens the same form and its draft.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get('instrument') === instrument) return;
    url.searchParams.set('instrument', instrument);
    window.history.replaceState(window.history.state, '', url);
  }, [instrument]);

  useEffect(() => {
    const entry = instrumentCatalogue.find((i) => i.id === instrument);
    if (!entry) return;
    let live = true;
    setLoaded({ state: 'loading' });
    setSubmission(null);
    const file = entry.schemaPath.slice(entry.schemaPath.lastIndexOf('/') + 1);
    loadSchema(new URL(`schemas/${file}`, document.baseURI).href)
      .then((schema) => live && setLoaded({ state: 'ready', model: buildFieldModel(schema), instrument }))
      .catch((error: Error) => live && setLoaded({ state: 'failed', message: error.message }));
    return () => {
      live = false;
    };
  }, [instrument]);

  // Waiting requests are retried now, on `online`, and when the backend URL changes.
  useEffect(() => {
    backend.url = backendUrl;
    return backendUrl ? draftsRuntime.startSync() : undefined;
  }, [backendUrl]);
  const model = loaded.state === 'ready' ? loaded.model : undefined;
  const draftStore = useMemo(
    () =>
      loaded.state === 'ready'
        ? draftsRuntime.draftStoreFor(loaded.instrument, schemaVersionOf(loaded.instrument), loaded.model)
        : undefined,
    [loaded],
  );
  const openHistoryEntry = (entry: HistoryEntry) => {
    draftsRuntime.openAsDraft(entry);
    if (entry.instrument !== instrument) setInstrument(entry.instrument);
  };

  // With a backend URL, the request goes through the outbox: retried with one Idempotency-Key until accepted.
  const onSubmit = async (request: SubmissionRequest) => {
    setSubmission({ request, status: backendUrl ? 'sending' : 'shown' });
    if (!backendUrl || !model) return;
    const defaults = defaultsOf(model, { includeHidden: true });
    const result = await draftsRuntime.submit(request, {
      instrument,
      schemaVersion: schemaVersionOf(instrument),
      model,
      defaults,
    });
    setSubmission({
      request,
      status: result.ok ? 'sent' : 'failed',
      detail: result.ok ? `${result.status}` : result.message,
    });
  };

  return (
    <div className="portal">
      <header className="portal__header">
        <h1>Formulary</h1>
        <p>Reduction requests for neutron and X-ray instruments.</p>
        <div className="portal__controls">
          <label htmlFor="instrument">Instrument</label>
          <select
            id="instrument"
            value={instrument}
            onChange={(e) => {
              setInstrument(e.currentTarget.value);
              liveRequest.set(null);
              liveRequest.setTexts({});
            }}
          >
            {instrumentCatalogue.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} · {i.kind}
              </option>
            ))}
          </select>
          <BackendSettings key={backendUrl} url={backendUrl} onChange={setBackendUrl} />
        </div>
      </header>
      <div className="portal__body">
        <main className="portal__form">
          {loaded.state === 'loading' && <p role="status">Loading the {instrument} schema…</p>}
          {loaded.state === 'failed' && <p role="alert">Could not load the schema: {loaded.message}</p>}
          {loaded.state === 'ready' && draftStore && (
            <DraftedForm store={draftStore} outbox={draftsRuntime.outbox}>
              {(draft) => (
                <SubmissionForm
                  key={draft.key}
                  formRef={showFirstRequest}
                  model={loaded.model}
                  idPrefix={`${instrument}-`}
                  formData={draft.formData}
                  draftTexts={draft.draftTexts}
                  onChange={liveRequest.set}
                  onDraftChange={(values, texts) => {
                    draft.onDraftChange(values, texts);
                    liveRequest.setTexts(texts);
                  }}
                  onSubmit={onSubmit}
                />
              )}
            </DraftedForm>
          )}
          {submission && <SubmittedRequest submission={submission} />}
        </main>
        {/* Scrolls on its own, so keyboard users must be able to focus it (axe: scrollable-region-focusable). */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <aside className="portal__live" aria-label="Live request" tabIndex={0}>
          <LiveRequest />
        </aside>
        <aside className="portal__drafts" aria-label="Outbox and history">
          <OutboxPanel store={draftsRuntime.outbox} submitter={draftsRuntime.submitter} />
          <HistoryPanel store={draftsRuntime.history} onOpen={openHistoryEntry} />
        </aside>
      </div>
    </div>
  );
}
