/** Vite settings for Storybook only: React and nothing else (the root vite.config.ts builds the app). */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()] });
