/**
 * The submission pages in Chromium against a real `formulary serve` (SQLite, the built portal, users
 * with their own API tokens): the log search finds every match of a 30,000-line log of which the page
 * loaded only the tail, takes "50%" literally, folds case the Unicode way (ß is ss), opens a match that
 * is not loaded among its neighbours, and keeps counting the matches that arrive live; "only mine" on My submissions narrows the list to
 * the user's own submissions, stays in the URL across a reload, and follows new submissions live
 * (the user's own join, a co-member's do not). Needs `npm run build:app` first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openAccounts, readServerConfig } from '../../src/server/index';
import { repoRoot, type ServerProcess } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { ServedPages } from './servedPages';

const LINES = 30_000;
/** The runner's own "Attempt 1 started" line comes first: the reduction's line k is seq k + 1. */
const seq = (k: number) => k + 1;
const pages = new ServedPages('formulary-search-mine-e2e-');
let server: ServerProcess;
let browser: LaunchedBrowser;
let sciContext: BrowserContext;
const tokens: Record<'sci' | 'co', string> = { sci: '', co: '' };
const go = join(pages.dir, 'go');
const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');

beforeAll(async () => {
  const script = join(repoRoot, 'test/e2e/fixtures/searchableReduction.mjs');
  ({ server, browser } = await pages.start({
    instruments: ['eqsans.schema.json', 'common.json'],
    config: (dir) => ({
      jobs: {
        jobsDir: join(dir, 'jobs'),
        tasks: { eqsans: { command: ['{node}', script, '{requestFile}', String(LINES), go] } },
      },
    }),
    // Two members of the example's proposal: each may read the other's submissions.
    beforeStart: async ({ config, db }) => {
      const { auth, close } = await openAccounts(readServerConfig(config, { db }, {}, repoRoot));
      for (const username of ['sci', 'co'] as const) {
        await auth.addUser({ username, proposals: ['IPTS-31204'] });
        tokens[username] = (
          await auth.issueToken(username, { label: 'e2e', scopes: ['read', 'submit'], expiresInDays: 1 })
        ).token;
      }
      await close();
    },
    headers: () => ({ authorization: `Bearer ${tokens.sci}` }),
  }));
  sciContext = browser.context;
}, 120_000);

afterAll(async () => {
  expect(await pages.stop()).toBe(0);
});

