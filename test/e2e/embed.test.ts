/**
 * The one-script-tag embed in Chromium: examples/plain-page (a portal page with clashing CSS) loads
 * dist/embed/formulary.js, the EQSANS schema is fetched by URL (its common.json ref resolved beside it),
 * three fields are filled and submitted; the body the server received must equal the schema's default
 * request with those three changes. A schema-src that 404s must show an error naming the URL.
 * Builds the embed bundle first (vite build --mode embed, a few seconds).
 */
import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFieldModel, defaultsOf, loadSchema, setAt } from '../../src/schemas/index';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

let browser: LaunchedBrowser;
let site: ServedPage;
/** The same files from another port: another origin, which sends no CORS headers. */
let otherOrigin: ServedPage;
const received: { url: string; body: unknown; headers: IncomingMessage['headers'] }[] = [];

const brokenPage = `<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head>
<body><h1>Broken</h1><formulary-form schema-src="/no/such/instrument.schema.json" submit-url="/submit"></formulary-form></body></html>`;

const readonlyPage = `<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head>
<body><formulary-form readonly schema-src="/src/schemas/instruments/eqsans.schema.json" form-data-src="/last-request.json"
  submit-url="/submit"></formulary-form></body></html>`;

beforeAll(async () => {
  buildEmbed();
  // The repository root: the example page reaches the bundle and the schemas by relative paths, as documented.
  site = await servePage('.', (req, res) => {
    if (req.method === 'POST' && req.url === '/submit') {
      void readJsonBody(req).then((body) => {
        received.push({ url: req.url ?? '', body, headers: req.headers });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'job-1' }));
      });
      return true;
    }
    if (req.url === '/readonly.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readonlyPage);
      return true;
    }
    if (req.url === '/last-request.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ iptsNumber: 4242 }));
      return true;
    }
    if (req.url === '/cross-origin.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head>
<body><formulary-form schema-src="${otherOrigin.url}src/schemas/instruments/eqsans.schema.json"></formulary-form></body></html>`);
      return true;
    }
    if (req.url === '/prefill-not-json.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head>
<body><formulary-form schema-src="/src/schemas/instruments/eqsans.schema.json" form-data-src="/broken.html"></formulary-form></body></html>`);
      return true;
    }
    if (req.url === '/broken.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(brokenPage);
      return true;
    }
    return false;
  });
  otherOrigin = await servePage('.');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await otherOrigin?.close();
});

function open(path: string): Promise<{ page: Page; errors: string[] }> {
  return openRecorded(browser, `${site.url}${path}`);
}

describe('<formulary-form> on a plain portal page', () => {
  test('fill three fields, submit: the server receives the default request with those changes', async () => {
    const loaded = await loadSchema('src/schemas/instruments/eqsans.schema.json');
    let expected = defaultsOf(buildFieldModel(loaded)) as Record<string, unknown>;
    expected = setAt(expected, '/iptsNumber', 19800);
    expected = setAt(expected, '/job/scans/0/runNumber', '88980');
    expected = setAt(expected, '/job/scans/0/sampleName', 'lysozyme in D2O');

    const { page, errors } = await open('examples/plain-page/');
    const form = page.locator('formulary-form form.formulary-form');
    await form.waitFor({ state: 'visible', timeout: 30_000 });

    // The portal's `label { display: none }` and dashed inputs stop at the shadow root.
    const ipts = page.getByLabel(/^IPTS/);
    await expect.poll(() => ipts.isVisible()).toBe(true);
    expect(await page.locator('formulary-form label', { hasText: 'IPTS' }).isVisible()).toBe(true);
    expect(await ipts.evaluate((el) => getComputedStyle(el).borderTopStyle)).not.toBe('dashed');
    // The portal's theme on the element reaches the widgets inside the shadow root.
    expect(
      await page
        .locator('formulary-form .formulary-widget')
        .first()
        .evaluate((el) => getComputedStyle(el).getPropertyValue('--formulary-focus').trim()),
    ).toBe('#0b6e4f');
    // Every stylesheet of the form reaches the shadow root: the search results drop down over the form.
    await page.getByPlaceholder(/Label, key, unit/).fill('wavelength');
    const results = page.locator('formulary-form .formulary-search__results');
    await results.waitFor({ state: 'visible' });
    expect(await results.evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    await page.getByPlaceholder(/Label, key, unit/).fill('');

    const changes: unknown[] = [];
    await page.evaluate(() => {
      const w = window as unknown as { changes: unknown[] };
      w.changes = [];
      document
        .querySelector('formulary-form')!
        .addEventListener('formulary-change', (e) => w.changes.push((e as CustomEvent).detail));
    });

    await ipts.fill('19800');
    await page.getByLabel('Run number, row 1').fill('88980');
    await page.getByLabel('Sample name, row 1').fill('lysozyme in D2O');
    await page.getByRole('button', { name: 'Submit request' }).click();

    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    expect(received[0]!.body).toEqual(expected);
    expect(received[0]!.headers['content-type']).toMatch(/application\/json/);
    // The page heard formulary-submit (detail: the request) and the element says it was sent.
    await expect
      .poll(() => page.locator('#portal-message').textContent())
      .toBe('Submitting a request for IPTS 19800…');
    await expect.poll(() => page.locator('formulary-form [data-outcome="sent"]').count()).toBe(1);
    // formulary-change carried the request as it was typed.
    const changes2 = await page.evaluate(() => (window as unknown as { changes: unknown[] }).changes);
    changes.push(...changes2);
    expect(changes.at(-1)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('readonly with form-data-src shows the prefilled request and cannot submit', async () => {
    const { page, errors } = await open('readonly.html');
    const ipts = page.getByLabel(/^IPTS/);
    await ipts.waitFor({ timeout: 30_000 });
    expect(await ipts.inputValue()).toBe('4242');
    expect(await page.getByRole('button', { name: 'Submit request' }).isDisabled()).toBe(true);
    expect(
      await page.evaluate(
        () =>
          (document.querySelector('formulary-form')!.getRequest() as { iptsNumber?: number } | undefined)
            ?.iptsNumber,
      ),
    ).toBe(4242);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a broken schema-src shows an error naming the URL inside the element', async () => {
    const { page, errors } = await open('broken.html');
    const problem = page.locator('formulary-form [role="alert"]');
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain('could not be loaded');
    expect(text).toContain(`${site.url}no/such/instrument.schema.json`);
    expect(text).toMatch(/404/);
    expect(await page.locator('formulary-form form').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a schema-src on another origin without CORS headers says so, naming the URL', async () => {
    const { page, errors } = await open('cross-origin.html');
    const problem = page.locator('formulary-form [role="alert"]');
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain(`${otherOrigin.url}src/schemas/instruments/eqsans.schema.json`);
    expect(text).toContain('Access-Control-Allow-Origin');
    // The browser's own report of the blocked request is the only thing logged.
    expect(errors.filter((e) => !/CORS policy/.test(e))).toEqual([]);
    await page.close();
  });

  test('a form-data-src that is not JSON says so, naming the URL', async () => {
    const { page, errors } = await open('prefill-not-json.html');
    const problem = page.locator('formulary-form [role="alert"]');
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain(`${site.url}broken.html`);
    expect(text).toContain('not JSON');
    expect(errors).toEqual([]);
    await page.close();
  });
});
