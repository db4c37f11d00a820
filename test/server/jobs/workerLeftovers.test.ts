/**
 * A worker killed with SIGKILL leaves its tasks' process groups running; the next worker started
 * under the same name stops them (found by FORMULARY_WORKER in their environment), and leaves the
 * tasks of other workers alone. Real processes; no broker needed (nothing connects before start()).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BrokerWorker, parseJobsConfig, treeAlive, WORKER_VARIABLE } from '../../../src/server/jobs/index';

function task(worker: string): number {
  const child = spawn(
    process.execPath,
    ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'],
    {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, [WORKER_VARIABLE]: worker },
    },
  );
  child.unref();
  return child.pid!;
}

describe('a worker restarted under the same name', () => {
  it('stops the task groups its killed predecessor left, and only those', async () => {
    const name = `leftover-${process.pid}-${Date.now()}`;
    const mine = task(name);
    const other = task(`${name}-other`);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // let exec set the environment
      const config = parseJobsConfig({ killGraceSeconds: 0.5, dispatcher: 'stomp' }, '/tmp');
      const lines: string[] = [];
      const worker = new BrokerWorker({
        config,
        broker: config.broker,
        queues: ['/queue/none'],
        concurrency: 1,
        name,
        log: (line) => lines.push(line),
      });
      // The leftover ignores SIGTERM: stopped by SIGKILL after the grace period.
      expect(await worker.stopLeftovers()).toEqual([mine]);
      expect(treeAlive(mine)).toBe(false);
      expect(treeAlive(other)).toBe(true);
      expect(lines.join('\n')).toMatch(new RegExp(`stopping 1 task\\(s\\) .* \\(pids ${mine}\\)`));
      expect(await worker.stopLeftovers()).toEqual([]);
    } finally {
      for (const pid of [mine, other]) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {}
      }
    }
  }, 30_000);
});
