/**
 * The demo portal: pick a shipped instrument, fill its form, watch the JSON request update beside it,
 * submit (the request is shown, and POSTed to the backend URL: by default the Formulary service that
 * served the page, when it did). Schemas are fetched by URL so their multi-file $refs resolve as they
 * would on a facility's site. Drafts autosave and come back on
 * reload; with a backend URL, submissions go through a persisted outbox (retries, Idempotency-Key) and
 * accepted ones land in the history (src/forms/drafts).
 */
import { type ReactNode, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  DraftedForm,
  type HistoryEntry,
  HistoryPanel,
  jobKindOf,
  OtherDraftsNotice,
  OutboxPanel,
  SubmissionForm,
  type SubmissionFormHandle,
  type SubmissionRequest,
} from '../forms/index';
import {
  defaultsOf,
  type FieldModel,
  fetchErrorText,
  fetchJson,
  jsonEquals,
  loadErrorMessage,
  localizeModel,
  readSchemaTranslation,
  type SchemaTranslation,
  type Translator,
} from '../schemas/index';
import { type InstrumentCatalogueEntry, instrumentCatalogue } from '../schemas/instruments/index';
import { useLocale, useT } from '../widgets/index';
import { SessionBar, useStaffAccess, withStaffDefaults } from './auth/index';
import { BackendSettings, useBackendUrl } from './BackendSettings';
import {
  loadInstrumentModel,
  NewDefaultsApplied,
  NewDefaultsNotice,
  OldDefaultsQuestion,
  type OpenedDefaults,
  openedDefaults,
  useDefaultsFreshness,
} from './defaults/index';
import { LanguagePicker } from './LanguagePicker';
import { LiveRequest, liveRequest } from './LiveRequest';
import { PortalLinks } from './PortalLinks';
import { backend, draftsRuntime } from './portalRuntime';
import { type Submission, SubmittedRequest } from './SubmittedRequest';
import { submissionHref } from './submissions/index';
import { useServiceUrl } from './useServiceUrl';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; model: FieldModel; instrument: string; defaults?: OpenedDefaults }
  | { state: 'failed'; error: unknown };

function initialInstrument(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('instrument');
  return instrumentCatalogue.some((i) => i.id === fromUrl) ? fromUrl! : (instrumentCatalogue[0]?.id ?? '');
}

/** The translation of the open instrument's schema in one language, or why it did not load. */
interface Translated {
  readonly instrument: string;
  readonly locale: string;
  readonly value?: SchemaTranslation;
  readonly failed?: string;
}

/** A changed request while an earlier one of this draft waits for confirmation: the user chooses. */
interface Choice {
  readonly request: SubmissionRequest;
  readonly earlierId: string;
  readonly earlierAt: number;
}

/** After an accepted submission clears the form, clicks this soon after are the same double click. */
const acceptedGraceMs = 1500;

const readTab = () => draftsRuntime.tab.getState();
const readOutbox = () => draftsRuntime.outbox.getState();

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

/** An instrument's kind in the portal's language; the catalogue's English for an instrument added without one. */
function kindIn(t: Translator, entry: InstrumentCatalogueEntry): string {
  const key = `portal.kind.${entry.id}`;
  const kind = t(key);
  return kind === key ? entry.kind : kind;
}