const as = (who: 'sci' | 'co', path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${tokens[who]}`, ...(init.headers as Record<string, string>) },
  });

async function submitAs(who: 'sci' | 'co'): Promise<string> {
  const response = await as(who, '/api/instruments/eqsans/submissions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-schema-version': '1',
      'idempotency-key': crypto.randomUUID(),
    },
    body: example,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const firstJob = async (id: string) =>
  (
    (await (await as('sci', `/api/submissions/${id}/jobs`)).json()) as {
      items: { id: string; state: string; attempts: { lines: number }[] }[];
    }
  ).items[0];

/** The number the log's count starts with ("30 of 30,000 lines match", "30,000 lines"). */
const logCount = async (page: Page) =>
  Number((await page.getByTestId('log-count').first().textContent())?.split(' ')[0]?.replace(/\D/g, ''));
const shownSeqs = (page: Page) =>
  page
    .locator('.subs-log__line')
    .evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('data-seq'))));

test('the log search covers the whole stored log, opens unloaded matches in context and follows the tail', async () => {
  const id = await submitAs('sci');
  await expect
    .poll(async () => (await firstJob(id))?.attempts[0]?.lines ?? 0, { timeout: 60_000 })
    .toBe(seq(LINES));
  const page = await sciContext.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/#/submissions/${id}`);
  await expect.poll(() => logCount(page), { timeout: 30_000 }).toBe(seq(LINES));
  // Only the tail is loaded: the first loaded line is far past the first match (line 997).
  await page.getByTestId('log-earlier').waitFor();

  // Every match of the whole log: 30 lines say "error" in some case, 29 of them before the tail.
  const box = page.getByRole('searchbox', { name: 'Search the log' });
  await box.fill('error');
  await expect
    .poll(() => page.getByTestId('log-count').textContent(), { timeout: 15_000 })
    .toBe('30 of 30,001 lines match');
  await page.getByTestId('log-lines').evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect.poll(async () => (await shownSeqs(page))[0]).toBe(seq(997));
  expect((await shownSeqs(page)).slice(0, 3)).toEqual([seq(997), seq(1994), seq(2991)]);
  expect(await page.locator('.subs-log__line mark').first().textContent()).toMatch(/^error$/i);

  // "50%" is literal: the 500 line does not match.
  await box.fill('50%');
  await expect
    .poll(() => page.getByTestId('log-count').textContent(), { timeout: 15_000 })
    .toBe('1 of 30,001 lines match');
  expect(await shownSeqs(page)).toEqual([seq(1234)]);

  // A match that is not loaded opens among its neighbours, read from the service.
  await box.fill('frame 2991 unr');
  await expect
    .poll(() => page.getByTestId('log-count').textContent(), { timeout: 15_000 })
    .toBe('1 of 30,001 lines match');
  await page.locator(`.subs-log__line[data-seq="${seq(2991)}"]`).click();
  await expect
    .poll(() => page.getByTestId('log-context').textContent())
    .toBe(`Lines around line ${seq(2991).toLocaleString('en')}`);
  const around = await shownSeqs(page);
  expect(around).toContain(seq(2990));
  expect(around).toContain(seq(2992));
  expect(around.every((seq, i) => i === 0 || seq === around[i - 1]! + 1)).toBe(true);
  expect(await page.locator('.subs-log__line--hit').getAttribute('data-seq')).toBe(String(seq(2991)));
  expect(await page.locator('.subs-log__line--hit').textContent()).toContain('ERROR: frame 2991 unreadable');
  await page.getByTestId('log-back').click();
  expect(await shownSeqs(page)).toEqual([seq(2991)]);

  // Case folds the Unicode way in the store (SQLite here) and in the highlight: "ÜBERLAUF IN STRASSE"
  // finds "Überlauf in Straße" (ß is ss), and the mark covers the line's own letters.
  await box.fill('ÜBERLAUF IN STRASSE');
  await expect
    .poll(() => page.getByTestId('log-count').textContent(), { timeout: 15_000 })
    .toBe('1 of 30,001 lines match');
  expect(await shownSeqs(page)).toEqual([seq(1236)]);
  expect(await page.locator('.subs-log__line mark').first().textContent()).toBe('Überlauf in Straße');

  // A search that only full case folding matches ("MASSE" is "Maße"): the late lines arrive live and
  // join the count and the list, at the end, counted on the page as the store would count them.
  await box.fill('MASSE');
  await expect
    .poll(() => page.getByTestId('log-count').textContent(), { timeout: 15_000 })
    .toBe('0 of 30,001 lines match');
  writeFileSync(go, '');
  await expect
    .poll(() => page.locator('section.subs-job').first().getAttribute('data-state'), { timeout: 60_000 })
    .toBe('succeeded');
  await expect.poll(() => logCount(page), { timeout: 15_000 }).toBe(3);
  // The same search read again from the store counts the same three.
  await box.fill('');
  await expect.poll(() => logCount(page), { timeout: 15_000 }).toBeGreaterThan(LINES);
  await box.fill('masse');
  await expect.poll(() => logCount(page), { timeout: 15_000 }).toBe(3);
  await box.fill('error');
  await expect.poll(() => logCount(page), { timeout: 15_000 }).toBe(33);
  await page.getByTestId('log-lines').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect
    .poll(async () => (await shownSeqs(page)).slice(-3))
    .toEqual([seq(LINES) + 1, seq(LINES) + 2, seq(LINES) + 3]);
  expect(await page.locator('.subs-log__line').last().textContent()).toContain('late error 3');
  expect(errors).toEqual([]);
  await page.close();
}, 240_000);

test('"only mine" narrows My submissions to the user\'s own, stays in the URL and follows new ones live', async () => {
  // The search test's job (sci's) is there already; now one more of each.
  const sciOwn = await submitAs('sci');
  const coOwn = await submitAs('co');
  const page = await sciContext.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const rowIds = () =>
    page
      .locator('[data-submission]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-submission')));
  await page.goto(`${server.url}/#/submissions`);
  await expect.poll(rowIds, { timeout: 30_000 }).toHaveLength(3);
  expect(await rowIds()).toContain(coOwn);

  await page.getByTestId('only-mine').check();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/submissions?mine');
  await expect.poll(rowIds, { timeout: 30_000 }).toHaveLength(2);
  expect(await rowIds()).not.toContain(coOwn);
  expect(await rowIds()).toContain(sciOwn);

  // A reload keeps the scope.
  await page.reload();
  await expect.poll(rowIds, { timeout: 30_000 }).toHaveLength(2);
  expect(await page.getByTestId('only-mine').isChecked()).toBe(true);

  // Live: the co-member's new submission stays out; the user's own comes in.
  const coLater = await submitAs('co');
  const sciLater = await submitAs('sci');
  await expect.poll(rowIds, { timeout: 30_000 }).toContain(sciLater);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await rowIds()).not.toContain(coLater);
  expect(await rowIds()).toHaveLength(3);

  await page.getByTestId('only-mine').uncheck();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/submissions');
  await expect.poll(rowIds, { timeout: 30_000 }).toHaveLength(5);
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);
