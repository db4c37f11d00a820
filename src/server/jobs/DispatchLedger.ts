/**
 * What the `stomp` dispatcher asks the store about jobs out on the cluster, so a request's
 * `maxParallelJobs`, an instrument's `concurrency` and `continueOnFailure` hold across a server
 * restart (and across several server processes): the jobs out and each job's policy are read from
 * the database, not memory.
 */

/** A job's submission and its request's failure policy, as stored with the job. */
export interface JobPolicy {
  readonly submissionId: string;
  readonly scanIndex: number | null;
  /** The request says `continueOnFailure: false`. */
  readonly stopOnFailure: boolean;
}

export interface DispatchLedger {
  /** Records that this attempt went out on the broker (it counts against `maxParallelJobs` and `concurrency`). */
  markDispatched(jobId: string, attempt: number, time: string): Promise<void>;
  /** Jobs of the submission whose latest attempt is out: running, or queued and handed to the broker. */
  outstanding(submissionId: string): Promise<readonly string[]>;
  /** Jobs of the instrument whose latest attempt is out (running, or queued and handed to the broker). */
  outstandingOfInstrument(instrument: string): Promise<readonly string[]>;
  policyOf(jobId: string): Promise<JobPolicy | undefined>;
  /** The latest attempts still `queued` among the submission's jobs (what a stop-on-failure cancels). */
  queuedOf(submissionId: string): Promise<readonly { jobId: string; attempt: number }[]>;
}
