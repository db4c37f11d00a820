/**
 * A shipped instrument's form for its story: the schema is fetched from /schemas/ (Storybook's
 * staticDirs) with loadSchema, so common.json refs resolve in the browser as on a facility's site;
 * the live request is shown beside the form. With `locale`, the form speaks that language and the
 * schema's translation beside it (<instrument>.<locale>.json) gives its text. Stories only.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { SubmissionForm, type SubmissionRequest } from '../../src/forms/index';
import {
  buildFieldModel,
  defaultsOf,
  type FieldModel,
  fetchJson,
  loadSchema,
  localizeModel,
  readSchemaTranslation,
} from '../../src/schemas/index';
import { instrumentCatalogue } from '../../src/schemas/instruments/index';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; model: FieldModel }
  | { state: 'failed'; message: string };

export interface InstrumentStoryProps {
  /** Catalogue id ("eqsans", "powder", ...). */
  readonly instrument: string;
  /** The form's language; its translation file is fetched beside the schema. */
  readonly locale?: string;
}

/** URL of a shipped schema file as Storybook serves it. */
export function instrumentSchemaUrl(instrument: string): string {
  const entry = instrumentCatalogue.find((i) => i.id === instrument);
  if (!entry) throw new Error(`no instrument "${instrument}" in the catalogue`);
  const file = entry.schemaPath.slice(entry.schemaPath.lastIndexOf('/') + 1);
  return new URL(`schemas/${file}`, document.baseURI).href;
}

/** The instrument's form and its live request. */
export function InstrumentStory({ instrument, locale }: InstrumentStoryProps): ReactNode {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [request, setRequest] = useState<SubmissionRequest | null | undefined>(null);
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    loadSchema(instrumentSchemaUrl(instrument))
      .then(async (schema) => {
        const english = buildFieldModel(schema);
        const model = locale
          ? localizeModel(
              english,
              readSchemaTranslation(
                await fetchJson(
                  instrumentSchemaUrl(instrument).replace(/\.schema\.json$/, `.${locale}.json`),
                ),
              ),
            )
          : english;
        if (!live) return;
        setRequest(defaultsOf(model));
        setLoaded({ state: 'ready', model });
      })
      .catch((error: Error) => live && setLoaded({ state: 'failed', message: error.message }));
    return () => {
      live = false;
    };
  }, [instrument, locale]);

  if (loaded.state === 'loading') return <p data-story-loading="">Loading the {instrument} schema…</p>;
  if (loaded.state === 'failed') return <p role="alert">Could not load the schema: {loaded.message}</p>;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: '1.5rem' }}>
      <SubmissionForm
        model={loaded.model}
        onChange={setRequest}
        onSubmit={setRequest}
        idPrefix={`${instrument}-`}
      />
      <aside aria-label="Request">
        <h2 style={{ fontSize: '1rem' }}>Request</h2>
        <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(request, null, 2)}</pre>
      </aside>
    </div>
  );
}
