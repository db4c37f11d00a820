/**
 * Builds for Formulary, one per mode:
 *   --mode app    the demo portal (src/app) into dist/app, served by `npm start`;
 *   --mode lib    the library entry points (formulary, /schemas, /sorted, /embed) into dist/lib, React external;
 *   --mode embed  the standalone <formulary-form> bundle, React included, into dist/embed/formulary.js.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const here = import.meta.dirname;

function appConfig(): UserConfig {
  return {
    root: resolve(here, 'src/app'),
    base: './',
    plugins: [react()],
    build: { outDir: resolve(here, 'dist/app'), emptyOutDir: true },
    server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
  };
}

function libConfig(): UserConfig {
  return {
    plugins: [react()],
    build: {
      outDir: resolve(here, 'dist/lib'),
      emptyOutDir: true,
      lib: {
        formats: ['es'],
        entry: {
          index: resolve(here, 'src/forms/index.ts'),
          schemas: resolve(here, 'src/schemas/index.ts'),
          sorted: resolve(here, 'src/sorted/index.ts'),
          embed: resolve(here, 'src/embed/index.ts'),
        },
      },
      rollupOptions: {
        external: [
          /^react($|\/)/,
          /^react-dom($|\/)/,
          'react-hook-form',
          'zustand',
          /^zustand\//,
          /^ajv/,
          /^@rjsf\//,
          /^@apidevtools\//,
          /^node:/,
        ],
      },
    },
  };
}

function embedConfig(): UserConfig {
  return {
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: resolve(here, 'dist/embed'),
      emptyOutDir: true,
      lib: {
        formats: ['es'],
        entry: resolve(here, 'src/embed/standalone.ts'),
        fileName: () => 'formulary.js',
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'lib') return libConfig();
  if (mode === 'embed') return embedConfig();
  return appConfig();
});
