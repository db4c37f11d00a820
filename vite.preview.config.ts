/**
 * The page of `formulary preview` (src/preview) into dist/preview: a small React page that the CLI
 * serves as static files, so the CLI itself never loads React. Its own config file, apart from
 * vite.config.ts's modes, so the two are edited independently.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: resolve(here, 'src/preview'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist/preview'),
    emptyOutDir: true,
    // React, the validator and the form each under Vite's 500 kB warning, cached apart.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'ajv',
              test: /[\\/]node_modules[\\/](ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse)[\\/]/,
            },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
            { name: 'schemas', test: /[\\/]src[\\/](schemas|sorted)[\\/]/ },
          ],
        },
      },
    },
  },
});
