/**
 * Reads the curves of a submission's jobs (their latest attempts) when there is news of them, never on
 * a timer: once when an attempt is first seen running or finished (a reload finds a curve already
 * written), again on each `curve` event (the runner saw the file change), and once more when the
 * attempt ends. A read under way when news comes is followed by one more read.
 */
import { useEffect, useRef, useState } from 'react';
import { isFinal } from '../../forms/index';
import type { PlotCurve } from './curveChart';
import { latestAttempt, type SubmissionLive } from './SubmissionLive';
import { getCurve } from './serviceApi';

interface Read {
  curves: readonly PlotCurve[];
  complete: boolean;
}

export function useCurves(live: SubmissionLive, version: number): { curves: PlotCurve[]; complete: boolean } {
  const reads = useRef(new Map<string, Read>()).current;
  /** Per attempt: the news (curve counter and finality) last read, and the read under way. */
  const asked = useRef(new Map<string, string>()).current;
  const busy = useRef(new Set<string>()).current;
  const [, setTick] = useState(0);
  const gone = useRef(false);
  useEffect(() => {
    gone.current = false;
    return () => {
      gone.current = true;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version says the model changed in place
  useEffect(() => {
    const read = (jobId: string, attemptNo: number, several: boolean) => {
      const key = `${jobId}:${attemptNo}`;
      const attempt = live.jobs.get(jobId)?.attempts.get(attemptNo);
      if (!attempt || busy.has(key)) return;
      const news = `${attempt.curve}:${isFinal(attempt.state)}`;
      if (asked.get(key) === news) return;
      asked.set(key, news);
      busy.add(key);
      let ok = false;
      getCurve(jobId, attemptNo)
        .then((data) => {
          ok = true;
          if (gone.current) return;
          const curves = (data?.curves ?? []).map((c) => ({
            label: several ? `${c.label} (attempt ${attemptNo})` : c.label,
            points: c.points,
          }));
          reads.set(key, { curves, complete: data?.complete ?? isFinal(attempt.state) });
          setTick((t) => t + 1);
        })
        .catch(() => {
          asked.delete(key); // a transient failure: the next change of the page asks again
        })
        .finally(() => {
          busy.delete(key);
          // News that came during the read.
          if (ok && !gone.current) read(jobId, attemptNo, several);
        });
    };
    for (const job of live.ordered()) {
      const attempt = latestAttempt(job);
      if (!attempt || attempt.state === 'queued') continue;
      read(job.id, attempt.attempt, job.attempts.size > 1);
    }
  }, [live, version, reads, asked, busy]);

  const curves: PlotCurve[] = [];
  let complete = true;
  for (const job of live.ordered()) {
    const attempt = latestAttempt(job);
    if (!attempt) continue;
    const read = reads.get(`${job.id}:${attempt.attempt}`);
    if (!read) continue;
    curves.push(...read.curves);
    complete &&= read.complete;
  }
  return { curves, complete };
}
