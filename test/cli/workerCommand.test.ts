/**
 * `formulary worker` refuses bad options with the option named (exit 2) and a configuration whose
 * broker section is wrong with the key named (exit 1), before it connects anywhere; --help describes
 * it. A real process for the usage path; the rest in-process.
 */
import { describe, expect, test } from 'vitest';
import { runCli, spawnCli, tempProject } from './runCli';

describe('formulary worker', { timeout: 120_000 }, () => {
  test('a bad --concurrency is a usage error naming it (real process)', () => {
    const run = spawnCli(['worker', '--broker', 'stomp://127.0.0.1:61613', '--concurrency', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--concurrency must be a whole number from 1 to 256 \(got "0"\)/);
  });

  test('names a bad broker address, a bad queue and a bad broker section', async () => {
    const url = await runCli(['worker', '--broker', 'http://broker:61613']);
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(
      /--broker: "http:\/\/broker:61613" is not a broker address like stomp:\/\/host:61613/,
    );
    const queue = await runCli(['worker', '--broker', 'stomp://b:61613', '--queue', 'jobs']);
    expect(queue.code).toBe(2);
    expect(queue.stderr).toMatch(/--queue "jobs" is not a STOMP destination/);
    const dir = tempProject({
      'formulary.config.json': { jobs: { broker: { statusQueue: 'status', highMemory: { values: [1] } } } },
    });
    const config = await runCli(['worker', '--config', 'formulary.config.json'], dir);
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(/jobs\.broker\.statusQueue: "status" is not a STOMP destination/);
    expect(config.stderr).toMatch(/jobs\.broker\.highMemory\.pointer: must be a JSON Pointer/);
  });

  test('--help says how jobs are taken and acknowledged', async () => {
    const help = await runCli(['worker', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/acknowledged to the\s+broker only after its final state is/);
    expect(help.stdout).toMatch(/--high-memory/);
  });
});
