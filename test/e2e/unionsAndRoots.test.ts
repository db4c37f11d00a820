/**
 * Issue 25 in the built portal, in Chromium, with the instrument's schema file swapped for a test
 * schema (the page fetches it by URL): a list root's draft and queued submission survive reloads and
 * reach the backend as the list (never {}), and a union of a number and an object is a choice whose
 * chosen branch is what the backend receives. Needs `npm run build:app`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { clearPortalStorage } from './clearPortalStorage';
import { recordingBackend, submissionsPath } from './recordingBackend';
import { type ServedPage, servePage } from './servePage';

const schemas = {
  list: {
    title: 'Samples',
    type: 'array',
    items: { type: 'object', properties: { name: { title: 'Name', type: 'string' } } },
  },
  union: {
    title: 'Reduction',
    type: 'object',
    properties: {
      wavelength: {
        title: 'Wavelength',
        oneOf: [
          { title: 'Fixed', type: 'number', minimum: 0.5 },
          {
            title: 'Band',
            type: 'object',
            properties: {
              min: { title: 'Band min', type: 'number' },
              max: { title: 'Band max', type: 'number' },
            },
            required: ['min', 'max'],
          },
        ],
      },
    },
    required: ['wavelength'],
  },
};
let schema: object = schemas.list;
const backend = recordingBackend();
let browser: LaunchedBrowser;
let site: ServedPage;

beforeAll(async () => {
  site = await servePage('dist/app', (req, res) => {
    if ((req.url ?? '').split('?')[0]!.endsWith('/schemas/eqsans.schema.json')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(schema));
      return true;
    }
    return backend.handle(req, res);
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  for (const page of browser.context.pages()) await page.close();
  const page = await browser.context.newPage();
  // Not the portal, which would send what the last test left waiting before the clear (outbox.test.ts).
  await page.goto(`${site.url}not-the-portal.txt`);
  await clearPortalStorage(page, {
    'formulary.portal.backendUrl': `${site.url.replace(/\/$/, '')}${submissionsPath}`,
  });
  await page.close();
  backend.reset();
});

async function openPortal(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${site.url}?instrument=eqsans&timeoutMs=4000&retries=0&retryMs=100`);
  return page;
}

/** The requests in the portal's stored history (IndexedDB "formulary", key formulary:history). */
async function storedHistory(page: Page): Promise<unknown[]> {
  const raw = await page.evaluate(
    () =>
      new Promise<unknown>((done) => {
        const open = indexedDB.open('formulary');
        open.onerror = () => done(null);
        open.onsuccess = () => {
          const get = open.result.transaction('keyval').objectStore('keyval').get('formulary:history');
          get.onsuccess = () => done(get.result ?? null);
          get.onerror = () => done(null);
        };
      }),
  );
  const entries = typeof raw === 'string' ? JSON.parse(raw)?.state?.entries : [];
  return (entries ?? []).map((e: { request: unknown }) => e.request);
}

const submit = (page: Page) => page.getByRole('button', { name: 'Submit request' }).click();
const bodies = () => backend.calls.map((c) => c.body as unknown);

test('a list root: its draft and its queued submission survive reloads and reach the backend as the list', async () => {
  schema = schemas.list;
  backend.mode = 'fail';
  const page = await openPortal();
  await page.getByRole('button', { name: 'Add row to Samples' }).click({ timeout: 30_000 });
  await page.getByLabel('Name, row 1').fill('D2O');
  await page.getByText(/^Draft saved/).waitFor({ timeout: 10_000 });
  await page.reload();
  await expect.poll(() => page.getByLabel('Name, row 1').inputValue(), { timeout: 30_000 }).toBe('D2O');
  await submit(page);
  await expect.poll(() => backend.calls.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const outbox = page.getByRole('region', { name: 'Outbox' });
  await expect.poll(() => outbox.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
  // Reloaded while the backend still fails: the entry is still queued, as the list.
  await page.reload();
  await expect.poll(() => outbox.getByRole('listitem').count(), { timeout: 30_000 }).toBe(1);
  // The backend recovers; a reload retries the queue: the list arrives once, as typed.
  backend.mode = 'accept';
  await page.reload();
  await expect.poll(() => backend.jobs.size, { timeout: 30_000 }).toBe(1);
  expect([...backend.jobs.values()]).toEqual([[{ name: 'D2O' }]]);
  expect(bodies().every((b) => Array.isArray(b) && JSON.stringify(b) === '[{"name":"D2O"}]')).toBe(true);
  await expect.poll(() => outbox.getByRole('listitem').count(), { timeout: 15_000 }).toBe(0);
  const history = page.getByRole('region', { name: 'History' });
  await expect.poll(() => history.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
  await page.reload();
  await expect.poll(() => history.getByRole('listitem').count(), { timeout: 30_000 }).toBe(1);
  // Stored as sent (it was {} before): "Open as new draft" gives the list back.
  expect(await storedHistory(page)).toEqual([[{ name: 'D2O' }]]);
});

test('a number or an object: the user picks the branch, switching says what is kept, the chosen one is sent', async () => {
  schema = schemas.union;
  const page = await openPortal();
  const fixed = page.getByRole('textbox', { name: /^Wavelength/ });
  await fixed.fill('6', { timeout: 30_000 });
  await page.getByRole('radio', { name: 'Band' }).check();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'kept in the form' }).textContent())
    .toBe('“Fixed” is kept in the form but not sent while “Band” is chosen.');
  await page.getByLabel(/^Band min/).fill('2');
  await page.getByLabel(/^Band max/).fill('8');
  await page.getByRole('radio', { name: 'Fixed' }).check();
  expect(await fixed.inputValue()).toBe('6');
  await page.getByRole('radio', { name: 'Band' }).check();
  await submit(page);
  await expect.poll(() => backend.jobs.size, { timeout: 15_000 }).toBe(1);
  expect([...backend.jobs.values()]).toEqual([{ wavelength: { min: 2, max: 8 } }]);
});
