#!/usr/bin/env node
// The `formulary` command. An installed package runs the built CLI (dist/cli, plain JavaScript). A
// checkout without a build runs the TypeScript source through tsx, a devDependency; when neither is
// there, it says which command fixes that instead of Node's "Cannot find package 'tsx'".
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/cli/main.js');
const source = join(root, 'src/cli/main.ts');

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(
      `formulary: the command is not built (${built} is missing) and tsx, which runs it from source, ` +
        `is not installed.\nIn a checkout of Formulary run "npm ci" (installs tsx) or "npm run build:cli". ` +
        `An installed package ships dist/cli: reinstall it.\n`,
    );
    process.exit(1);
  }
}

// The repository's own tests set FORMULARY_CLI_FROM_SOURCE=1: they test the source, never a stale build.
const fromSource = process.env.FORMULARY_CLI_FROM_SOURCE === '1' && existsSync(source);

if (existsSync(built) && !fromSource) {
  await import(pathToFileURL(built).href);
} else if (existsSync(source)) {
  const { register } = await loadTsx();
  register();
  await import(pathToFileURL(source).href);
} else {
  process.stderr.write(
    `formulary: ${built} is missing; this copy of the package is incomplete: reinstall it.\n`,
  );
  process.exit(1);
}
