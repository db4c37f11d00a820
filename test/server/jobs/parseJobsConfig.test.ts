/**
 * The jobs configuration: defaults, placeholders, environment allow-lists, and every mistake reported
 * at once with the key it is under, so an operator fixes the file in one go.
 */
import { describe, expect, it } from 'vitest';
import { JOBS_DEFAULTS, JobsConfigError, parseJobsConfig, taskFor } from '../../../src/server/jobs/index';
import { repoRoot } from './jobsTestKit';

function problemsOf(raw: unknown): readonly string[] {
  try {
    parseJobsConfig(raw, repoRoot);
  } catch (error) {
    if (error instanceof JobsConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a JobsConfigError');
}

describe('parseJobsConfig', () => {
  it('fills defaults and resolves paths against the configuration folder', () => {
    const config = parseJobsConfig(
      {
        tasks: {
          eqsans: {
            command: ['{node}', 'reduce.mjs', '{requestFile}'],
            cwd: 'examples',
            curveFile: 'iq.csv',
          },
        },
      },
      repoRoot,
    );
    expect(config).toMatchObject({
      maxConcurrent: JOBS_DEFAULTS.maxConcurrent,
      logLimitBytes: 10 * 1024 * 1024,
      killGraceMs: 5000,
      requeueInterrupted: 1,
      jobsDir: `${repoRoot}/data/jobs`,
    });
    expect(taskFor(config, 'eqsans')).toEqual({
      instrument: 'eqsans',
      command: ['{node}', 'reduce.mjs', '{requestFile}'],
      cwd: `${repoRoot}/examples`,
      envAllow: ['PATH', 'HOME', 'LANG', 'TZ'],
      env: {},
      timeLimitMs: 3_600_000,
      memoryLimitBytes: 4096 * 1024 * 1024,
      concurrency: 1,
      curveFile: 'iq.csv',
    });
    expect(taskFor(config, 'powder')).toBeUndefined();
  });

  it('uses the "*" task for instruments without their own', () => {
    const config = parseJobsConfig(
      { tasks: { '*': { command: ['reduce'], concurrency: 2 }, eqsans: { command: ['reduce-sans'] } } },
      repoRoot,
    );
    expect(taskFor(config, 'powder')!.command).toEqual(['reduce']);
    expect(taskFor(config, 'eqsans')!.command).toEqual(['reduce-sans']);
    // A concurrency the file gives limits the cluster too; the default (1) is for local jobs only.
    expect(taskFor(config, 'powder')!.clusterConcurrency).toBe(2);
    expect(taskFor(config, 'eqsans')!.concurrency).toBe(1);
    expect(taskFor(config, 'eqsans')!.clusterConcurrency).toBeUndefined();
  });

  it('reports every problem at once, each naming its key', () => {
    const problems = problemsOf({
      maxConcurent: 3,
      logLimitBytes: 'ten megabytes',
      tasks: {
        eqsans: {
          command: 'python reduce.py --request {requestFile}',
          timeLimitSeconds: -1,
          memoryLimitMB: '4 GB',
          concurrency: 1.5,
          envAllow: ['PATH', 'BAD-NAME'],
          env: { FORMULARY_JOB_ID: 'x', OK: 3 },
          cwd: 'no/such/folder',
          curveFile: '../outside.csv',
        },
        powder: { command: ['reduce', '{request}'] },
        biosans: { command: [] },
        'bad id': { command: ['x'] },
      },
    });
    expect(problems).toEqual([
      expect.stringMatching(/^jobs\.maxConcurent: unknown key; known: maxConcurrent, /),
      'jobs.logLimitBytes: must be an integer of at least 1024, not "ten megabytes"',
      'jobs.tasks.eqsans.command: must be an array of arguments, not a shell string ("python reduce.py --request {requestFile}")',
      `jobs.tasks.eqsans.cwd: "${repoRoot}/no/such/folder" is not a folder`,
      'jobs.tasks.eqsans.curveFile: must be a path inside the job\'s folder, not "../outside.csv"',
      'jobs.tasks.eqsans.envAllow[1]: must be a variable name, optionally ending in *, not "BAD-NAME"',
      'jobs.tasks.eqsans.env.FORMULARY_JOB_ID: FORMULARY_* variables are set by the runner',
      'jobs.tasks.eqsans.env.OK: must be a string, not 3',
      'jobs.tasks.eqsans.timeLimitSeconds: must be a number of at least 0.001, not -1',
      'jobs.tasks.eqsans.memoryLimitMB: must be a number of at least 1, not "4 GB"',
      'jobs.tasks.eqsans.concurrency: must be an integer of at least 1, not 1.5',
      expect.stringMatching(
        /^jobs\.tasks\.powder\.command\[1\]: unknown placeholder \{request\}; known: \{node\}, /,
      ),
      'jobs.tasks.biosans.command: must be a non-empty array of strings',
      'jobs.tasks.bad id: an instrument id has letters, digits, ".", "_" or "-" only (or is "*" for all)',
    ]);
  });

  it('requires a command and says what one looks like', () => {
    expect(problemsOf({ tasks: { eqsans: { timeLimitSeconds: 60 } } })).toEqual([
      'jobs.tasks.eqsans.command: required: the program and its arguments, e.g. ["{node}", "reduce.js", "{requestFile}"]',
    ]);
  });

  it('names the whole configuration when it is not an object', () => {
    expect(problemsOf([])).toEqual(['jobs: must be an object, not an array']);
    expect(() => parseJobsConfig({ tasks: 'eqsans' }, repoRoot)).toThrow(
      /The jobs configuration has 1 problem\(s\):\n {2}jobs\.tasks: must be an object, not "eqsans"/,
    );
  });
});
