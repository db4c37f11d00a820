/**
 * The server config under the chatty-reduction tests (snapshotSince here, submissionSnapshot in e2e):
 * EQSANS jobs run fixtures/chattyReduction.mjs, and finished jobs' events are swept within seconds
 * (days in production) so a resync can be tested within the test. Shared so both name the fixture's
 * positional arguments once; running jobs' events are never swept.
 */
import { join } from 'node:path';
import { repoRoot } from '../serverProcess';

export interface ChattyOptions {
  /** Log lines the reduction prints in all. */
  readonly lines: number;
  /** In how many bursts, each also adding ten points to the curve file (out/iq.csv). */
  readonly steps: number;
  /** The pause after each burst. */
  readonly pauseMs: number;
  /** Age past which a finished job's events leave the replay feed; swept every second. */
  readonly retentionSeconds: number;
}

/** A formulary.config.json object for a temporary folder `dir` (its jobs go to dir/jobs). */
export function chattyConfig(dir: string, options: ChattyOptions): object {
  const script = join(repoRoot, 'test/server/live/fixtures/chattyReduction.mjs');
  return {
    server: { eventRetentionDays: options.retentionSeconds / 86_400, eventSweepSeconds: 1 },
    jobs: {
      jobsDir: join(dir, 'jobs'),
      tasks: {
        eqsans: {
          command: [
            '{node}',
            script,
            '{requestFile}',
            String(options.lines),
            String(options.steps),
            String(options.pauseMs),
          ],
          curveFile: 'out/iq.csv',
        },
      },
    },
  };
}
