import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ServerProcess, testerFetch } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { DemoPortal } from './demoPortal';

const portal = new DemoPortal('formulary-new-defaults-');
let server: ServerProcess;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ server, browser } = await portal.start());
}, 120_000);

afterAll(async () => {
  await portal.stop();
});

/** Carol, EQSANS staff, changes defaults through the API as a script of hers would (cookie + CSRF). */
async function carolSets(set: Record<string, unknown>): Promise<void> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'carol', password: 'formulary-demo' }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const patch = await fetch(`${server.url}/api/instruments/eqsans/defaults`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ set }),
  });
  expect(patch.status, await patch.clone().text()).toBe(200);
}

async function aliceForm(): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/?instrument=eqsans`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.waitFor({ timeout: 60_000 });
  await form.getByLabel('User name').fill('alice');
  await form.getByLabel('Password').fill('formulary-demo');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('region', { name: 'Account' }).waitFor({ timeout: 30_000 });
  await page.getByRole('textbox', { name: /^IPTS/ }).waitFor({ timeout: 60_000 });
  return page;
}

/** The text input of the field at `pointer`, its section opened from the table of contents. */
async function field(page: Page, section: string, pointer: string): Promise<Locator> {
  const scope = page.locator('main.portal__form');
  const input = scope.locator(`[data-pointer="${pointer}"] input[type="text"]`).first();
  await scope.getByRole('link', { name: section, exact: true }).first().click();
  await input.waitFor({ timeout: 30_000 });
  await input.scrollIntoViewIfNeeded();
  return input;
}

const submitButton = (page: Page) => page.getByRole('button', { name: /^Submit/ }).first();
const notice = (page: Page) => page.getByRole('region', { name: /eqsans defaults/ });

test('submit on old defaults asks; the new defaults go to untouched fields, typed values stay, and the request says which defaults', async () => {
  const alice = await aliceForm();
  await alice.getByRole('textbox', { name: /^IPTS/ }).fill('31204');
  await alice.getByRole('textbox', { name: 'Run number, row 1' }).fill('88980');
  await alice.getByRole('textbox', { name: 'Sample name, row 1' }).fill('lysozyme');
  const radius = await field(alice, 'Beam center', '/beamCenter/comRadius');
  expect(await radius.inputValue()).toBe('50');
  await radius.fill('75');
  await radius.blur();

  // At noon the wavelength step is corrected and the radius default changed, while Alice's form is open.
  await carolSets({ '/wavelength/wavelengthStep': 0.05, '/beamCenter/comRadius': 60 });

  // Submit asks before sending; nothing is POSTed.
  let posts = 0;
  alice.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/submissions')) posts++;
  });
  await submitButton(alice).click();
  const question = alice
    .getByRole('alert')
    .filter({ hasText: 'defaults changed since this form was opened' });
  await question.waitFor({ timeout: 30_000 });
  expect(await question.textContent()).toContain('2 fields');
  expect(posts).toBe(0);
  const items = await notice(alice).locator('li').allInnerTexts();
  expect(items).toHaveLength(2);
  expect(items.join('\n')).toMatch(
    /Centre-of-mass radius \/beamCenter\/comRadius: 50 → 60 — changed by carol on/,
  );
  expect(items.join('\n')).toMatch(/\/wavelength\/wavelengthStep: 0\.1 → 0\.05 — changed by carol on/);

  await question.getByRole('button', { name: 'Use the new defaults' }).click();
  const applied = alice.getByRole('status').filter({ hasText: 'now uses the new defaults' });
  await applied.waitFor({ timeout: 30_000 });
  expect(await applied.textContent()).toContain('1 field took its new default');
  expect(await applied.textContent()).toContain(
    'Centre-of-mass radius: kept your value 75 (the new default is 60)',
  );
  expect(await notice(alice).count()).toBe(0);
  expect(await (await field(alice, 'Beam center', '/beamCenter/comRadius')).inputValue()).toBe('75');
  expect(await alice.getByRole('textbox', { name: 'Sample name, row 1' }).inputValue()).toBe('lysozyme');

  // Now current: submit sends at once, without asking again.
  const answer = alice.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().includes('/submissions'),
    { timeout: 60_000 },
  );
  await submitButton(alice).click();
  const response = await answer;
  expect(response.status()).toBe(201);
  expect(response.request().headers()['x-defaults-revision']).toBe('1');
  const { id } = (await response.json()) as { id: string };
  const stored = (await (await testerFetch(`${server.url}/api/submissions/${id}`)).json()) as {
    defaultsRevision: number;
    request: { beamCenter: { comRadius: number }; wavelength: { wavelengthStep: number } };
  };
  expect(stored.request.wavelength.wavelengthStep).toBe(0.05);
  expect(stored.request.beamCenter.comRadius).toBe(75);
  expect(stored.defaultsRevision).toBe(1);
  await alice.close();
}, 240_000);

test('a change is noticed when the page regains focus; a draft restored later says it was made against older defaults', async () => {
  const alice = await aliceForm();
  await alice.getByRole('textbox', { name: 'Sample name, row 1' }).fill('myoglobin');
  await alice.getByRole('textbox', { name: 'Sample name, row 1' }).blur();
  // The autosave (500 ms after the last change) holds the draft and the defaults it was made against.
  await expect.poll(() => alice.locator('.formulary-draft-status').textContent()).toMatch(/Saved/i);

  await carolSets({ '/wavelength/wavelengthStep': 0.02 });
  expect(await notice(alice).count()).toBe(0);
  // Alice looks at another tab, then comes back to the form.
  const other = await browser.context.newPage();
  await other.goto('about:blank');
  await alice.bringToFront();
  // Headless Chromium has no window focus to give (bringToFront fires nothing): the test sends the
  // focus event a desktop's window manager would.
  await alice.evaluate(() => window.dispatchEvent(new Event('focus')));
  await notice(alice).waitFor({ timeout: 30_000 });
  expect(await notice(alice).locator('li').allInnerTexts()).toEqual([
    expect.stringMatching(/\/wavelength\/wavelengthStep: 0\.05 → 0\.02 — changed by carol on/),
  ]);
  await other.close();

  // She reloads without acting on it: the draft comes back with its own defaults, and says so.
  await alice.reload();
  await notice(alice).waitFor({ timeout: 60_000 });
  expect(await notice(alice).getByRole('heading').textContent()).toBe(
    'This draft was made against older eqsans defaults (revision 1); they have changed since',
  );
  expect(await alice.getByRole('textbox', { name: 'Sample name, row 1' }).inputValue()).toBe('myoglobin');
  await notice(alice).getByRole('button', { name: 'Use the new defaults' }).click();
  await alice
    .getByRole('status')
    .filter({ hasText: '1 field took its new default' })
    .waitFor({ timeout: 30_000 });
  expect(await alice.getByRole('textbox', { name: 'Sample name, row 1' }).inputValue()).toBe('myoglobin');
  // The draft now records today's defaults: a reload shows no notice.
  await expect.poll(() => alice.locator('.formulary-draft-status').textContent()).toMatch(/Saved/i);
  await alice.reload();
  await alice.getByRole('textbox', { name: /^IPTS/ }).waitFor({ timeout: 60_000 });
  await alice.waitForTimeout(500);
  expect(await notice(alice).count()).toBe(0);
  expect(await alice.getByRole('textbox', { name: 'Sample name, row 1' }).inputValue()).toBe('myoglobin');
  await alice.close();
}, 240_000);

test('"Send with the old defaults" sends what the form holds, saying which defaults, and is not asked again', async () => {
  const alice = await aliceForm();
  await alice.getByRole('textbox', { name: /^IPTS/ }).fill('31204');
  await alice.getByRole('textbox', { name: 'Run number, row 1' }).fill('88981');
  await alice.getByRole('textbox', { name: 'Sample name, row 1' }).fill('apoferritin');
  const opened = (await (await fetch(`${server.url}/api/instruments/eqsans/defaults`)).json()) as {
    revision: number;
  };
  const step = (await carolSetsAndRead({ '/wavelength/wavelengthStep': 0.03 })) as number;
  expect(step).toBe(0.03);

  const posted = () =>
    alice.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/submissions'), {
      timeout: 60_000,
    });
  await submitButton(alice).click();
  const question = alice
    .getByRole('alert')
    .filter({ hasText: 'defaults changed since this form was opened' });
  await question.waitFor({ timeout: 30_000 });
  const first = posted();
  await question.getByRole('button', { name: 'Send with the old defaults' }).click();
  const response = await first;
  expect(response.status()).toBe(201);
  expect(response.request().headers()['x-defaults-revision']).toBe(String(opened.revision));
  const { id } = (await response.json()) as { id: string };
  const stored = (await (await testerFetch(`${server.url}/api/submissions/${id}`)).json()) as {
    defaultsRevision: number;
    request: { wavelength: { wavelengthStep: number } };
  };
  // She chose to: the form's value (the defaults it opened on) went, and the record says which.
  expect(stored.request.wavelength.wavelengthStep).toBe(0.02);
  expect(stored.defaultsRevision).toBe(opened.revision);
  // The notice stays until she acts on it, but submit does not ask a second time for these defaults.
  expect(await notice(alice).count()).toBe(1);
  await alice.waitForTimeout(1_600); // the portal's pause after an accepted submission
  // The accepted submission cleared the form: she fills the next one.
  await alice.getByRole('textbox', { name: /^IPTS/ }).fill('31204');
  await alice.getByRole('textbox', { name: 'Run number, row 1' }).fill('88982');
  await alice.getByRole('textbox', { name: 'Sample name, row 1' }).fill('apoferritin, again');
  const second = posted();
  await submitButton(alice).click();
  expect((await second).status()).toBe(201);
  expect(await question.count()).toBe(0);
  await alice.close();
}, 240_000);

/** carolSets, then the instrument's wavelength step as GET /defaults reads it. */
async function carolSetsAndRead(set: Record<string, unknown>): Promise<unknown> {
  await carolSets(set);
  const overlay = (await (await fetch(`${server.url}/api/instruments/eqsans/defaults`)).json()) as {
    overrides: { pointer: string; value: unknown }[];
  };
  return overlay.overrides.find((o) => o.pointer === '/wavelength/wavelengthStep')?.value;
}
