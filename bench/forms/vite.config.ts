/** Builds the form benchmark page (bench/forms/page) into bench/forms/dist; production React. */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: resolve(here, 'page'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: resolve(here, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 5000 },
});
