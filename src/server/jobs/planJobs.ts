/**
 * Turns an accepted request into the jobs it asks for, following the job choice every shipped
 * instrument schema has (`job.mode`): "average" is one job over all scans, "each_scan" one job per
 * scan whose request holds that scan alone, with the request's own `maxParallelJobs` and
 * `continueOnFailure` carried along for the dispatcher. A request without a job choice is one job.
 * Pure: the store gives the jobs their ids.
 */

/** One job a request asks for, before the store gives it an id. */
export interface PlannedJob {
  /** 0-based position among the submission's jobs. */
  readonly index: number;
  /** The scan this job reduces alone, or null when it reduces all scans together. */
  readonly scanIndex: number | null;
  /** What a page shows for the job, e.g. "scan 2 of 3: run 142012 (P123 micelles 40C)". */
  readonly label: string;
  /** The request the task receives: for a per-scan job, a copy whose `job.scans` holds one scan. */
  readonly request: unknown;
  /** The request's `job.maxParallelJobs`: its jobs running at once (per-scan jobs only). */
  readonly maxParallel?: number;
  /** The request's `job.continueOnFailure` is false: a failed scan cancels the scans still queued. */
  readonly stopOnFailure?: boolean;
}

/** A request whose job choice cannot be planned; `pointer` names the field. */
export class JobPlanError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer}: ${message}`);
    this.name = 'JobPlanError';
  }
}

/**
 * The jobs of an accepted request. O(scans).
 * @example planJobs({job: {mode: 'each_scan', scans: [{runNumber: '1'}, {runNumber: '2'}]}}).length // 2
 */
export function planJobs(request: unknown): PlannedJob[] {
  if (!isObject(request)) throw new JobPlanError('', 'the request must be a JSON object');
  const job = request.job;
  if (job === undefined) return [{ index: 0, scanIndex: null, label: 'reduction', request }];
  if (!isObject(job)) throw new JobPlanError('/job', 'must be an object with mode and scans');
  const scans = job.scans;
  if (!Array.isArray(scans) || scans.length === 0) {
    throw new JobPlanError('/job/scans', 'must list at least one scan');
  }
  if (job.mode === 'average') {
    const label = `${scans.length} scan${scans.length === 1 ? '' : 's'} averaged`;
    return [{ index: 0, scanIndex: null, label, request }];
  }
  if (job.mode === 'each_scan') {
    const policy: { maxParallel?: number; stopOnFailure?: boolean } = {};
    if (Number.isInteger(job.maxParallelJobs) && (job.maxParallelJobs as number) >= 1) {
      policy.maxParallel = job.maxParallelJobs as number;
    }
    if (job.continueOnFailure === false) policy.stopOnFailure = true;
    return scans.map((scan, i) => ({
      index: i,
      scanIndex: i,
      label: `scan ${i + 1} of ${scans.length}${describeScan(scan)}`,
      request: { ...request, job: { ...job, scans: [scan] } },
      ...policy,
    }));
  }
  throw new JobPlanError('/job/mode', `"${String(job.mode)}" is neither "average" nor "each_scan"`);
}

function describeScan(scan: unknown): string {
  if (!isObject(scan)) return '';
  const run =
    typeof scan.runNumber === 'string' || typeof scan.runNumber === 'number' ? `run ${scan.runNumber}` : '';
  const name = [scan.sampleName, scan.label].find((v) => typeof v === 'string' && v.trim() !== '') as
    | string
    | undefined;
  if (run === '' && name === undefined) return '';
  return `: ${[run, name === undefined ? '' : `(${name})`].filter((p) => p !== '').join(' ')}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
