import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { testerFetch as fetch, type ServerProcess } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { DemoPortal } from './demoPortal';

const portal = new DemoPortal('formulary-outbox-e2e-');
let server: ServerProcess;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ server, browser } = await portal.start({ FORMULARY_TEST_FAIL_SUBMISSIONS: '2' }));
});

afterAll(async () => {
  expect(await portal.stop()).toBe(0);
});

const ipts = (page: Page) => page.getByRole('textbox', { name: /^IPTS/ });

interface Listed {
  items: { id: string; idempotencyKey: string; instrument: string; proposal: string | null }[];
}

test('the portal posts to the service; two failures, then exactly one stored, its id in the history', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const posts: number[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().includes('/submissions'))
      posts.push(response.status());
  });
  await page.goto(`${server.url}/?instrument=eqsans`);
  await ipts(page).waitFor({ state: 'visible', timeout: 60_000 });
  // Submitting needs a signed-in user: EQSANS staff may submit for any proposal.
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('User name').fill('carol');
  await signIn.getByLabel('Password').fill('formulary-demo');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor({ timeout: 30_000 });
  // No backend URL was ever set: the portal found the service that served it.
  await expect
    .poll(() => page.getByRole('textbox', { name: 'Backend URL' }).inputValue(), { timeout: 10_000 })
    .toBe(`${server.url}/api/instruments/{instrument}/submissions`);
  await ipts(page).fill('19800');
  await page.getByRole('textbox', { name: 'Run number, row 1' }).fill('88980');
  await page
    .getByRole('button', { name: /^Submit/ })
    .first()
    .click();

  const history = page.getByRole('region', { name: 'History' });
  await history.getByRole('listitem').first().waitFor({ timeout: 60_000 });
  expect(posts).toEqual([503, 503, 201]);

  const listed = (await (await fetch(`${server.url}/api/submissions?instrument=eqsans`)).json()) as Listed;
  expect(listed.items).toHaveLength(1);
  const [stored] = listed.items;
  expect(stored!.proposal).toBe('IPTS-19800');
  // The one key the outbox used on all three attempts holds exactly this submission.
  const byKey = (await (
    await fetch(`${server.url}/api/submissions?idempotencyKey=${encodeURIComponent(stored!.idempotencyKey)}`)
  ).json()) as Listed;
  expect(byKey.items.map((s) => s.id)).toEqual([stored!.id]);
  const request = (await (await fetch(`${server.url}/api/submissions/${stored!.id}/request`)).json()) as {
    job: { scans: { runNumber: string }[] };
  };
  expect(request.job.scans[0]!.runNumber).toContain('88980');

  // The history shows the server's id for it.
  expect(await history.locator('.formulary-history-server-id').first().textContent()).toBe(stored!.id);
  expect(await page.getByRole('region', { name: 'Outbox' }).textContent()).toContain('Nothing waiting');
  expect(errors).toEqual([]);
  await page.close();
});
