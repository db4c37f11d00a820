/**
 * Keeps the "My submissions" list live: follows the `all` group's state events (from now on), reads
 * the snapshot once the subscription is confirmed (page by page, 200 submissions and their jobs per
 * pair of requests), and applies the events that arrived meanwhile in order, so the newest state
 * wins. An event for a submission not in the list (a new one) fetches that submission. Under the
 * "mine" scope (`mine` = the signed-in user's name) the list is read with ?mine=true and a new
 * submission joins only when that user sent it; changing scope reads the list again.
 */
import { useEffect, useRef, useState } from 'react';
import { followLive, type LiveEvent, type LiveStatus } from '../../forms/index';
import { refreshSession } from '../auth/index';
import { makeRow, SubmissionIndex, type SubmissionRow } from './SubmissionIndex';
import { apiRoot, getSubmission, type JobView, jobsOfMany, listSubmissions } from './serviceApi';
import type { ReadProblem } from './serviceProblem';

/** At most this many submissions are read at first (the newest). */
export const SNAPSHOT_LIMIT = 5000;

const cellsOf = (jobs: readonly JobView[], submissionId: string) =>
  jobs
    .filter((j) => j.submissionId === submissionId)
    .map((j) => ({ id: j.id, label: j.label, state: j.state }));

export interface SubmissionList {
  readonly index: SubmissionIndex;
  readonly version: number;
  readonly loading: boolean;
  readonly error: ReadProblem | undefined;
  readonly live: LiveStatus | undefined;
}

export function useSubmissionList(transport: 'auto' | 'sse', mine: string | null = null): SubmissionList {
  const index = useRef(new SubmissionIndex()).current;
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ReadProblem>();
  const [live, setLive] = useState<LiveStatus>();

  useEffect(() => {
    let gone = false;
    let frame = 0;
    index.clear();
    setVersion(index.version);
    const changed = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion(index.version);
        });
    };
    let buffer: LiveEvent[] | undefined = [];
    const fetching = new Map<string, boolean>(); // id -> asked again meanwhile
    const others = new Set<string>(); // under "mine": submissions read once and found to be someone else's

    const fetchNew = (id: string) => {
      if (fetching.has(id)) {
        fetching.set(id, true);
        return;
      }
      fetching.set(id, false);
      Promise.all([getSubmission(id), jobsOfMany([id])])
        .then(([summary, jobs]) => {
          if (gone) return;
          // Someone else's (staff and co-members see them): not in "mine".
          if (mine !== null && summary.submitter !== mine) {
            others.add(id);
            return;
          }
          index.put([makeRow(summary, cellsOf(jobs, id))]);
          changed();
        })
        .catch((cause: unknown) => !gone && setError({ read: 'submission', id, cause }))
        .finally(() => {
          const again = fetching.get(id);
          fetching.delete(id);
          if (again && !gone) fetchNew(id);
        });
    };

    const apply = (event: LiveEvent) => {
      const state = (event.payload as { state?: unknown }).state;
      if (event.kind !== 'state' || typeof state !== 'string' || others.has(event.submissionId)) return;
      if (fetching.has(event.submissionId)) fetching.set(event.submissionId, true);
      else if (index.setJobState(event.submissionId, event.jobId, state)) changed();
      else fetchNew(event.submissionId);
    };

    const loadSnapshot = async () => {
      buffer = buffer ?? [];
      setLoading(true);
      try {
        let cursor: string | undefined;
        do {
          const page = await listSubmissions(cursor, 200, mine !== null);
          const jobs = await jobsOfMany(page.items.map((s) => s.id));
          if (gone) return;
          index.put(page.items.map((s) => makeRow(s, cellsOf(jobs, s.id))));
          changed();
          cursor = page.nextCursor ?? undefined;
        } while (cursor && index.size < SNAPSHOT_LIMIT);
        setError(undefined);
      } catch (e) {
        if (!gone) setError({ read: 'submissions', cause: e });
      } finally {
        const waiting = buffer ?? [];
        buffer = undefined;
        for (const event of waiting) apply(event);
        if (!gone) setLoading(false);
      }
    };

    const feed = followLive({
      api: apiRoot(),
      group: 'all',
      kinds: ['state'],
      transport,
      onEvent: (event) => (buffer ? buffer.push(event) : apply(event)),
      // Nothing seen yet, so nothing to resume from: (re)read the snapshot.
      onReady: (resumed) => void (!resumed && loadSnapshot()),
      onStatus: setLive,
      // Signed out elsewhere or the session ended: the portal shows it, not a broken connection.
      onEnded: (why) => why === 'signedOut' && refreshSession(),
    });
    return () => {
      gone = true;
      cancelAnimationFrame(frame);
      feed.close();
    };
  }, [index, transport, mine]);

  return { index, version, loading, error, live };
}

export type { SubmissionRow };
