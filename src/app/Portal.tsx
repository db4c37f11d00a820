/**
 * The demo portal: pick a shipped instrument, fill its form, watch the JSON request update beside it,
 * submit (the request is shown, and POSTed when a backend URL is set). Schemas are fetched by URL so
 * their multi-file $refs resolve as they would on a facility's site.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { SubmissionForm, type SubmissionRequest } from '../forms/index';
import { buildFieldModel, type FieldModel, loadSchema } from '../schemas/index';
import { instrumentCatalogue } from '../schemas/instruments/index';
import { BackendSettings, useBackendUrl } from './BackendSettings';
import { LiveRequest, liveRequest } from './LiveRequest';
import { type Submission, SubmittedRequest } from './SubmittedRequest';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; model: FieldModel }
  | { state: 'failed'; message: string };

function initialInstrument(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('instrument');
  return instrumentCatalogue.some((i) => i.id === fromUrl) ? fromUrl! : (instrumentCatalogue[0]?.id ?? '');
}

/** The portal page. */
export function Portal(): ReactNode {
  const [instrument, setInstrument] = useState(initialInstrument);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [backendUrl, setBackendUrl] = useBackendUrl();

  useEffect(() => {
    const entry = instrumentCatalogue.find((i) => i.id === instrument);
    if (!entry) return;
    let live = true;
    setLoaded({ state: 'loading' });
    setSubmission(null);
    const file = entry.schemaPath.slice(entry.schemaPath.lastIndexOf('/') + 1);
    loadSchema(new URL(`schemas/${file}`, document.baseURI).href)
      .then((schema) => live && setLoaded({ state: 'ready', model: buildFieldModel(schema) }))
      .catch((error: Error) => live && setLoaded({ state: 'failed', message: error.message }));
    return () => {
      live = false;
    };
  }, [instrument]);

  const onSubmit = async (request: SubmissionRequest) => {
    setSubmission({ request, status: backendUrl ? 'sending' : 'shown' });
    if (!backendUrl) return;
    try {
      const response = await fetch(backendUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      setSubmission({
        request,
        status: response.ok ? 'sent' : 'failed',
        detail: `${response.status} ${response.statusText}`,
      });
    } catch (error) {
      setSubmission({ request, status: 'failed', detail: (error as Error).message });
    }
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
            }}
          >
            {instrumentCatalogue.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} · {i.kind}
              </option>
            ))}
          </select>
          <BackendSettings url={backendUrl} onChange={setBackendUrl} />
        </div>
      </header>
      <div className="portal__body">
        <main className="portal__form">
          {loaded.state === 'loading' && <p role="status">Loading the {instrument} schema…</p>}
          {loaded.state === 'failed' && <p role="alert">Could not load the schema: {loaded.message}</p>}
          {loaded.state === 'ready' && (
            <SubmissionForm
              key={instrument}
              model={loaded.model}
              idPrefix={`${instrument}-`}
              onChange={liveRequest.set}
              onSubmit={onSubmit}
            />
          )}
          {submission && <SubmittedRequest submission={submission} />}
        </main>
        <aside className="portal__live" aria-label="Live request">
          <LiveRequest />
        </aside>
      </div>
    </div>
  );
}
