/**
 * Browser end-to-end tests: real Debian Chromium driven by playwright-core against built pages served on
 * 127.0.0.1. One file at a time: two cores cannot host several Chromiums without flaky timings.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ['test/e2e/requireChromium.ts'],
  },
});
