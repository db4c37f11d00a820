/**
 * Follows one submission: reads it (the request) and its jobs, then replays and follows the group
 * `submission:<id>` from event 0. Re-renders at most once per animation frame, however fast lines come.
 */
import { useEffect, useRef, useState } from 'react';
import { followLive, type LiveStatus } from '../../forms/index';
import { SubmissionLive } from './SubmissionLive';
import { apiRoot, getSubmission, jobsOf, type SubmissionSummary } from './serviceApi';

export interface SubmissionPageData {
  readonly live: SubmissionLive;
  readonly version: number;
  readonly summary: (SubmissionSummary & { request: unknown }) | undefined;
  readonly error: string | undefined;
  readonly status: LiveStatus | undefined;
}

export function useSubmissionLive(id: string, transport: 'auto' | 'sse'): SubmissionPageData {
  const live = useRef<SubmissionLive>(undefined);
  if (live.current === undefined) live.current = new SubmissionLive();
  const model = live.current;
  const [version, setVersion] = useState(0);
  const [summary, setSummary] = useState<SubmissionPageData['summary']>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<LiveStatus>();

  useEffect(() => {
    let gone = false;
    let frame = 0;
    const changed = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion(model.version);
        });
    };
    let readingJobs = false;
    let again = false;
    const readJobs = () => {
      if (readingJobs) {
        again = true; // the read under way may predate the job the event names
        return;
      }
      readingJobs = true;
      jobsOf(id)
        .then((jobs) => {
          if (gone) return;
          model.setJobs(jobs);
          changed();
        })
        .catch((e: Error) => {
          if (!gone) setError(`Could not read the jobs: ${e.message}`);
        })
        .finally(() => {
          readingJobs = false;
          if (again && !gone) {
            again = false;
            readJobs();
          }
        });
    };
    getSubmission(id)
      .then((s) => !gone && setSummary(s))
      .catch((e: Error) => !gone && setError(`Could not read submission ${id}: ${e.message}`));
    readJobs();
    const feed = followLive({
      api: apiRoot(),
      group: `submission:${id}`,
      since: 0,
      transport,
      onEvent: (event) => {
        if (!model.apply(event)) readJobs();
        changed();
      },
      onStatus: (s) => !gone && setStatus(s),
    });
    return () => {
      gone = true;
      cancelAnimationFrame(frame);
      feed.close();
    };
  }, [id, model, transport]);

  return { live: model, version, summary, error, status };
}
