/**
 * Issue 33, case 14, in Chromium: a Django-like page whose server refuses a POST without the CSRF token
 * from its cookie. <formulary-form csrf-cookie="csrftoken"> sends the token in X-CSRFToken with every
 * attempt (a retried 503 included), mount() takes a `headers` option, and a page without the cookie
 * gets a message naming it instead of a bare 403. Builds the embed bundle first (a few seconds).
 */
import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

const token = 'Zq9csrfTOKEN42';
const schema = '/src/schemas/instruments/eqsans.schema.json';
const pages: Record<string, { html: string; cookie: boolean }> = {
  '/django.html': {
    cookie: true,
    html: `<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form schema-src="${schema}" submit-url="/submit" csrf-cookie="csrftoken" drafts="off"></formulary-form>
</body></html>`,
  },
  '/no-cookie.html': {
    cookie: false,
    html: `<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form schema-src="${schema}" submit-url="/submit" csrf-cookie="csrftoken" drafts="off"></formulary-form>
</body></html>`,
  },
  '/mounted.html': {
    cookie: true,
    html: `<!doctype html><html><head><script src="/dist/embed/formulary.js"></script></head><body>
<div id="form"></div>
<script>
Formulary.mount(document.getElementById('form'), {
  schemaSrc: '${schema}', submitUrl: '/submit', drafts: false, headers: { 'X-CSRFToken': '${token}' },
});
</script></body></html>`,
  },
};

/** Each POST: its token header, and what the server answered. */
const posts: { header: string | undefined; status: number }[] = [];
/** The server answers 503 to this many POSTs that pass the check, before accepting. */
let busyFirst = 0;
let browser: LaunchedBrowser;
let site: ServedPage;

const cookieToken = (req: IncomingMessage) =>
  /(?:^|;\s*)csrftoken=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    if (req.method === 'POST' && req.url === '/submit') {
      void readJsonBody(req).then(() => {
        const header = req.headers['x-csrftoken'] as string | undefined;
        // Django's check: the header must carry the cookie's token.
        let status = header && header === cookieToken(req) ? 201 : 403;
        if (status === 201 && busyFirst > 0) {
          busyFirst -= 1;
          status = 503;
        }
        posts.push({ header, status });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(status === 403 ? { detail: 'CSRF Failed: CSRF token missing.' } : { id: 'job-1' }),
        );
      });
      return true;
    }
    const page = pages[req.url ?? ''];
    if (!page) return false;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'set-cookie': page.cookie
        ? `csrftoken=${token}; Path=/; SameSite=Lax`
        : 'csrftoken=; Path=/; Max-Age=0',
    });
    res.end(page.html);
    return true;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(() => {
  posts.length = 0;
  busyFirst = 0;
});

async function fillAndSubmit(page: Page): Promise<void> {
  await page.getByLabel(/^IPTS/).waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByLabel(/^IPTS/).fill('19800');
  await page.getByLabel('Run number, row 1').fill('88980');
  await page.getByRole('button', { name: 'Submit request' }).click();
}

test('csrf-cookie sends the token with every attempt: a retried 503 keeps it, the POST is accepted', async () => {
  busyFirst = 1;
  const { page, errors } = await openRecorded(browser, `${site.url}django.html`);
  await fillAndSubmit(page);
  await page.locator('formulary-form [data-outcome="sent"]').waitFor({ timeout: 15_000 });
  expect(posts).toEqual([
    { header: token, status: 503 },
    { header: token, status: 201 },
  ]);
  expect(errors).toEqual([]);
  await page.close();
});

test('mount() with a headers option sends them', async () => {
  const { page } = await openRecorded(browser, `${site.url}mounted.html`);
  await fillAndSubmit(page);
  await page.locator('[data-outcome="sent"]').waitFor({ timeout: 15_000 });
  expect(posts).toEqual([{ header: token, status: 201 }]);
  await page.close();
});

test('without the cookie the form names it, and nothing is POSTed', async () => {
  const { page } = await openRecorded(browser, `${site.url}no-cookie.html`);
  await fillAndSubmit(page);
  const failed = page.locator('formulary-form [data-outcome="failed"]');
  await failed.waitFor({ timeout: 15_000 });
  expect(await failed.textContent()).toContain('no "csrftoken" cookie on this page (csrf-cookie)');
  expect(posts).toEqual([]);
  await page.close();
});
