#!/usr/bin/env node
// The `formulary` command. Runs the built CLI when present (dist/cli), else the TypeScript source
// through tsx, so it works straight after `npm ci` in a checkout as well as from a published package.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/cli/main.js');
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
}
