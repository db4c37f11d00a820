/**
 * Consumer 4: a facility's Vite + React app with its own React installs the tarball, imports
 * `formulary` as the README's main.jsx does, builds, and in Chromium renders the EQSANS form (its
 * schema served beside the page, the $ref'd common.json fetched next to it) and submits it: the
 * app's endpoint must receive the schema's default request with the three values typed.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { readmeSnippet } from './readmeSnippet';
import { runProcess } from './runProcess';
import { submitInBrowser } from './submitInBrowser';

const { react: project } = inject('packageProjects');

beforeAll(() => {
  const shipped = join(project, 'node_modules/formulary');
  mkdirSync(join(project, 'src'), { recursive: true });
  mkdirSync(join(project, 'public/schemas'), { recursive: true });
  for (const file of ['eqsans.schema.json', 'common.json'])
    cpSync(join(shipped, 'src/schemas/instruments', file), join(project, 'public/schemas', file));
  writeFileSync(join(project, 'src/main.jsx'), readmeSnippet('main.jsx'));
  writeFileSync(
    join(project, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Facility portal</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body>
</html>
`,
  );
  writeFileSync(
    join(project, 'vite.config.js'),
    `import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()], base: './' });
`,
  );
});

describe('a Vite + React app with its own React', () => {
  test('one React in the app: formulary brings none of its own', () => {
    expect(existsSync(join(project, 'node_modules/react/package.json'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/formulary/node_modules/react'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/formulary/node_modules/react-dom'))).toBe(false);
  });

  test('builds with vite, renders the form in Chromium and submits the request', async () => {
    const built = await runProcess('node', [join(project, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: project,
      timeoutMs: 120_000,
    });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(built.stdout).toMatch(/built in/);
    const { focusColour, received, expected, errors } = await submitInBrowser(
      join(project, 'dist'),
      'index.html',
      'form.formulary-form',
    );
    // The widgets' stylesheet reached the page (formulary/styles.css; the embed's shadow root).
    expect(focusColour).toBe('#1a5fd6');
    expect(received).toEqual([expected]);
    expect(errors).toEqual([]);
  });
});
