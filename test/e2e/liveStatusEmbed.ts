/**
 * The facility page and server config of the <formulary-form live-status> e2e files (embedLiveStatus,
 * embedLiveResync): one EQSANS form with live status, jobs run by the demo reduction simulator. Shared
 * so the two files differ only in what they test (the simulator's run time, the retention sweep).
 */
import { join } from 'node:path';
import { repoRoot } from '../server/serverProcess';

/** The body of /embed.html: a heading and the form, drafts off so each test starts clean. */
export const LIVE_STATUS_BODY = `<h1>Facility page</h1>
<formulary-form schema-src="/schemas/eqsans.schema.json" submit-url="/api/instruments/eqsans/submissions"
  drafts="off" live-status></formulary-form>`;

/**
 * Every instrument's jobs run the simulator for `seconds`; with `retentionSeconds`, finished jobs'
 * events leave the replay feed that soon (days in production), swept every second.
 */
export function simulatorConfig(dir: string, seconds: number, retentionSeconds?: number): object {
  const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
  return {
    ...(retentionSeconds === undefined
      ? {}
      : { server: { eventRetentionDays: retentionSeconds / 86_400, eventSweepSeconds: 1 } }),
    jobs: {
      jobsDir: join(dir, 'jobs'),
      tasks: {
        '*': {
          command: ['{node}', simulator, '{requestFile}', '--seconds', String(seconds)],
          curveFile: 'iq.csv',
        },
      },
    },
  };
}
