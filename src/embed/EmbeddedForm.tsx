/**
 * What <formulary-form> and mount() render: fetch the schema (external refs relative to its URL) and
 * the optional prefill, then the SubmissionForm; on submit, tell the page and POST the request. A
 * failed load is shown as a message naming the URL and what failed, never as an empty box.
 */
import { type ReactNode, type Ref, useEffect, useState } from 'react';
import {
  SubmissionForm,
  type SubmissionFormHandle,
  type SubmissionRequest,
  type SubmitResult,
  submitRequest,
} from '../forms/index';
import { buildFieldModel, type FieldModel, loadSchema } from '../schemas/index';

export interface EmbeddedFormProps {
  /** URL of the instrument schema, absolute or relative to the page. */
  readonly schemaSrc?: string;
  /** A schema object instead of a URL (its relative $refs cannot be read). */
  readonly schema?: object;
  /** URL of a request to start from. */
  readonly formDataSrc?: string;
  /** A request to start from (wins over formDataSrc). */
  readonly formData?: unknown;
  /** Where a valid request is POSTed as JSON; without it, submit only calls onSubmit. */
  readonly submitUrl?: string;
  readonly readOnly?: boolean;
  readonly onChange?: (request: SubmissionRequest) => void;
  /** A valid request, before it is POSTed; return false to stop the POST (the page sends it itself). */
  readonly onSubmit?: (request: SubmissionRequest) => boolean;
  /** The server's answer to the POST. */
  readonly onSubmitted?: (result: SubmitResult) => void;
  readonly formRef?: Ref<SubmissionFormHandle>;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; model: FieldModel; formData: unknown }
  | { state: 'failed'; what: string; url?: string; message: string };

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'done'; result: SubmitResult };

const absolute = (url: string): string => new URL(url, document.baseURI).href;

/** Loads the schema and the prefill; each failure names the URL it came from. O(schema size). */
async function load(props: EmbeddedFormProps): Promise<Loaded> {
  let model: FieldModel;
  const schemaUrl = props.schemaSrc === undefined ? undefined : absolute(props.schemaSrc);
  try {
    if (schemaUrl !== undefined) model = buildFieldModel(await loadSchema(schemaUrl));
    else if (props.schema !== undefined) model = buildFieldModel(await loadSchema(props.schema));
    else
      return { state: 'failed', what: 'schema', message: 'no schema-src attribute (the URL of the schema)' };
  } catch (error) {
    return { state: 'failed', what: 'schema', url: schemaUrl, message: (error as Error).message };
  }
  if (props.formData !== undefined || props.formDataSrc === undefined) {
    return { state: 'ready', model, formData: props.formData };
  }
  const dataUrl = absolute(props.formDataSrc);
  try {
    const response = await fetch(dataUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return { state: 'ready', model, formData: await response.json() };
  } catch (error) {
    return {
      state: 'failed',
      what: 'prefill (form-data-src)',
      url: dataUrl,
      message: (error as Error).message,
    };
  }
}

/** The embedded form with its loading, failure and sending states. */
export function EmbeddedForm(props: EmbeddedFormProps): ReactNode {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const { schemaSrc, schema, formDataSrc, formData } = props;

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    setSending({ state: 'idle' });
    load({ schemaSrc, schema, formDataSrc, formData }).then((result) => live && setLoaded(result));
    return () => {
      live = false;
    };
  }, [schemaSrc, schema, formDataSrc, formData]);

  if (loaded.state === 'loading') {
    return (
      <p className="formulary-embed__status" role="status">
        Loading the form…
      </p>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <div className="formulary-embed__problem" role="alert" data-testid="formulary-load-error">
        <strong>This form could not be loaded.</strong>{' '}
        {loaded.url ? (
          <>
            The {loaded.what} <code>{loaded.url}</code> failed: {loaded.message}
          </>
        ) : (
          <>
            The {loaded.what} failed: {loaded.message}
          </>
        )}
      </div>
    );
  }

  const onSubmit = async (request: SubmissionRequest) => {
    const proceed = props.onSubmit?.(request) ?? true;
    if (!proceed || !props.submitUrl) return;
    setSending({ state: 'sending' });
    const result = await submitRequest(request, { url: absolute(props.submitUrl), retries: 2 });
    setSending({ state: 'done', result });
    props.onSubmitted?.(result);
  };

  return (
    <>
      <SubmissionForm
        model={loaded.model}
        formData={loaded.formData}
        readOnly={props.readOnly}
        onChange={props.onChange}
        onSubmit={onSubmit}
        formRef={props.formRef}
      />
      <SendingStatus sending={sending} />
    </>
  );
}

function SendingStatus({ sending }: { sending: Sending }): ReactNode {
  if (sending.state === 'idle') return null;
  if (sending.state === 'sending') {
    return (
      <p className="formulary-embed__result" role="status" data-outcome="sending">
        Sending the request…
      </p>
    );
  }
  const { result } = sending;
  return result.ok ? (
    <p className="formulary-embed__result" role="status" data-outcome="sent">
      Request sent (HTTP {result.status}).
    </p>
  ) : (
    <p className="formulary-embed__result" role="alert" data-outcome="failed">
      {result.kind === 'rejected' ? 'The server refused the request' : 'The server could not be reached'}
      {result.status ? ` (HTTP ${result.status})` : ''}: {result.message}
    </p>
  );
}
