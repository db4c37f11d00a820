/**
 * Storybook for form authors: widget states, every shipped instrument and the author playground.
 * Instrument schemas are served at /schemas/ (staticDirs) so stories load them by URL like a portal,
 * with multi-file $refs resolved in the browser. Uses its own Vite config, not the app/lib/embed one.
 */
import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  staticDirs: [{ from: '../src/schemas/instruments', to: '/schemas' }],
  core: { disableTelemetry: true },
  typescript: { reactDocgen: false },
};

export default config;
