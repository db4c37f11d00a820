/**
 * Follows one submission: reads it (the request), then its snapshot (jobs, transitions, the tail of
 * each log, current to one event id) and follows the group `submission:<id>` since that id. A long
 * job's history arrives as one answer, not replayed event by event; reconnects resume from the last
 * event seen; a resync signal (the server no longer keeps those events) reloads the snapshot and
 * follows again. Re-renders at most once per animation frame, however fast lines come.
 */
import { useEffect, useRef, useState } from 'react';
import { followLive, type LiveFeed, type LiveStatus } from '../../forms/index';
import { refreshSession } from '../auth/index';
import { SubmissionLive } from './SubmissionLive';
import { apiRoot, getSnapshot, getSubmission, jobsOf, type SubmissionSummary } from './serviceApi';
import type { ReadProblem } from './serviceProblem';

export interface SubmissionPageData {
  readonly live: SubmissionLive;
  readonly version: number;
  readonly summary: (SubmissionSummary & { request: unknown }) | undefined;
  readonly error: ReadProblem | undefined;
  readonly status: LiveStatus | undefined;
  /** Tells the page the model changed outside an event (earlier log lines loaded). */
  readonly touch: () => void;
}

export function useSubmissionLive(id: string, transport: 'auto' | 'sse'): SubmissionPageData {
  const live = useRef<SubmissionLive>(undefined);
  if (live.current === undefined) live.current = new SubmissionLive();
  const model = live.current;
  const [version, setVersion] = useState(0);
  const [summary, setSummary] = useState<SubmissionPageData['summary']>();
  const [error, setError] = useState<ReadProblem>();
  const [status, setStatus] = useState<LiveStatus>();
  const frameRef = useRef(0);

  useEffect(() => {
    let gone = false;
    const changedNow = () => {
      if (frameRef.current === 0)
        frameRef.current = requestAnimationFrame(() => {
          frameRef.current = 0;
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
          changedNow();
        })
        .catch((cause: unknown) => {
          if (!gone) setError({ read: 'jobs', cause });
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
      .catch((cause: unknown) => !gone && setError({ read: 'submission', id, cause }));

    let feed: LiveFeed | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const follow = async () => {
      let snapshot: Awaited<ReturnType<typeof getSnapshot>>;
      try {
        snapshot = await getSnapshot(id);
      } catch (e) {
        if (gone) return;
        setError({ read: 'jobs', cause: e });
        retry = setTimeout(() => void follow(), 3000);
        return;
      }
      if (gone) return;
      setError(undefined);
      model.load(snapshot);
      changedNow();
      feed = followLive({
        api: apiRoot(),
        group: `submission:${id}`,
        since: snapshot.eventId,
        transport,
        onEvent: (event) => {
          if (!model.apply(event)) readJobs();
          changedNow();
        },
        onStatus: (s) => !gone && setStatus(s),
        // Signed out elsewhere or the session ended: the portal shows it, not a broken connection.
        onEnded: (why) => why === 'signedOut' && refreshSession(),
        // The events after our id are gone: what they said is in a fresh snapshot.
        onResync: () => {
          feed = undefined;
          if (!gone) void follow();
        },
      });
    };
    void follow();
    return () => {
      gone = true;
      cancelAnimationFrame(frameRef.current);
      frameRef.current = 0;
      if (retry !== undefined) clearTimeout(retry);
      feed?.close();
    };
  }, [id, model, transport]);

  return { live: model, version, summary, error, status, touch: () => setVersion(model.version) };
}
