/**
 * The loaded embedded form: the SubmissionForm, its draft (localStorage, so a reload or a failed POST
 * loses nothing; the bar "Restored draft from <time> · Discard" above it) and the POST to submit-url
 * with its outcome. Without a draft (turned off, or read-only) it is the form and the POST alone.
 */

import { type ReactNode, type Ref, useMemo, useState } from 'react';
import {
  createDraftStore,
  DraftBar,
  type DraftFormBinding,
  type DraftStore,
  SubmissionForm,
  type SubmissionFormHandle,
  type SubmissionRequest,
  type SubmitResult,
  submitRequest,
  useDraftForm,
} from '../forms/index';
import type { FieldModel } from '../schemas/index';
import { useT } from '../widgets/index';
import { type CsrfOptions, requestHeaders } from './requestHeaders';

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
  readonly onChange?: (request: SubmissionRequest) => void;
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
  const [sending, post] = usePost(props, props.store);
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
        formRef={props.formRef}
      />
      <SendingStatus sending={sending} />
    </>
  );
}

/**
 * Tells the page (onSubmit may stop the POST), POSTs, reports the outcome. An accepted request clears
 * the draft unless it was edited while sending; a refused or unreachable one keeps it.
 */
function usePost(
  props: EmbeddedFormBodyProps,
  store: DraftStore | undefined,
): [Sending, (request: SubmissionRequest) => Promise<void>] {
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const post = async (request: SubmissionRequest) => {
    const proceed = props.onSubmit?.(request) ?? true;
    if (!proceed || !props.submitUrl) return;
    store?.getState().flush();
    const sentAt = Date.now();
    let headers: Record<string, string>;
    try {
      headers = requestHeaders(props);
    } catch (error) {
      const result: SubmitResult = {
        ok: false,
        kind: 'rejected',
        message: (error as Error).message,
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
    setSending({ state: 'done', result });
    props.onSubmitted?.(result);
  };
  return [sending, post];
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
        message: result.message,
      })}
    </p>
  );
}
