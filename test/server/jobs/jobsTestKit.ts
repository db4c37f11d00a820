/**
 * Shared pieces of the job tests: a checked configuration in a fresh temporary folder, attempts,
 * fixture task paths, and a process probe. Everything runs real child processes; nothing is mocked.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JobAttempt, type JobsConfig, parseJobsConfig } from '../../../src/server/jobs/index';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The path of a fixture task in test/server/jobs/fixtures. */
export function fixture(name: string): string {
  return join(repoRoot, 'test/server/jobs/fixtures', name);
}

export function tempDir(prefix = 'formulary-jobs-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A checked configuration whose jobs folder is a fresh temporary folder; short kill grace for tests. */
export function configWith(tasks: Record<string, unknown>, top: Record<string, unknown> = {}): JobsConfig {
  return parseJobsConfig(
    { killGraceSeconds: 0.5, memoryPollMs: 50, maxConcurrent: 4, jobsDir: tempDir(), ...top, tasks },
    repoRoot,
  );
}

let nextId = 1;

/** An attempt with a fresh job id; `request` defaults to {}. */
export function attemptOf(fields: Partial<JobAttempt> = {}): JobAttempt {
  return {
    jobId: `job-${process.pid}-${nextId++}`,
    attempt: 1,
    submissionId: 'sub-1',
    instrument: 'eqsans',
    scanIndex: null,
    request: {},
    cause: 'submitted',
    ...fields,
  };
}

/** Whether a process with this pid exists and is not a zombie. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}
