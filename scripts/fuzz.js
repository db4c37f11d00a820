#!/usr/bin/env node
// `npm run fuzz -- [--runs N] [--seed S]`: the fuzz properties (test/fuzz), the sorted containers'
// seeded model tests, then the embed in Chromium on random schemas (N/5 of them: test/e2e/embedFuzz),
// with a longer budget than `npm test` gives them. N runs per property (the expensive ones scale it
// down); S replays a reported failure.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const env = { ...process.env };
for (let i = 0; i < args.length; i++) {
  const [flag, value] = [args[i], args[i + 1]];
  if ((flag === '--runs' || flag === '--seed') && /^\d+$/.test(value ?? '')) {
    env[flag === '--runs' ? 'FUZZ_RUNS' : 'FUZZ_SEED'] = value;
    i++;
  } else {
    console.error(`fuzz: unknown argument ${flag} (use --runs N, --seed S)`);
    process.exit(2);
  }
}
const suites = ['test/fuzz', 'test/sorted'];
const result = spawnSync('npx', ['vitest', 'run', ...suites], { stdio: 'inherit', env });
if (result.status !== 0) process.exit(result.status ?? 1);
// The embed on random schemas in Chromium (it builds the embed bundle first).
const embed = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'test/e2e/embedFuzz.test.ts'],
  { stdio: 'inherit', env },
);
process.exit(embed.status ?? 1);
