/** What was submitted: the request, and where it went when a backend URL is set. */
import type { ReactNode } from 'react';
import type { SubmissionRequest } from '../forms/index';

export interface Submission {
  readonly request: SubmissionRequest;
  readonly status: 'shown' | 'sending' | 'sent' | 'failed';
  readonly detail?: string;
}

const statusText: Record<Submission['status'], string> = {
  shown: 'Request ready (no backend URL set, so nothing was sent).',
  sending: 'Sending…',
  sent: 'Sent to the backend.',
  failed: 'Sending failed.',
};

export function SubmittedRequest({ submission }: { submission: Submission }): ReactNode {
  return (
    <section className="portal__submitted" aria-labelledby="submitted-heading">
      <h2 id="submitted-heading">Submitted request</h2>
      <p role="status">
        {statusText[submission.status]}
        {submission.detail ? ` (${submission.detail})` : ''}
      </p>
      <pre className="portal__json" data-testid="submitted-request">
        {JSON.stringify(submission.request, null, 2)}
      </pre>
    </section>
  );
}
