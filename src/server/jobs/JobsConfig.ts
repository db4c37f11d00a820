/**
 * What the server runs for each instrument, and the limits around it, as parseJobsConfig returns it
 * from the `jobs` part of the server's configuration file. Checked values only: the runner trusts
 * them. The command is an argv array, never a shell string, so no request value is ever parsed by a shell.
 */
import type { BrokerConfig } from './BrokerConfig';

/** The predefined task of one instrument (or of every instrument without its own, under "*"). */
export interface TaskConfig {
  /** Which instrument id this task is for, or "*". */
  readonly instrument: string;
  /**
   * The program and its arguments. Placeholders, replaced whole-word inside each argument:
   * {node} (this Node binary), {requestFile}, {curveFile}, {jobDir}, {jobId}, {attempt},
   * {instrument}, {scanIndex} (empty when all scans go together).
   */
  readonly command: readonly string[];
  /** Working directory of the process (absolute); by default the job's own folder. */
  readonly cwd: string | null;
  /** Names of server environment variables passed on; a name ending in `*` passes every name it prefixes. */
  readonly envAllow: readonly string[];
  /** Fixed variables set for the task (after the allow-list, before FORMULARY_*). */
  readonly env: Readonly<Record<string, string>>;
  readonly timeLimitMs: number;
  /** Limit on the resident memory of the whole process tree, in bytes. */
  readonly memoryLimitBytes: number;
  /** At most this many jobs of this instrument run at once (local: on this server). */
  readonly concurrency: number;
  /**
   * With the `stomp` dispatcher: at most this many jobs of this instrument out on the cluster at once
   * (published and not final, over all server processes). Set when the file gives `concurrency`;
   * absent, the workers' slots are the only limit, since a pool of nodes is sized by its workers.
   */
  readonly clusterConcurrency?: number;
  /** The reduced curve the task writes, relative to the job's folder (placeholders allowed). */
  readonly curveFile: string | null;
}

export interface JobsConfig {
  /** At most this many jobs run at once on this server, over all instruments. */
  readonly maxConcurrent: number;
  /** Stored log per attempt, in bytes of text, before the "truncated" marker (default 10 MB). */
  readonly logLimitBytes: number;
  /** Between SIGTERM and SIGKILL when a job is stopped. */
  readonly killGraceMs: number;
  /** How often the memory of each running process tree is read from /proc. */
  readonly memoryPollMs: number;
  /** How many times a job found running at start-up is queued again (0: never). */
  readonly requeueInterrupted: number;
  /** Where each attempt gets its folder: <jobsDir>/<jobId>/<attempt>/ (absolute). */
  readonly jobsDir: string;
  /** Tasks by instrument id; "*" applies to instruments without their own. */
  readonly tasks: ReadonlyMap<string, TaskConfig>;
  /** `local`: the server runs jobs as its children; `stomp`: it hands them to workers through `broker`. */
  readonly dispatcher: 'local' | 'stomp';
  /** The message broker (used by the `stomp` dispatcher and by `formulary worker`). */
  readonly broker: BrokerConfig;
}

/** The task for an instrument: its own, else "*", else undefined. */
export function taskFor(config: JobsConfig, instrument: string): TaskConfig | undefined {
  return config.tasks.get(instrument) ?? config.tasks.get('*');
}
