/**
 * The e2e page of test/e2e/rhfHost.test.ts: the host page of test/forms/rhf/eqsansHost.tsx (the
 * README's example), or with ?form=submission SubmissionForm for the same schema; either shows what
 * its submit sent in <pre data-testid="request">, so the test can compare the two requests.
 */
import { type ReactNode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SubmissionForm } from '../../../src/forms/index';
import { buildFieldModel, type FieldModel, loadSchema } from '../../../src/schemas/index';
import { EqsansHost } from '../../forms/rhf/eqsansHost';

function Page({ model, submission }: { model: FieldModel; submission: boolean }): ReactNode {
  const [sent, setSent] = useState<unknown>(null);
  return (
    <>
      {submission ? (
        <SubmissionForm model={model} idPrefix="f-" onSubmit={setSent} search={false} />
      ) : (
        <EqsansHost model={model} onSubmit={setSent} />
      )}
      {sent !== null && <pre data-testid="request">{JSON.stringify(sent)}</pre>}
    </>
  );
}

async function main(): Promise<void> {
  const loaded = await loadSchema(new URL('schemas/eqsans.schema.json', document.baseURI).href);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  const submission = new URLSearchParams(location.search).get('form') === 'submission';
  createRoot(container).render(<Page model={buildFieldModel(loaded)} submission={submission} />);
}

main().catch((error: unknown) => {
  document.body.dataset.error = error instanceof Error ? error.message : String(error);
});
