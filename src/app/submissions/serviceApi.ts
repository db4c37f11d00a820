/**
 * What the submission pages read from and send to the Formulary service, typed: submissions (pages
 * of the list, one with its request), jobs (of one or many submissions, one with its transitions),
 * cancel, re-run and an attempt's curve. Errors carry the problem+json detail so the page can say
 * what the server refused and why.
 */
import { ServiceError } from '../service/index';

export const apiRoot = (): string => new URL('api/', document.baseURI).href;

export interface SubmissionSummary {
  readonly id: string;
  readonly instrument: string;
  readonly schemaVersion: number;
  readonly status: string;
  readonly proposal: string | null;
  readonly submitter: string | null;
  readonly createdAt: string;
}

export interface AttemptView {
  readonly attempt: number;
  readonly cause: string;
  readonly state: string;
  readonly message: string;
  readonly queuedAt: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly lines: number;
}

export interface JobView {
  readonly id: string;
  readonly submissionId: string;
  readonly instrument: string;
  readonly index: number;
  readonly scanIndex: number | null;
  readonly label: string;
  readonly state: string;
  readonly message: string;
  readonly attempt: number;
  readonly attempts: readonly AttemptView[];
}

export interface Transition {
  readonly attempt: number;
  readonly state: string;
  readonly time: string;
  readonly message: string;
}

export interface CurveData {
  readonly attempt: number;
  readonly complete: boolean;
  readonly curves: readonly { label: string; points: readonly [number, number, number | null][] }[];
}

export interface LogLineView {
  readonly seq: number;
  readonly stream: 'stdout' | 'stderr' | 'system';
  readonly time: string;
  readonly text: string;
}

/** A submission's jobs as they stood at event `eventId` (GET /api/submissions/:id/snapshot). */
export interface SnapshotView {
  readonly submissionId: string;
  readonly eventId: number;
  readonly jobs: readonly (JobView & {
    readonly transitions: readonly Transition[];
    readonly logs: readonly { attempt: number; earlier: number; lines: readonly LogLineView[] }[];
  })[];
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  // The page's language: the service words its refusals (why a re-run is not allowed) in it.
  const language = document.documentElement.lang || 'en';
  const response = await fetch(new URL(path, apiRoot()), {
    ...init,
    headers: { accept: 'application/json', 'accept-language': language, ...init?.headers },
  });
  if (!response.ok) {
    let detail = response.statusText;
    let worded = false;
    try {
      const problem = (await response.json()) as { detail?: string; title?: string; code?: string };
      detail = problem.detail ?? problem.title ?? detail;
      const answered = response.headers.get('content-language')?.toLowerCase();
      worded = problem.code !== undefined && answered === language.toLowerCase();
    } catch {
      // not problem+json
    }
    throw new ServiceError(response.status, detail, worded);
  }
  return (await response.json()) as T;
}

const q = encodeURIComponent;

/** A page of the submissions the user may read, newest first; `mine`: only those they sent. */
export const listSubmissions = (cursor?: string, limit = 200, mine = false) =>
  call<{ items: SubmissionSummary[]; nextCursor: string | null }>(
    `submissions?limit=${limit}${mine ? '&mine=true' : ''}${cursor ? `&cursor=${q(cursor)}` : ''}`,
  );

export const getSubmission = (id: string) =>
  call<SubmissionSummary & { request: unknown }>(`submissions/${q(id)}`);

export const jobsOf = (submissionId: string) =>
  call<{ items: JobView[] }>(`submissions/${q(submissionId)}/jobs`).then((r) => r.items);

/** The jobs of up to 200 submissions in one read. */
export const jobsOfMany = (submissionIds: readonly string[]) =>
  submissionIds.length === 0
    ? Promise.resolve([])
    : call<{ items: JobView[] }>(`jobs?submissions=${submissionIds.map(q).join(',')}`).then((r) => r.items);

/** Lines of each attempt the snapshot carries; earlier ones are read on demand. */
export const SNAPSHOT_TAIL = 1000;

export const getSnapshot = (submissionId: string, tail = SNAPSHOT_TAIL) =>
  call<SnapshotView>(`submissions/${q(submissionId)}/snapshot?tail=${tail}`);

/** Up to `limit` lines of an attempt with seq > after, in order. */
export const getLogLines = (jobId: string, attempt: number, after: number, limit: number) =>
  call<{ lines: LogLineView[] }>(
    `jobs/${q(jobId)}/log?attempt=${attempt}&after=${after}&limit=${limit}`,
  ).then((r) => r.lines);

/** One page of a search over an attempt's whole stored log (lines up to `through`), with the total. */
export interface LogSearchView {
  readonly attempt: number;
  readonly through: number;
  readonly total: number;
  readonly lines: readonly LogLineView[];
  readonly next: number | null;
}

/** Lines containing `needle` (any case, taken literally) with seq > after; `through` from the first page. */
export const searchLogLines = (
  jobId: string,
  attempt: number,
  needle: string,
  after = 0,
  through?: number,
  limit = 500,
) =>
  call<LogSearchView>(
    `jobs/${q(jobId)}/log/search?attempt=${attempt}&q=${q(needle)}&after=${after}&limit=${limit}${
      through === undefined ? '' : `&through=${through}`
    }`,
  );

export const getJob = (jobId: string) => call<JobView & { transitions: Transition[] }>(`jobs/${q(jobId)}`);

export const cancelJob = (jobId: string) =>
  call<{ result: string }>(`jobs/${q(jobId)}/cancel`, { method: 'POST' });

export const rerunJob = (jobId: string) =>
  call<{ attempt: number }>(`jobs/${q(jobId)}/rerun`, { method: 'POST' });

/** The attempt's curves, or null when it has written none (yet). */
export const getCurve = (jobId: string, attempt: number) =>
  call<CurveData>(`jobs/${q(jobId)}/curve?attempt=${attempt}`).catch((error: unknown) => {
    if (error instanceof ServiceError && error.status === 404) return null;
    throw error;
  });

export const logTextUrl = (jobId: string, attempt: number) =>
  new URL(`jobs/${q(jobId)}/log.txt?attempt=${attempt}`, apiRoot()).href;
