import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { httpFrom } from '../server/permissions/httpFrom';
import type { ServerProcess } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { DemoPortal } from './demoPortal';

const portal = new DemoPortal('formulary-portal-auth-');
let server: ServerProcess;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ server, browser } = await portal.start());
}, 120_000);

afterAll(async () => {
  await portal.stop();
});

const XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

async function signedIn(username: string, password = 'formulary-demo'): Promise<Page> {
  const page = await browser.context.newPage();
  await browser.context.clearCookies();
  await page.goto(`${server.url}/?instrument=eqsans`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.waitFor({ timeout: 60_000 });
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/** The page's own view of the service: what this browser session may list. */
const listed = (page: Page) =>
  page.evaluate(async () => {
    const response = await fetch('/api/submissions?limit=200');
    return { status: response.status, body: (await response.json()) as { items?: { proposal: string }[] } };
  });

/** Submits the EQSANS form for `ipts`, with `sample` as the first sample name; the POST's status. */
async function submitFor(page: Page, ipts: string, sample: string): Promise<number> {
  await page.getByRole('textbox', { name: /^IPTS/ }).fill(ipts);
  await page.getByRole('textbox', { name: 'Run number, row 1' }).fill('88980');
  await page.getByRole('textbox', { name: 'Sample name, row 1' }).fill(sample);
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().includes('/submissions'),
    { timeout: 60_000 },
  );
  await page
    .getByRole('button', { name: /^Submit/ })
    .first()
    .click();
  return (await answer).status();
}

test('each demo user signs in and sees who they are', async () => {
  const expected: Record<string, RegExp> = {
    alice: /Signed in as Alice.*IPTS-31204, IPTS-33120/,
    bob: /Signed in as Bob.*IPTS-31377/,
    carol: /Signed in as Carol.*eqsans staff/,
    admin: /Signed in as Admin.*administrator/,
  };
  for (const [user, text] of Object.entries(expected)) {
    const page = await signedIn(user);
    const account = page.getByRole('region', { name: 'Account' });
    await account.waitFor({ timeout: 30_000 });
    expect(await account.textContent()).toMatch(text);
    // Signing out brings the form back, and the service forgets the session.
    await account.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    expect((await listed(page)).status).toBe(401);
    await page.close();
  }
}, 180_000);

test('a wrong password is refused in the portal’s language: English, then French', async () => {
  const page = await signedIn('alice', 'not the password');
  const alert = page.locator('.portal-session__error');
  await expect.poll(() => alert.textContent()).toBe('Wrong user name or password.');
  await page.close();

  const french = await browser.context.newPage();
  await french.goto(`${server.url}/?instrument=eqsans&lang=fr`);
  const form = french.locator('form.portal-session--signin');
  await form.waitFor({ timeout: 60_000 });
  await form.locator('input[name=username]').fill('alice');
  await form.locator('input[name=password]').fill('not the password');
  await form.locator('button[type=submit]').click();
  const refusal = french.locator('.portal-session__error');
  await expect.poll(() => refusal.textContent()).toBe('Nom d’utilisateur ou mot de passe incorrect.');
  await french.close();
}, 90_000);

test('what a user may submit and read is what the server decides; <script> in a sample name is text', async () => {
  const alice = await signedIn('alice');
  await alice.getByRole('region', { name: 'Account' }).waitFor();
  expect(await submitFor(alice, '31204', XSS)).toBe(201);
  // The sample name is shown as typed, and nothing in it ran.
  await expect
    .poll(() => alice.locator('body').textContent(), { timeout: 10_000 })
    .toContain('<script>window.__pwned');
  expect(await alice.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await alice.close();

  const bob = await signedIn('bob');
  await bob.getByRole('region', { name: 'Account' }).waitFor();
  // Bob is not on IPTS-31204: the server refuses, and the outbox says why.
  expect(await submitFor(bob, '31204', 'bob tries')).toBe(403);
  await expect
    .poll(() => bob.getByRole('region', { name: 'Outbox' }).textContent(), { timeout: 10_000 })
    .toContain('not a member of IPTS-31204');
  const bobSees = await listed(bob);
  expect(bobSees.status).toBe(200);
  expect(bobSees.body.items).toEqual([]);
  await bob.close();

  const carol = await signedIn('carol');
  await carol.getByRole('region', { name: 'Account' }).waitFor();
  const carolSees = await listed(carol);
  expect(carolSees.body.items!.map((s) => s.proposal)).toEqual(['IPTS-31204']);
  expect(await carol.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await carol.close();
}, 180_000);

test('a name over its sign-in attempt limit is refused in the portal’s words, before any password check', async () => {
  // Ten guesses at the name "dave" from ten other addresses fill its window (10 a minute by default),
  // counted in the server's database; the page, from 127.0.0.1, then meets the limit, not "wrong
  // password". No such account exists: the limit counts names, so it says nothing about which do.
  for (let i = 1; i <= 10; i++) {
    const guess = await httpFrom(`${server.url}/api/auth/login`, {
      method: 'POST',
      from: `127.0.6.${i}`,
      body: JSON.stringify({ username: 'dave', password: `guess ${i}` }),
    });
    expect(guess.status).toBe(401);
  }
  const page = await signedIn('dave', 'any password');
  const alert = page.locator('.portal-session__error');
  await expect
    .poll(() => alert.textContent())
    .toBe(
      'Too many sign-in attempts from this address or for this account, or the account is locked for a while. Try again later.',
    );
  await page.close();
}, 90_000);
