/**
 * The last English that reached a French page, in real Chromium against a real `formulary serve`
 * (SQLite, the built portal, the demo reduction simulator): a job's state on its submission page and
 * in the state filter of "My submissions" is the catalogue's French, and a pasted sample sheet with a
 * stray quote shows Papa Parse's complaint in French with its line, never Papa's English ("Trailing
 * quote on quoted field is malformed"). Needs `npm run build:app` first.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openAccounts, readServerConfig } from '../../src/server/index';
import {
  repoRoot,
  type ServerProcess,
  startServerProcess,
  submit,
  testerHeaders,
} from '../server/serverProcess';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { clearPortalStorage } from './clearPortalStorage';

let server: ServerProcess;
let browser: LaunchedBrowser;
/** A scientist of IPTS-31204 (not staff): may re-run only a job that failed, timed out or was interrupted. */
let scientist: string;
const dir = mkdtempSync(join(tmpdir(), 'formulary-french-strings-'));

beforeAll(async () => {
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  for (const file of ['eqsans.schema.json', 'inelastic.schema.json', 'common.json'])
    copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
  const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
  const config = join(dir, 'formulary.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      jobs: {
        maxConcurrent: 2,
        jobsDir: join(dir, 'jobs'),
        tasks: {
          '*': {
            command: ['{node}', simulator, '{requestFile}', '--seconds', '0'],
            curveFile: 'reduced/iq.csv',
          },
        },
      },
    }),
  );
  const db = join(dir, 'formulary.sqlite');
  const { auth, close } = await openAccounts(readServerConfig(config, { db }, {}, repoRoot));
  await auth.addUser({ username: 'sci', proposals: ['IPTS-31204'] });
  scientist = (await auth.issueToken('sci', { label: 'e2e', scopes: ['read', 'submit'], expiresInDays: 1 }))
    .token;
  await close();
  server = await startServerProcess({
    db,
    instruments,
    config,
    portal: join(repoRoot, 'dist/app'),
  });
  browser = await launchChromium();
  await browser.context.setExtraHTTPHeaders(testerHeaders(server.url));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function openFrench(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/`);
  await clearPortalStorage(page);
  await page.goto(`${server.url}/${path}`);
  return { page, errors };
}

test('a job state is French on the submission page and in the list’s state filter', async () => {
  const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
  const response = await submit(server.url, 'eqsans', example, { 'idempotency-key': crypto.randomUUID() });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };

  const { page, errors } = await openFrench(`?lang=fr#/submissions/${id}`);
  const job = page.locator('section.subs-job').first();
  await job.waitFor({ timeout: 60_000 });
  // The job's chip reads the catalogue's French once the reduction is done.
  await expect.poll(() => job.getAttribute('data-state'), { timeout: 60_000 }).toBe('succeeded');
  await expect.poll(() => job.locator('.subs-state').first().textContent()).toBe('réussie');
  // The timeline words every state it passed through in French too.
  const chips = await page.locator('.subs-timeline .subs-state').allTextContents();
  expect(chips).toContain('en file');
  expect(chips).toContain('réussie');
  for (const english of ['queued', 'running', 'succeeded']) expect(chips).not.toContain(english);

  await page.goto(`${server.url}/?lang=fr#/submissions`);
  const filter = page.getByLabel(/^État/);
  await filter.waitFor({ timeout: 30_000 });
  const options = await filter.locator('option').allTextContents();
  expect(options).toEqual(
    expect.arrayContaining([
      'en file',
      'en cours',
      'réussie',
      'échouée',
      'annulée',
      'délai dépassé',
      'interrompue',
    ]),
  );
  expect(options).not.toContain('timed out');
  expect(errors).toEqual([]);
});

test('a scientist’s re-run of a job that succeeded is refused in French, the state in French words', async () => {
  const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
  const response = await fetch(`${server.url}/api/instruments/eqsans/submissions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${scientist}`,
      'content-type': 'application/json',
      'x-schema-version': '1',
      'idempotency-key': crypto.randomUUID(),
    },
    body: example,
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  // The scientist's own browser (a fresh profile): every request, WebSocket included, carries their token.
  const own = await launchChromium();
  await own.context.setExtraHTTPHeaders({ authorization: `Bearer ${scientist}` });
  try {
    const page = await own.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/?lang=fr#/submissions/${id}`);
    const job = page.locator('section.subs-job').first();
    await job.waitFor({ timeout: 60_000 });
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 60_000 }).toBe('succeeded');
    await job.getByRole('button', { name: 'Relancer' }).click();
    const alert = job.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('votre compte n’a pas le droit de le faire');
    expect(text).toContain('(celle-ci est réussie)');
    expect(text).not.toMatch(/the submitter|succeeded/);
    expect(errors).toEqual([]);
  } finally {
    await own.close();
  }
});

test('a pasted sheet with a stray quote shows Papa Parse’s complaint in French, with its line', async () => {
  const { page, errors } = await openFrench('?instrument=inelastic&lang=fr');
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 60_000 });
  const scans = page.locator('fieldset.formulary-list[data-path$="/scans"]').first();
  await scans.waitFor({ timeout: 30_000 });
  await scans.locator('button.formulary-list__add').evaluate((element) => {
    (element as HTMLElement).focus();
    const data = new DataTransfer();
    // Line 3's first cell closes its quote too early: "130501"x" is not RFC 4180.
    data.setData('text/plain', 'Run number\tTemperature (K)\n130500\t5\n"130501"x"\t6\n130502\t7\n');
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  const preview = scans.locator('section.formulary-paste');
  await preview.waitFor({ timeout: 30_000 });
  const text = (await preview.textContent()) ?? '';
  expect(text).toMatch(/Ligne 3, [^:]+ : une cellule entre guillemets contient un guillemet non doublé/);
  expect(text).not.toContain('Trailing quote');
  expect(text).not.toContain('malformed');
  expect(errors).toEqual([]);
});
