/**
 * The live state of what a form just sent to a Formulary service: each job of the submission with
 * its state, following the service's events (WebSocket, else Server-Sent Events), and a link to the
 * submission's page. The embed shows it after an accepted submit; it needs only the receipt. Like the
 * submission page, it reads the jobs' states at one event id (the snapshot route, no log lines) and
 * follows the events after it; when the service no longer keeps the events it missed (the resync
 * signal, after a long disconnection) it reads the states again instead of showing stale ones.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { useT } from '../../widgets/index';
import { jobStateWord } from './jobStates';
import { followLive, type LiveFeed, type LiveStatus } from './liveFeed';

export interface ServiceReceipt {
  readonly id: string;
  /** The API root the receipt came from, e.g. `https://host/api/`. */
  readonly api: string;
}

/** The submission id and API root of a Formulary 201 body (`{id, links: {self: '/api/submissions/<id>'}}`), else undefined. */
export function receiptOf(body: unknown, submitUrl: string): ServiceReceipt | undefined {
  const { id, links } = (body ?? {}) as { id?: unknown; links?: { self?: unknown } };
  if (typeof id !== 'string' || typeof links?.self !== 'string') return undefined;
  const self = new URL(links.self, submitUrl);
  const at = self.pathname.lastIndexOf('/submissions/');
  if (at < 0) return undefined;
  return { id, api: new URL(self.pathname.slice(0, at + 1), self).href };
}

interface JobRow {
  readonly label: string | undefined;
  readonly state: string;
}

export function LiveJobStatus({ receipt }: { receipt: ServiceReceipt }): ReactNode {
  const t = useT();
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobRow>>(new Map());
  const [status, setStatus] = useState<LiveStatus>();
  useEffect(() => {
    let gone = false;
    let feed: LiveFeed | undefined;
    const setState = (id: string, state: string) =>
      setJobs((old) => {
        const next = new Map(old);
        // Before a snapshot names it, a job has no label: it is numbered in the page's words.
        next.set(id, { label: old.get(id)?.label, state });
        return next;
      });
    const follow = (since: number | undefined) => {
      feed = followLive({
        api: receipt.api,
        group: `submission:${receipt.id}`,
        ...(since === undefined ? {} : { since }),
        kinds: ['state'],
        onEvent: (e) => {
          const state = (e.payload as { state?: unknown }).state;
          if (!gone && typeof state === 'string') setState(e.jobId, state);
        },
        onStatus: (s) => !gone && setStatus(s),
        // The events after our id are gone: read the states again and follow from there.
        onResync: () => void (!gone && start(false)),
      });
    };
    /** Reads the states at one event id, then follows the events after it. */
    const start = async (first: boolean) => {
      let since: number | undefined;
      try {
        const response = await fetch(
          new URL(`submissions/${encodeURIComponent(receipt.id)}/snapshot?tail=0`, receipt.api),
          { headers: { accept: 'application/json' } },
        );
        if (response.ok) {
          const body = (await response.json()) as {
            eventId: number;
            jobs: { id: string; label: string; state: string }[];
          };
          since = body.eventId;
          if (!gone) setJobs(new Map(body.jobs.map((j) => [j.id, { label: j.label, state: j.state }])));
        }
      } catch {
        // the events still bring the states
      }
      // Without a snapshot: every event from the start on the first look; after a resync, from now
      // on (asking for the start again would only be refused again).
      if (!gone) follow(since ?? (first ? 0 : undefined));
    };
    void start(true);
    return () => {
      gone = true;
      feed?.close();
    };
  }, [receipt]);
  const page = new URL(`../#/submissions/${encodeURIComponent(receipt.id)}`, receipt.api).href;
  return (
    <div
      className="formulary-live-status"
      role="status"
      aria-label={t('form.live.status')}
      data-connected={status?.connected ? 'true' : 'false'}
    >
      <ul>
        {[...jobs].map(([id, job], i) => (
          <li key={id} data-state={job.state}>
            {job.label ?? t('form.live.jobN', { n: i + 1 })}: <strong>{jobStateWord(t, job.state)}</strong>
          </li>
        ))}
      </ul>
      {jobs.size === 0 && <p>{t('form.live.waiting')}</p>}
      <a href={page} target="_blank" rel="noopener">
        {t('form.live.follow')}
      </a>
    </div>
  );
}
