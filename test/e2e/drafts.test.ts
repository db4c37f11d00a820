/**
 * Drafts, outbox and history in the built demo portal, in Chromium: filled fields survive a reload,
 * text that is not a value survives as typed; a
 * backend that fails twice (503) then accepts gets exactly one submission (deduplicated by
 * Idempotency-Key), the draft is cleared and the history shows it; a draft saved under schema version
 * 1 opened under version 2 keeps the values whose fields remain and lists the rest.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { clearPortalStorage } from './clearPortalStorage';
import { type ServedPage, servePage } from './servePage';

/** The built portal (`npm run build:app`); another build can be pointed at for local checks. */
const appDir = process.env.FORMULARY_APP_DIR ?? 'dist/app';

/** A backend that answers 503 to the first `failures` POSTs, then accepts, once per Idempotency-Key. */
function flakyBackend(failures: number) {
  const state = {
    failuresLeft: failures,
    calls: [] as { key: string; status: number }[],
    accepted: new Map<string, unknown>(),
  };
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!req.url?.startsWith('/api/submit')) return false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      let status = 200;
      if (req.method !== 'POST' || !key) status = 400;
      else if (state.failuresLeft > 0) {
        state.failuresLeft -= 1;
        status = 503;
      } else if (!state.accepted.has(key)) {
        state.accepted.set(key, JSON.parse(Buffer.concat(chunks).toString('utf8')));
      }
      state.calls.push({ key, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(status === 200 ? { accepted: key } : { message: status === 503 ? 'busy' : 'no key' }),
      );
    });
    return true;
  };
  return { state, handle };
}

let browser: LaunchedBrowser;
let site: ServedPage;
let backend = flakyBackend(2);

