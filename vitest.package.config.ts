/**
 * Consumer tests (test/package): the packed tarball installed into fresh projects outside the
 * repository and used as a facility would, each check a real process or real Chromium. One file at a
 * time: the Chromium checks and the builds share two cores.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ['test/package/packageSetup.ts'],
  },
});
