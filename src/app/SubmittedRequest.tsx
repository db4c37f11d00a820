/**
 * What was submitted from the open instrument's form: the request, and, when no backend URL is set,
 * that nothing was sent. Whether a sent request arrived is the outbox's to say (SubmitStatus beside the
 * submit button), never a second, older status here.
 */
import type { ReactNode } from 'react';
import type { SubmissionRequest } from '../forms/index';
import { useT } from '../widgets/index';

export interface Submission {
  readonly instrument: string;
  readonly request: SubmissionRequest;
  /** shown: no backend URL; outbox: handed to the outbox. */
  readonly status: 'shown' | 'outbox';
}

export function SubmittedRequest({ submission }: { submission: Submission }): ReactNode {
  const t = useT();
  return (
    <section className="portal__submitted" aria-labelledby="submitted-heading">
      <h2 id="submitted-heading">{t('portal.submittedHeading')}</h2>
      {submission.status === 'shown' ? <p role="status">{t('portal.submittedNotSent')}</p> : null}
      <pre className="portal__json" data-testid="submitted-request">
        {JSON.stringify(submission.request, null, 2)}
      </pre>
    </section>
  );
}