/** The portal page. */
export function Portal(): ReactNode {
  const t = useT();
  const locale = useLocale();
  const [instrument, setInstrument] = useState(initialInstrument);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [justAccepted, setJustAccepted] = useState(false);
  // A submit held back because the form is on old instrument defaults: submit asks first.
  const [onOld, setOnOld] = useState<SubmissionRequest | null>(null);
  const [storedBackendUrl, setBackendUrl] = useBackendUrl();
  // Served by `formulary serve`: post there unless the user chose another backend (or none).
  const serviceUrl = useServiceUrl();
  const backendUrl = storedBackendUrl ?? serviceUrl;
  const tab = useSyncExternalStore(draftsRuntime.tab.subscribe, readTab, readTab);
  const outboxState = useSyncExternalStore(draftsRuntime.outbox.subscribe, readOutbox, readOutbox);
  // The live panel shows the request from the start (the defaults, or the restored draft), not only
  // after the first change.
  const formHandle = useRef<SubmissionFormHandle | null>(null);
  const showFirstRequest = useCallback((handle: SubmissionFormHandle | null) => {
    formHandle.current = handle;
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
    setChoice(null);
    setOnOld(null);
    // New forms start from the defaults the instrument's staff set (when the service has any).
    loadInstrumentModel(instrument)
      .then(async (found) => {
        const { model } = found;
        // This tab's draft: its own after a reload, one no tab holds, or a new one.
        const store = await draftsRuntime.openDraft(instrument, schemaVersionOf(instrument), model);
        // The defaults its values were made against (a restored draft's may be older than today's).
        const defaults = await openedDefaults(instrument, found, store);
        if (live) setLoaded({ state: 'ready', model, instrument, ...(defaults && { defaults }) });
      })
      .catch((error: unknown) => live && setLoaded({ state: 'failed', error }));
    return () => {
      live = false;
    };
  }, [instrument]);

  // The schema's own translation in the portal's language, when the catalogue names one: fetched
  // apart from the schema, so switching the language keeps the loaded form and its draft.
  const [translation, setTranslation] = useState<Translated | null>(null);
  useEffect(() => {
    const path = instrumentCatalogue.find((i) => i.id === instrument)?.translations?.[locale.split('-')[0]!];
    setTranslation(null);
    if (!path) return;
    let live = true;
    const file = path.slice(path.lastIndexOf('/') + 1);
    // A failed fetch in the page's words (fetchErrorText); a file not shaped as a translation in the
    // author's English, as formulary lint's translation-* rules say it.
    fetchJson(new URL(`schemas/${file}`, document.baseURI).href)
      .then((json) => readSchemaTranslation(json))
      .then((value) => live && setTranslation({ instrument, locale, value }))
      .catch(
        (error: unknown) =>
          live && setTranslation({ instrument, locale, failed: `${file}: ${fetchErrorText(error, locale)}` }),
      );
    return () => {
      live = false;
    };
  }, [instrument, locale]);
  const shownTranslation =
    translation?.instrument === instrument && translation.locale === locale ? translation : null;

  // Waiting requests are retried now, on `online`, and when the backend URL changes.
  useEffect(() => {
    backend.url = backendUrl;
    return backendUrl ? draftsRuntime.startSync() : undefined;
  }, [backendUrl]);
  const draftStore = loaded.state === 'ready' ? tab.drafts[loaded.instrument] : undefined;
  const freshness = useDefaultsFreshness(
    instrument,
    loaded.state === 'ready' ? loaded.defaults : undefined,
    draftStore,
    schemaVersionOf(instrument),
  );
  // The form shows the defaults its values were made against until the scientist takes newer ones.
  const model = loaded.state === 'ready' ? (freshness.model ?? loaded.model) : undefined;
  // Staff-only fields read-only for others (the server refuses a changed value anyway).
  const shownModel = useStaffAccess(model, instrument);
  const draftId = draftStore?.getState().draftId;
  const openHistoryEntry = (entry: HistoryEntry) => {
    void draftsRuntime.openAsDraft(entry);
    if (entry.instrument !== instrument) setInstrument(entry.instrument);
  };

  const send = async (request: SubmissionRequest, replaces?: string) => {
    if (!model) return;
    const defaults = defaultsOf(model, { includeHidden: true });
    const result = await draftsRuntime.submit(request, {
      instrument,
      schemaVersion: schemaVersionOf(instrument),
      model,
      // The outbox and history name the kind of job in the words the user sees (the schema translation's).
      ...(shownTranslation?.value && {
        jobKind: jobKindOf(request, localizeModel(model, shownTranslation.value)),
      }),
      defaults,
      ...(freshness.revision !== undefined && { defaultsRevision: freshness.revision }),
      ...(draftId && { draftId }),
      ...(replaces && { replaces }),
    });
    if (result.ok) {
      setJustAccepted(true);
      setTimeout(() => setJustAccepted(false), acceptedGraceMs);
    } else if (result.kind === 'rejected' && result.problems) {
      // The server's schema found what this page's did not (it changed since the page loaded, or a
      // rule only the server knows): its messages go beside the fields they name.
      formHandle.current?.showErrors(result.problems);
    }
  };

  // With a backend URL, the request goes through the outbox: retried with one Idempotency-Key until accepted.
  const onSubmit = async (typed: SubmissionRequest) => {
    // Defaults changed since the form opened and nothing was done about it: ask once before sending.
    if (backendUrl && !(await freshness.mayGo())) {
      setOnOld(typed);
      return;
    }
    setOnOld(null);
    await sendTyped(typed);
  };
  const takeNewDefaults = () => {
    setOnOld(null);
    freshness.takeNewDefaults();
  };

  const sendTyped = async (typed: SubmissionRequest) => {
    // For others than staff, staff-only fields (read-only to them) send today's default, even from an older draft.
    const request = model && shownModel !== model ? withStaffDefaults(model, typed) : typed;
    setSubmission({ instrument, request, status: backendUrl ? 'outbox' : 'shown' });
    if (!backendUrl || !model) return;
    const earlier = outboxState.entries.find(
      (e) => draftId && e.draftId === draftId && e.status === 'unknown' && !jsonEquals(e.request, request),
    );
    if (earlier) {
      setChoice({ request, earlierId: earlier.id, earlierAt: earlier.createdAt });
      return;
    }
    await send(request);
  };

  const choose = (how: 'replace' | 'both' | 'cancel') => {
    const made = choice;
    setChoice(null);
    if (!made || how === 'cancel') return;
    void send(made.request, how === 'replace' ? made.earlierId : undefined);
  };

  return (
    <div className="portal">
      <header className="portal__header">
        <h1>Formulary</h1>
        <p>{t('portal.tagline')}</p>
        <div className="portal__controls">
          <label htmlFor="instrument">{t('portal.instrument')}</label>
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
                {t('portal.instrumentOption', { name: i.name, kind: kindIn(t, i) })}
              </option>
            ))}
          </select>
          <BackendSettings key={backendUrl} url={backendUrl} onChange={setBackendUrl} />
          {serviceUrl && <a href="#/submissions">{t('portal.mySubmissions')}</a>}
          <PortalLinks instrument={instrument} />
          <LanguagePicker />
        </div>
        <SessionBar />
      </header>
      <div className="portal__body">
        <main className="portal__form">
          {loaded.state === 'loading' && <p role="status">{t('portal.loadingSchema', { instrument })}</p>}
          {loaded.state === 'failed' && (
            <p role="alert">
              {t('portal.schemaFailed', { message: loadErrorMessage(loaded.error, locale) })}
            </p>
          )}
          {loaded.state === 'ready' && draftStore && (
            <>
              {shownTranslation?.failed && (
                <p role="status">{t('portal.translationFailed', { problem: shownTranslation.failed })}</p>
              )}
              <OtherDraftsNotice runtime={draftsRuntime} instrument={loaded.instrument} />
              {freshness.newer && freshness.newer.shifts.length > 0 && (
                <NewDefaultsNotice
                  instrument={instrument}
                  shifts={freshness.newer.shifts}
                  {...(freshness.draftRevision !== undefined && { draftRevision: freshness.draftRevision })}
                  onUse={takeNewDefaults}
                />
              )}
              {freshness.applied && (
                <NewDefaultsApplied
                  taken={freshness.applied.taken}
                  kept={freshness.applied.kept}
                  values={freshness.applied.keptValues}
                />
              )}
              <DraftedForm
                store={draftStore}
                outbox={draftsRuntime.outbox}
                note={draftId ? tab.notes[draftId] : undefined}
              >
                {(draft) => (
                  <SubmissionForm
                    key={draft.key}
                    formRef={showFirstRequest}
                    model={shownModel ?? loaded.model}
                    locale={locale}
                    {...(shownTranslation?.value && { translation: shownTranslation.value })}
                    idPrefix={`${instrument}-`}
                    formData={draft.formData}
                    draftTexts={draft.draftTexts}
                    onChange={liveRequest.set}
                    onDraftChange={(values, texts) => {
                      draft.onDraftChange(values, texts);
                      liveRequest.setTexts(texts);
                    }}
                    onSubmit={onSubmit}
                    disabled={justAccepted}
                  >
                    {onOld && freshness.newer ? (
                      <OldDefaultsQuestion
                        instrument={instrument}
                        count={freshness.newer.shifts.length}
                        onUse={takeNewDefaults}
                        onSend={() => {
                          const held = onOld;
                          setOnOld(null);
                          freshness.sendOnOld();
                          void sendTyped(held);
                        }}
                      />
                    ) : null}
                    {choice ? <ReplaceChoice choice={choice} onChoose={choose} /> : null}
                    {draft.status}
                  </SubmissionForm>
                )}
              </DraftedForm>
            </>
          )}
          {submission && submission.instrument === instrument && <SubmittedRequest submission={submission} />}
        </main>
        {/* Scrolls on its own, so keyboard users must be able to focus it (axe: scrollable-region-focusable). */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <aside className="portal__live" aria-label={t('portal.liveRequest')} tabIndex={0}>
          <LiveRequest />
        </aside>
        <aside className="portal__drafts" aria-label={t('portal.outboxAndHistory')}>
          <OutboxPanel store={draftsRuntime.outbox} submitter={draftsRuntime.submitter} />
          <HistoryPanel
            store={draftsRuntime.history}
            onOpen={openHistoryEntry}
            serverLink={serviceUrl && backendUrl === serviceUrl ? submissionHref : undefined}
          />
        </aside>
      </div>
    </div>
  );
}

/** Asks before a changed request replaces one that may have reached the server. */
function ReplaceChoice({
  choice,
  onChoose,
}: {
  choice: Choice;
  onChoose: (how: 'replace' | 'both' | 'cancel') => void;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div role="alert" className="portal__choice">
      <p>{t('portal.replaceQuestion', { time: new Date(choice.earlierAt).toLocaleTimeString(locale) })}</p>
      <button type="button" onClick={() => onChoose('replace')}>
        {t('portal.replaceEarlier')}
      </button>{' '}
      <button type="button" onClick={() => onChoose('both')}>
        {t('portal.sendAnother')}
      </button>{' '}
      <button type="button" onClick={() => onChoose('cancel')}>
        {t('portal.cancel')}
      </button>
    </div>
  );
}
