/**
 * Unit and component tests. The core (src/sorted, src/schemas, the CLI) runs in Node; files ending in
 * .test.tsx run in happy-dom. Browser end-to-end tests have their own config (vitest.e2e.config.ts).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/package/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['test/**/*.test.tsx', 'stories/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
