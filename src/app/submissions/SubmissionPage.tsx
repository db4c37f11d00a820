/**
 * One submission's page: what was asked (instrument, proposal, time, the request), its jobs each with
 * a state timeline, live log and Cancel / Re-run, and the reduced I(Q) curves plotted as they are
 * written. A snapshot shows everything so far on open (or reload), then events follow it live.
 */
import type { ReactNode } from 'react';
import { overallState } from '../../forms/index';
import { useLocale, useT } from '../../widgets/index';
import { CurvePlot } from './CurvePlot';
import { JobPanel } from './JobPanel';
import { LiveBadge } from './LiveBadge';
import { liveTransport } from './liveTransport';
import { RequestView } from './RequestView';
import { StateChip } from './StateChip';
import { latestAttempt } from './SubmissionLive';
import { readProblemText } from './serviceProblem';
import { useCurves } from './useCurves';
import { useSubmissionLive } from './useSubmissionLive';

export function SubmissionPage({ id }: { id: string }): ReactNode {
  const t = useT();
  const locale = useLocale();
  const { live, version, summary, error, status, touch } = useSubmissionLive(id, liveTransport());
  const { curves, complete } = useCurves(live, version);
  const jobs = live.ordered();
  const state = overallState(jobs.map((j) => latestAttempt(j)?.state ?? 'queued'));
  return (
    <div className="portal subs">
      <header className="portal__header">
        <h1>
          {summary ? t('portal.submissionOf', { instrument: summary.instrument }) : t('portal.submission')}{' '}
          <StateChip state={state} />
        </h1>
        <p>
          <a href="#/submissions">{t('portal.backToSubmissions')}</a> ·{' '}
          <a href="#/">{t('portal.newRequest')}</a> · <LiveBadge status={status} />
        </p>
        {summary && (
          <p className="subs-meta">
            <code data-testid="submission-id">{summary.id}</code> ·{' '}
            {t('portal.submissionMeta', {
              proposal: summary.proposal ?? '—',
              time: new Date(summary.createdAt).toLocaleString(locale),
            })}
          </p>
        )}
      </header>
      <main className="subs-page">
        {error && (
          <p role="alert" className="subs-error">
            {readProblemText(t, error)}
          </p>
        )}
        {curves.length > 0 && <CurvePlot curves={curves} complete={complete} />}
        {jobs.length === 0 && !error && <p role="status">{t('portal.waitingForJobs')}</p>}
        {jobs.map((job) => (
          <JobPanel key={job.id} job={job} version={version} live={live} touch={touch} />
        ))}
        {summary && <RequestView instrument={summary.instrument} request={summary.request} />}
      </main>
    </div>
  );
}
