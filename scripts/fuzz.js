#!/usr/bin/env node
// `npm run fuzz -- [--runs N] [--seed S]`: the fuzz properties (test/fuzz) and the sorted containers'
// seeded model tests, with a longer budget than `npm test` gives them. N runs per property (the
// expensive ones scale it down); S replays a reported failure.
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
process.exit(result.status ?? 1);
