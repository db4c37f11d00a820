/**
 * The jobs configuration `npm start` uses when the server's configuration names no tasks: every
 * instrument runs the demo reduction simulator from examples/, so a fresh checkout shows jobs that
 * log, plot and sometimes fail. A facility replaces it with its own `jobs.tasks` (see docs/server.md).
 */
import { join } from 'node:path';
import type { JobsConfig } from './JobsConfig';
import { parseJobsConfig } from './parseJobsConfig';

/**
 * The demo configuration for a checkout at `root`, with attempt folders under `jobsDir`.
 * @example demoJobsConfig('/srv/formulary', '/srv/formulary/data/jobs').tasks.get('*')!.curveFile // 'reduced/iq.csv'
 */
export function demoJobsConfig(root: string, jobsDir = join(root, 'data/jobs')): JobsConfig {
  return parseJobsConfig(
    {
      maxConcurrent: 2,
      jobsDir,
      tasks: {
        '*': {
          command: ['{node}', join(root, 'examples/reduction-simulator/simulate.mjs'), '{requestFile}'],
          curveFile: 'reduced/iq.csv',
          timeLimitSeconds: 120,
          memoryLimitMB: 512,
          concurrency: 2,
        },
      },
    },
    root,
  );
}
