/**
 * The loaded embedded form: the SubmissionForm, its draft (localStorage, so a reload or a failed POST
 * loses nothing; the bar "Restored draft from <time> · Discard" above it) and the POST to submit-url
 * with its outcome. Without a draft (turned off, or read-only) it is the form and the POST alone.
 */
import { type ReactNode, type Ref, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createDraftStore,
  DraftBar,
  type DraftFormBinding,
  type DraftStore,
  LiveJobStatus,
  receiptOf,
  type ServerFieldProblem,
  SubmissionForm,
  type SubmissionFormHandle,
  type SubmissionRequest,
  type SubmitResult,
  submitRequest,
  useDraftForm,
} from '../forms/index';
import { type FieldModel, loadSchemaCompiler } from '../schemas/index';
import { useT } from '../widgets/index';
import { type CsrfOptions, MissingCsrfCookieError, requestHeaders } from './requestHeaders';

export interface EmbeddedFormBodyProps extends CsrfOptions {
  readonly model: FieldModel;
  /** The prefill: where the form starts without a draft, and where Discard goes back to. */
  readonly formData: unknown;
  /** Storage name of the draft; undefined: no draft. */
  readonly draftKey: string | undefined;
  readonly schemaVersion: number;
  /** Absolute URL the request is POSTed to; undefined: onSubmit only. */
  readonly submitUrl: string | undefined;
  readonly readOnly?: boolean;
  /** After an accepted submit to a Formulary service: show its jobs' live state and a link to its page. */
  readonly liveStatus?: boolean;
  readonly onChange?: (request: SubmissionRequest | undefined) => void;
  readonly onSubmit?: (request: SubmissionRequest) => boolean;
  readonly onSubmitted?: (result: SubmitResult) => void;
  readonly formRef?: Ref<SubmissionFormHandle>;
}

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'done'; result: SubmitResult };

/** The form with or without its draft; a new model, key or version opens a new draft store. */
export function EmbeddedFormBody(props: EmbeddedFormBodyProps): ReactNode {
  const { model, draftKey, schemaVersion } = props;
  const store = useMemo(
    () =>
      draftKey === undefined ? undefined : createDraftStore({ instrument: draftKey, schemaVersion, model }),
    [model, draftKey, schemaVersion],
  );
  return store ? <DraftedBody {...props} store={store} /> : <FormAndPost {...props} />;
}

function DraftedBody(props: EmbeddedFormBodyProps & { store: DraftStore }): ReactNode {
  const binding = useDraftForm(props.store);
  return (
    <>
      <DraftBar store={props.store} />
      <FormAndPost {...props} draft={binding} />
    </>
  );
}

/** The form (started from the draft when there is one, else the prefill), the POST and its outcome. */
function FormAndPost(
  props: EmbeddedFormBodyProps & { store?: DraftStore; draft?: DraftFormBinding },
): ReactNode {
  const { draft } = props;
  const handle = useRef<SubmissionFormHandle | null>(null);
  const { formRef } = props;
  // The page's ref (mount()'s handle) and ours: a refusal's field problems are shown through it.
  const bothRefs = useCallback(
    (value: SubmissionFormHandle | null) => {
      handle.current = value;
      if (typeof formRef === 'function') formRef(value);
      else if (formRef) (formRef as { current: SubmissionFormHandle | null }).current = value;
    },
    [formRef],
  );
  const [sending, post] = usePost(props, props.store, (problems) => handle.current?.showErrors(problems));
  useEffect(fetchValidatorWhenIdle, []);
  return (
    <>
      <SubmissionForm
        key={draft?.key}
        model={props.model}
        formData={draft?.formData ?? props.formData}
        draftTexts={draft?.draftTexts}
        onDraftChange={draft?.onDraftChange}
        readOnly={props.readOnly}
        onChange={props.onChange}
        onSubmit={post}
        formRef={bothRefs}
      />
      <SendingStatus sending={sending} />
      {props.liveStatus && sending.state === 'done' && sending.result.ok && props.submitUrl && (
        <SentStatus body={sending.result.body} submitUrl={props.submitUrl} />
      )}
    </>
  );
}

