/**
 * One job on the submission page: its label and state, the attempt shown (the latest by default;
 * earlier attempts stay readable), its timeline and live log, and Cancel or Re-run where the state
 * allows, calling the service's routes and saying what it answered.
 */
import { type ReactNode, useState } from 'react';
import { isFinal } from '../../forms/index';
import { useT } from '../../widgets/index';
import { serviceReason } from '../service/index';
import { JobLog } from './JobLog';
import { JobTimeline } from './JobTimeline';
import { StateChip } from './StateChip';
import { type JobLive, latestAttempt, type SubmissionLive } from './SubmissionLive';
import { cancelJob, rerunJob } from './serviceApi';

export function JobPanel({
  job,
  version,
  live,
  touch,
}: {
  job: JobLive;
  version: number;
  /** The page's model and its re-render request, for loading earlier log lines. */
  live: SubmissionLive;
  touch: () => void;
}): ReactNode {
  const t = useT();
  const latest = latestAttempt(job);
  const [chosen, setChosen] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string }>();
  const attempt = (chosen !== undefined ? job.attempts.get(chosen) : undefined) ?? latest;
  const state = latest?.state ?? 'queued';

  const act = async (what: 'cancel' | 'rerun') => {
    setBusy(true);
    setAnswer(undefined);
    try {
      if (what === 'cancel') {
        const { result } = await cancelJob(job.id);
        setAnswer({
          ok: true,
          text: result === 'stopping' ? t('portal.job.stopping') : t('portal.job.cancelled'),
        });
      } else {
        const { attempt: next } = await rerunJob(job.id);
        setChosen(undefined);
        setAnswer({ ok: true, text: t('portal.job.queued', { attempt: next }) });
      }
    } catch (error) {
      setAnswer({ ok: false, text: t('portal.job.refused', { why: serviceReason(t, error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="subs-job"
      aria-label={t('portal.job.label', { job: job.label })}
      data-job={job.id}
      data-state={state}
    >
      <h3>
        {job.label} <StateChip state={state} />
      </h3>
      {latest?.message && <p className="subs-job__message">{latest.message}</p>}
      <div className="subs-job__actions">
        {!isFinal(state) && latest && (
          <button type="button" disabled={busy} onClick={() => void act('cancel')}>
            {t('portal.cancel')}
          </button>
        )}
        {isFinal(state) && (
          <button type="button" disabled={busy} onClick={() => void act('rerun')}>
            {t('portal.job.rerun')}
          </button>
        )}
        {job.attempts.size > 1 && (
          <label>
            {t('portal.job.attempt')}{' '}
            <select value={attempt?.attempt ?? ''} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
              {[...job.attempts.keys()]
                .sort((a, b) => b - a)
                .map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
            </select>
          </label>
        )}
        {answer && (
          <span role={answer.ok ? 'status' : 'alert'} className={answer.ok ? '' : 'subs-error'}>
            {answer.text}
          </span>
        )}
      </div>
      {attempt && (
        <>
          <JobTimeline attempt={attempt} />
          <JobLog
            key={attempt.attempt}
            jobId={job.id}
            attempt={attempt.attempt}
            lines={attempt.lines}
            earlier={attempt.earlier}
            version={version}
            onEarlier={(lines) => {
              live.prepend(job.id, attempt.attempt, lines);
              touch();
            }}
          />
        </>
      )}
    </section>
  );
}
