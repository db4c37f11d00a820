/**
 * How long each fuzz property runs: a fixed seed and a small budget in `npm test` and CI (so a failure
 * reproduces exactly), and whatever `npm run fuzz -- --runs N --seed S` asks for (scripts/fuzz.js
 * passes them as FUZZ_RUNS and FUZZ_SEED).
 */
import type { Parameters } from 'fast-check';

const runsFromEnv = Number(process.env.FUZZ_RUNS);
const seedFromEnv = Number(process.env.FUZZ_SEED);

/** True when `npm run fuzz` asked for a longer run. */
export const longRun = Number.isInteger(runsFromEnv) && runsFromEnv > 0;

/**
 * fast-check parameters for one property: `ciRuns` in CI, the asked-for runs (scaled by `weight` for
 * the expensive properties) in a long run.
 */
export function budget(ciRuns: number, weight = 1): Parameters<unknown> {
  const numRuns = longRun ? Math.max(1, Math.round(runsFromEnv * weight)) : ciRuns;
  const seed = Number.isInteger(seedFromEnv) ? seedFromEnv : 20261207;
  return { numRuns, seed };
}

/** Test timeout that grows with the budget (a long run must not be cut by vitest's default 5 s). */
export function timeoutFor(ciRuns: number, msPerRun: number, weight = 1): number {
  const runs = budget(ciRuns, weight).numRuns ?? ciRuns;
  return Math.max(30_000, runs * msPerRun);
}