/**
 * Once the form is on screen, in idle time, fetches ajv where it comes as a second file (the entry
 * script, standalone.ts; elsewhere nothing happens): a submit before then fetches it itself. Marks
 * `formulary:validator-ready` in the page's performance timeline when it is compiled (the benchmark
 * reads it).
 */
function fetchValidatorWhenIdle(): () => void {
  const start = () => {
    void loadSchemaCompiler().then((compiler) => {
      if (compiler) performance.mark('formulary:validator-ready');
    });
  };
  if (typeof requestIdleCallback !== 'function') {
    const handle = setTimeout(start, 1);
    return () => clearTimeout(handle);
  }
  const handle = requestIdleCallback(start, { timeout: 500 });
  return () => cancelIdleCallback(handle);
}

/**
 * Tells the page (onSubmit may stop the POST), POSTs, reports the outcome. An accepted request clears
 * the draft unless it was edited while sending; a refused or unreachable one keeps it.
 */
function usePost(
  props: EmbeddedFormBodyProps,
  store: DraftStore | undefined,
  showProblems: (problems: readonly ServerFieldProblem[]) => void,
): [Sending, (request: SubmissionRequest) => Promise<void>] {
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const post = async (request: SubmissionRequest) => {
    const proceed = props.onSubmit?.(request) ?? true;
    if (!proceed || !props.submitUrl) return;
    store?.getState().flush();
    const sentAt = Date.now();
    let headers: Record<string, string>;
    try {
      // The version the form (and its draft) follows: Formulary's service requires it, to check a
      // request made under an older schema against the current one and say what no longer fits.
      // The form's language: Formulary's service words a refusal's field messages in it.
      headers = {
        ...requestHeaders(props),
        'X-Schema-Version': String(props.schemaVersion),
        ...(props.model.locale && { 'Accept-Language': props.model.locale }),
      };
    } catch (error) {
      const result: SubmitResult = {
        ok: false,
        kind: 'rejected',
        message: (error as Error).message,
        ...(error instanceof MissingCsrfCookieError && {
          why: { key: 'embed.noCsrfCookie', values: { cookie: error.cookie } },
        }),
        attempts: 0,
        idempotencyKey: '',
      };
      setSending({ state: 'done', result });
      props.onSubmitted?.(result);
      return;
    }
    setSending({ state: 'sending' });
    const result = await submitRequest(request, { url: props.submitUrl, retries: 2, headers });
    if (result.ok) store?.getState().clearIfUnchangedSince(sentAt);
    else if (result.kind === 'rejected' && result.problems) showProblems(result.problems);
    setSending({ state: 'done', result });
    props.onSubmitted?.(result);
  };
  return [sending, post];
}

/** The live job state of an accepted request, when the answer is a Formulary receipt. */
function SentStatus({ body, submitUrl }: { body: unknown; submitUrl: string }): ReactNode {
  const receipt = useMemo(() => receiptOf(body, submitUrl), [body, submitUrl]);
  return receipt ? <LiveJobStatus receipt={receipt} /> : null;
}

function SendingStatus({ sending }: { sending: Sending }): ReactNode {
  const t = useT();
  if (sending.state === 'idle') return null;
  if (sending.state === 'sending') {
    return (
      <p className="formulary-embed__result" role="status" data-outcome="sending">
        {t('embed.sending')}
      </p>
    );
  }
  const { result } = sending;
  return result.ok ? (
    <p className="formulary-embed__result" role="status" data-outcome="sent">
      {t('embed.sent', { status: result.status })}
    </p>
  ) : (
    <p className="formulary-embed__result" role="alert" data-outcome="failed">
      {t(result.kind === 'rejected' ? 'embed.refused' : 'embed.unreachable', {
        status: result.status ?? 0,
        // Our own reasons (network, timeout, a missing CSRF cookie) in the form's words; a refusal's
        // detail as the server wrote it (a Formulary service writes it in the form's language).
        message: result.why ? t(result.why.key, result.why.values) : result.message,
      })}
    </p>
  );
}
