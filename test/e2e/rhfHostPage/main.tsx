/**
 * The e2e page of test/e2e/rhfHost.test.ts: the host page of test/forms/rhf/eqsansHost.tsx (the
 * README's example), or with ?form=submission SubmissionForm for the same schema, or with ?form=tuple
 * the tuple host of test/forms/rhf/tupleHost.tsx; each shows what its submit sent in
 * <pre data-testid="request">, so the test can compare the requests.
 */
import { type ReactNode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SubmissionForm } from '../../../src/forms/index';
import { buildFieldModel, type FieldModel, loadSchema } from '../../../src/schemas/index';
import { EqsansHost } from '../../forms/rhf/eqsansHost';
import { TupleHost, tupleSchema } from '../../forms/rhf/tupleHost';

function Page({ model, form }: { model: FieldModel; form: string | null }): ReactNode {
  const [sent, setSent] = useState<unknown>(null);
  return (
    <>
      {form === 'submission' ? (
        <SubmissionForm model={model} idPrefix="f-" onSubmit={setSent} search={false} />
      ) : form === 'tuple' ? (
        <TupleHost model={model} onSubmit={setSent} />
      ) : (
        <EqsansHost model={model} onSubmit={setSent} />
      )}
      {sent !== null && <pre data-testid="request">{JSON.stringify(sent)}</pre>}
    </>
  );
}

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  const form = new URLSearchParams(location.search).get('form');
  const model =
    form === 'tuple'
      ? buildFieldModel(tupleSchema)
      : buildFieldModel(await loadSchema(new URL('schemas/eqsans.schema.json', document.baseURI).href));
  createRoot(container).render(<Page model={model} form={form} />);
}

main().catch((error: unknown) => {
  document.body.dataset.error = error instanceof Error ? error.message : String(error);
});
