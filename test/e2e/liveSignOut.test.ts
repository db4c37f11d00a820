import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ServerProcess } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { DemoPortal } from './demoPortal';

const portal = new DemoPortal('formulary-live-signout-');
let server: ServerProcess;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ server, browser } = await portal.start());
}, 120_000);

afterAll(async () => {
  await portal.stop();
});

test('a session ended elsewhere turns the live page to "signed out", without reconnecting', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/?instrument=eqsans`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.waitFor({ timeout: 60_000 });
  await form.getByLabel('User name').fill('alice');
  await form.getByLabel('Password').fill('formulary-demo');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await form.waitFor({ state: 'detached', timeout: 30_000 });
  await page.goto(`${server.url}/#/submissions`);
  const badge = page.getByTestId('live-status');
  await expect.poll(() => badge.getAttribute('data-connected'), { timeout: 30_000 }).toBe('true');

  // The same session signs out from elsewhere (its cookie, sent by another client).
  const cookies = await browser.context.cookies(server.url);
  const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = cookies.find((c) => c.name === 'formulary_csrf')?.value ?? '';
  const out = await fetch(`${server.url}/api/auth/logout`, {
    method: 'POST',
    headers: { cookie: header, 'x-csrf-token': csrf },
  });
  expect(out.status).toBe(204);

  await expect
    .poll(() => badge.textContent(), { timeout: 30_000 })
    .toBe('signed out: sign in again to follow it live');
  // Still so a while later: the feed did not reconnect (a reconnect would say "connecting" or "reconnecting").
  await page.waitForTimeout(3000);
  expect(await badge.textContent()).toBe('signed out: sign in again to follow it live');
  expect(await badge.getAttribute('data-connected')).toBe('false');
  // The portal knows: back on the forms (a hash change, no reload), it offers the sign-in form.
  await page.locator('a[href="#/"]').first().click();
  await page.getByRole('form', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
}, 120_000);