beforeAll(async () => {
  site = await servePage(appDir, (req, res) => backend.handle(req, res));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(() => {
  backend = flakyBackend(2);
});

const ipts = (page: Page) => page.getByRole('textbox', { name: /^IPTS/ });
const scanRun = (page: Page) => page.getByRole('textbox', { name: 'Run number, row 1' });
const sampleName = (page: Page) => page.getByRole('textbox', { name: 'Sample name, row 1' });

/** A fresh page on empty storage (localStorage optionally seeded, as an earlier version left it), at `query`. */
async function openPortal(
  query = '',
  seed: Record<string, string> = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url);
  // Drafts, outbox and history live in IndexedDB; localStorage holds what earlier versions kept there
  // (moved on load) and the backend URL.
  await clearPortalStorage(page, seed);
  await page.goto(`${site.url}${query}`);
  await ipts(page).waitFor({ state: 'visible', timeout: 30_000 });
  return { page, errors };
}

test('filled fields are back after a reload, with the restored-draft bar', async () => {
  const { page, errors } = await openPortal();
  await ipts(page).fill('19800');
  await scanRun(page).fill('88980');
  await sampleName(page).fill('lysozyme 5 mg/ml');
  await page.getByText(/^Draft saved/).waitFor({ timeout: 10_000 });
  await page.reload();
  await ipts(page).waitFor({ state: 'visible', timeout: 30_000 });
  expect(await ipts(page).inputValue()).toBe('19800');
  expect(await scanRun(page).inputValue()).toBe('88980');
  expect(await sampleName(page).inputValue()).toBe('lysozyme 5 mg/ml');
  expect(await page.getByText(/Restored draft from/).count()).toBe(1);
  // Discard: the form goes back to its defaults and the draft is gone after another reload.
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect.poll(() => ipts(page).inputValue()).toBe('');
  await page.reload();
  await ipts(page).waitFor({ state: 'visible', timeout: 30_000 });
  expect(await ipts(page).inputValue()).toBe('');
  expect(await page.getByText(/Restored draft from/).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('text that is not a value is back as typed after a reload, still holding submit', async () => {
  const { page, errors } = await openPortal();
  await ipts(page).fill('19800');
  await scanRun(page).fill('8898O');
  await page.getByText(/^Draft saved/).waitFor({ timeout: 10_000 });
  await page.reload();
  await ipts(page).waitFor({ state: 'visible', timeout: 30_000 });
  // What was typed, not the last good value in its place.
  expect(await scanRun(page).inputValue()).toBe('8898O');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('8898O');
  expect(backend.state.calls).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('a change made just before a reload is not lost (saved on page hide)', async () => {
  const { page } = await openPortal();
  await ipts(page).fill('12345');
  await page.reload();
  await ipts(page).waitFor({ state: 'visible', timeout: 30_000 });
  expect(await ipts(page).inputValue()).toBe('12345');
  await page.close();
});

test('submit to a backend that fails twice: one accepted submission, draft cleared, in the history', async () => {
  const { page, errors } = await openPortal('', { 'formulary.portal.backendUrl': `${site.url}api/submit` });
  await ipts(page).fill('19800');
  await scanRun(page).fill('88980');
  await page
    .getByRole('button', { name: /^Submit/ })
    .first()
    .click();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByRole('listitem').first().waitFor({ timeout: 30_000 });

  expect(backend.state.calls.map((c) => c.status)).toEqual([503, 503, 200]);
  expect(new Set(backend.state.calls.map((c) => c.key)).size).toBe(1);
  expect(backend.state.accepted.size).toBe(1);
  const [request] = [...backend.state.accepted.values()] as { job: { scans: { runNumber: unknown }[] } }[];
  expect(JSON.stringify(request?.job.scans[0]?.runNumber)).toContain('88980');

  const entry = await history.getByRole('listitem').first().textContent();
  expect(entry).toContain('eqsans');
  expect(entry).toContain('/iptsNumber');
  expect(await page.getByText(/^Submitted at/).count()).toBe(1);
  expect(await page.getByRole('region', { name: 'Outbox' }).textContent()).toContain('Nothing waiting');
  // The draft is cleared: the form is back to defaults, also after a reload; the history stays.
  await expect.poll(() => ipts(page).inputValue()).toBe('');
  await page.reload();
  await ipts(page).waitFor({ state: 'visible', timeout: 30_000 });
  expect(await ipts(page).inputValue()).toBe('');
  expect(await page.getByRole('region', { name: 'History' }).getByRole('listitem').count()).toBe(1);
  expect(backend.state.accepted.size).toBe(1);
  // Open it again as a new draft, to submit with changes.
  await page.getByRole('button', { name: 'Open as new draft' }).click();
  await expect.poll(() => ipts(page).inputValue()).toBe('19800');
  expect(await scanRun(page).inputValue()).toBe('88980');
  expect(errors).toEqual([]);
  await page.close();
});

test('a draft saved under schema version 1, opened under version 2, keeps what fits and lists the rest', async () => {
  const savedAt = Date.parse('2026-11-26T18:30:00Z');
  const v1Draft = {
    state: {
      draft: {
        values: {
          iptsNumber: '19800',
          sampleApertureDiameter: 10,
          job: { mode: 'average', legacyWeighting: 'sqrt' },
        },
        savedAt,
        schemaVersion: 1,
      },
      notApplied: [],
    },
    version: 1,
  };
  const { page, errors } = await openPortal('?schemaVersion=2', {
    'formulary:draft:eqsans': JSON.stringify(v1Draft),
  });
  expect(await ipts(page).inputValue()).toBe('19800');
  const bar = page.getByText(/Restored draft from/);
  expect(await bar.textContent()).toContain('saved under schema version 1');
  const notApplied = page.getByRole('region', { name: /not applied/ });
  const text = await notApplied.textContent();
  expect(text).toContain('/sampleApertureDiameter');
  expect(text).toContain('/job/legacyWeighting');
  expect(text).toContain('field no longer exists');
  // Still listed after a reload until dismissed.
  await page.reload();
  await ipts(page).waitFor({ state: 'visible', timeout: 30_000 });
  expect(
    await page
      .getByRole('region', { name: /not applied/ })
      .getByRole('listitem')
      .count(),
  ).toBe(2);
  await page.getByRole('button', { name: 'Dismiss all' }).click();
  expect(await page.getByRole('region', { name: /not applied/ }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
