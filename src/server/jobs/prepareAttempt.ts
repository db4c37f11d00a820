/**
 * Makes an attempt's folder (<jobsDir>/<jobId>/<attempt>/), writes the request there as JSON, and
 * works out the argv, working directory and environment of its process. The environment is built
 * from the allow-list only: the server's own secrets (database URL, session keys) never reach a task.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { JobsConfig, TaskConfig } from './JobsConfig';
import type { JobAttempt } from './JobTypes';

export interface PreparedAttempt {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly jobDir: string;
  readonly requestFile: string;
  /** Where the task's curve is expected (absolute), or null when the task names none. */
  readonly curveFile: string | null;
  /** The request as it goes to the file and to stdin. */
  readonly requestText: string;
}

/** Where an attempt's files are; the curve route reads `curveFile` from here too. */
export interface AttemptPaths {
  /** <jobsDir>/<jobId>/<attempt>/ (absolute). */
  readonly jobDir: string;
  readonly requestFile: string;
  /** Where the task's curve is expected (absolute, inside jobDir), or null when the task names none. */
  readonly curveFile: string | null;
  /** The placeholder values of the attempt ({node}, {requestFile}, ...). */
  readonly values: Readonly<Record<string, string>>;
}

/** The attempt's folder, request file and curve file, without touching the disk. */
export function attemptPaths(attempt: JobAttempt, task: TaskConfig, config: JobsConfig): AttemptPaths {
  if (!/^[A-Za-z0-9_-]+$/.test(attempt.jobId)) {
    throw new Error(`job id "${attempt.jobId}" cannot name a folder (letters, digits, - and _ only)`);
  }
  const jobDir = join(config.jobsDir, attempt.jobId, String(attempt.attempt));
  const requestFile = join(jobDir, 'request.json');
  const values: Record<string, string> = {
    node: process.execPath,
    requestFile,
    jobDir,
    jobId: attempt.jobId,
    attempt: String(attempt.attempt),
    instrument: attempt.instrument,
    scanIndex: attempt.scanIndex === null ? '' : String(attempt.scanIndex),
    curveFile: '',
  };
  const curveFile =
    task.curveFile === null ? null : resolve(jobDir, fillPlaceholders(task.curveFile, values));
  if (curveFile !== null && !curveFile.startsWith(`${jobDir}${sep}`)) {
    throw new Error(`the curve file "${curveFile}" is outside the job's folder "${jobDir}"`);
  }
  values.curveFile = curveFile ?? '';
  return { jobDir, requestFile, curveFile, values };
}

/** Replaces {name} with its value; unknown names stay as they are (the configuration check refuses them). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Creates the folder and the request file; throws with a plain message when it cannot. */
export function prepareAttempt(
  attempt: JobAttempt,
  task: TaskConfig,
  config: JobsConfig,
  serverEnv: NodeJS.ProcessEnv = process.env,
): PreparedAttempt {
  const { jobDir, requestFile, curveFile, values } = attemptPaths(attempt, task, config);
  const requestText = `${JSON.stringify(attempt.request, null, 2)}\n`;
  const fill = (text: string) => fillPlaceholders(text, values);
  mkdirSync(jobDir, { recursive: true });
  writeFileSync(requestFile, requestText);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(serverEnv)) {
    if (value !== undefined && allowed(name, task.envAllow)) env[name] = value;
  }
  Object.assign(env, task.env, {
    FORMULARY_JOB_ID: attempt.jobId,
    FORMULARY_ATTEMPT: String(attempt.attempt),
    FORMULARY_SUBMISSION_ID: attempt.submissionId,
    FORMULARY_INSTRUMENT: attempt.instrument,
    FORMULARY_SCAN_INDEX: values.scanIndex!,
    FORMULARY_REQUEST_FILE: requestFile,
    FORMULARY_CURVE_FILE: values.curveFile!,
    FORMULARY_JOB_DIR: jobDir,
  });
  return {
    argv: task.command.map(fill),
    cwd: task.cwd ?? jobDir,
    env,
    jobDir,
    requestFile,
    curveFile,
    requestText,
  };
}

function allowed(name: string, allowList: readonly string[]): boolean {
  return allowList.some((entry) =>
    entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : name === entry,
  );
}
