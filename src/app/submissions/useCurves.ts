/**
 * Reads the curves of a submission's jobs (their latest attempts) while they are written: once a
 * second for a running attempt, once more when it ends, never again after that. The service has no
 * event for a curve file growing, so the page asks; a finished attempt without a curve is not asked again.
 */
import { useEffect, useRef, useState } from 'react';
import { isFinal } from '../../forms/index';
import type { PlotCurve } from './curveChart';
import { latestAttempt, type SubmissionLive } from './SubmissionLive';
import { getCurve } from './serviceApi';

interface Read {
  curves: readonly PlotCurve[];
  complete: boolean;
  /** No more reads needed. */
  done: boolean;
}

export function useCurves(live: SubmissionLive, version: number): { curves: PlotCurve[]; complete: boolean } {
  const reads = useRef(new Map<string, Read>()).current;
  const busy = useRef(new Set<string>()).current;
  const [, setTick] = useState(0);
  const latest = useRef({ live, version });
  latest.current = { live, version };

  useEffect(() => {
    let gone = false;
    const poll = () => {
      for (const job of latest.current.live.ordered()) {
        const attempt = latestAttempt(job);
        if (!attempt || attempt.state === 'queued') continue;
        const key = `${job.id}:${attempt.attempt}`;
        const final = isFinal(attempt.state);
        if (reads.get(key)?.done || busy.has(key)) continue;
        busy.add(key);
        getCurve(job.id, attempt.attempt)
          .then((data) => {
            if (gone) return;
            const curves = (data?.curves ?? []).map((c) => ({
              label: job.attempts.size > 1 ? `${c.label} (attempt ${attempt.attempt})` : c.label,
              points: c.points,
            }));
            reads.set(key, { curves, complete: data?.complete ?? final, done: final });
            setTick((t) => t + 1);
          })
          .catch(() => {
            // a transient failure: the next tick asks again
          })
          .finally(() => busy.delete(key));
      }
    };
    poll();
    const timer = setInterval(poll, 1000);
    return () => {
      gone = true;
      clearInterval(timer);
    };
  }, [reads, busy]);

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
