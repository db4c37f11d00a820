/**
 * The page of `formulary preview`: the form of the schema being written, and beside it the live
 * request, the lint findings (click one to go to its field), the default request and, with
 * --examples, the example requests. Each state the command pushes after a save rebuilds the form,
 * carrying over what was typed; a schema that no longer loads shows its error above the last good form.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PreviewState } from '../cli/preview/index';
import {
  type DraftTexts,
  type NotAppliedValue,
  SubmissionForm,
  type SubmissionFormHandle,
  type SubmissionRequest,
} from '../forms/index';
import { defaultsOf, type FieldModel } from '../schemas/index';
import { buildPreviewModel } from './buildPreviewModel';
import { carryValues } from './carryValues';
import { ExamplesPanel } from './ExamplesPanel';
import { FindingsList } from './FindingsList';
import { liveValue } from './liveValue';
import type { PreviewConnectionStore } from './previewConnection';
import { previewLocale, previewTexts as t } from './previewTexts';

interface Shown {
  readonly model: FieldModel;
  readonly schemaRevision: number;
  readonly formData?: Record<string, unknown>;
  readonly draftTexts?: DraftTexts;
}

const liveRequest = liveValue<SubmissionRequest | null>(null);

function LiveJson(): ReactNode {
  const request = useSyncExternalStore(liveRequest.subscribe, liveRequest.get);
  return (
    <pre data-testid="preview-request" className="preview-json">
      {request ? JSON.stringify(request, null, 2) : '—'}
    </pre>
  );
}

export function PreviewPage(props: { readonly connection: PreviewConnectionStore }): ReactNode {
  const { state, lost } = useSyncExternalStore(props.connection.subscribe, props.connection.get);
  const [shown, setShown] = useState<Shown | null>(null);
  const [notApplied, setNotApplied] = useState<readonly NotAppliedValue[]>([]);
  const [modelProblem, setModelProblem] = useState<string | null>(null);
  const formRef = useRef<SubmissionFormHandle>(null);
  const draft = useRef<{ values: unknown; texts: DraftTexts } | null>(null);

  // A new schema revision: a new form, seeded with what was typed in the old one.
  useEffect(() => {
    if (!state?.schema || state.schemaRevision === shown?.schemaRevision) return;
    let model: FieldModel;
    try {
      model = buildPreviewModel(state.schema);
    } catch (error) {
      setModelProblem((error as Error).message);
      return;
    }
    setModelProblem(null);
    const typed = draft.current;
    if (shown && typed) {
      const carried = carryValues(typed.values, shown.model, model);
      setNotApplied((before) => [...before, ...carried.notApplied]);
      setShown({
        model,
        schemaRevision: state.schemaRevision,
        formData: carried.formData,
        draftTexts: typed.texts,
      });
    } else {
      setShown({ model, schemaRevision: state.schemaRevision });
    }
  }, [state, shown]);

  // The new form's request (typed values carried over): a form seeded with formData reports no change.
  useEffect(() => {
    if (shown && formRef.current) liveRequest.set(formRef.current.getRequest());
  }, [shown]);

  useEffect(() => {
    if (state) document.title = t.title(state.schemaFile);
  }, [state]);

  const defaults = useMemo(() => (shown ? JSON.stringify(defaultsOf(shown.model), null, 2) : ''), [shown]);

  if (!state) return <p role="status">{t.connecting}</p>;
  const reveal = (field: string) => formRef.current?.reveal(field);
  return (
    <div
      className="preview-page"
      data-revision={state.revision}
      data-schema-revision={shown?.schemaRevision ?? 0}
    >
      <header className="preview-header">
        <h1>{state.schemaFile}</h1>
        <span className="preview-hint" role="status" aria-live="polite">
          {t.reloaded(state.revision)}
        </span>
      </header>
      {lost && (
        <p role="alert" className="preview-banner">
          {t.disconnected}
        </p>
      )}
      {(state.problems.length > 0 || modelProblem) && (
        <div role="alert" className="preview-banner" data-testid="preview-load-problem">
          <p>{shown ? t.loadFailed(state.schemaFile) : t.noSchemaYet(state.schemaFile)}</p>
          <FindingsList findings={state.problems} label={t.findingsHeading} />
          {modelProblem && <p>{modelProblem}</p>}
        </div>
      )}
      <div className="preview-columns">
        <section
          aria-labelledby="preview-form-heading"
          className="preview-form"
          data-stale={state.problems.length > 0}
        >
          <h2 id="preview-form-heading">{t.formHeading}</h2>
          {notApplied.length > 0 && (
            <div className="preview-banner" data-testid="preview-not-applied">
              <p>{t.notAppliedHeading}</p>
              <ul>
                {notApplied.map((v) => (
                  <li key={`${v.pointer} ${JSON.stringify(v.value)}`}>
                    <code>{v.pointer}</code> = <code>{JSON.stringify(v.value)}</code>: {v.reason}
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => setNotApplied([])}>
                {t.dismiss}
              </button>
            </div>
          )}
          {shown && (
            <SubmissionForm
              model={shown.model}
              locale={previewLocale()}
              formData={shown.formData}
              draftTexts={shown.draftTexts}
              formRef={formRef}
              onChange={(request) => liveRequest.set(request)}
              onDraftChange={(values, texts) => {
                draft.current = { values, texts };
              }}
              onSubmit={(request) => liveRequest.set(request)}
            />
          )}
        </section>
        <aside className="preview-side">
          <section aria-labelledby="preview-findings-heading">
            <h2 id="preview-findings-heading">{t.findingsHeading}</h2>
            {state.diagnostics.length === 0 ? (
              <p role="status">{t.noFindings}</p>
            ) : (
              <FindingsList findings={state.diagnostics} label={t.findingsHeading} onPick={reveal} />
            )}
          </section>
          {state.examples && (
            <ExamplesPanel
              dir={state.examplesDir ?? ''}
              examples={state.examples}
              onImport={(request) => {
                formRef.current?.importRequest(request);
                formRef.current?.validate(); // every error shows at its field
              }}
            />
          )}
          <section aria-labelledby="preview-request-heading">
            <h2 id="preview-request-heading">{t.requestHeading}</h2>
            <LiveJson />
          </section>
          <section aria-labelledby="preview-defaults-heading">
            <h2 id="preview-defaults-heading">{t.defaultsHeading}</h2>
            <p className="preview-hint">{t.defaultsHint}</p>
            <pre data-testid="preview-defaults" className="preview-json">
              {defaults}
            </pre>
          </section>
          <WatchList state={state} />
        </aside>
      </div>
    </div>
  );
}

function WatchList(props: { readonly state: PreviewState }): ReactNode {
  return (
    <section aria-labelledby="preview-watching-heading">
      <h2 id="preview-watching-heading">{t.watchingHeading}</h2>
      <ul className="preview-hint">
        {props.state.watching.map((file) => (
          <li key={file}>
            <code>{file}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
