/**
 * The embed's entry script paints first and validates second (issue 26), in Chromium: the second file
 * (formulary-validator.js: ajv) is fetched from beside the entry once the form shows, a submit before
 * it has arrived waits for it so that only ajv can refuse what only ajv checks, and it loads under
 * `script-src 'self'` and under a nonce policy (the entry's nonce is carried over), and from another
 * origin with and without `crossorigin` (CORS). Builds the embed first.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic } from '../../scripts/serve.js';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

const validatorPath = '/dist/embed/formulary-validator.js';
const eqsans = '/src/schemas/instruments/eqsans.schema.json';

// Only ajv reads a `not` at the root: the TypeScript checks would let "forbidden" through.
const notForbidden = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['sampleName'],
  properties: { sampleName: { type: 'string', title: 'Sample name' } },
  not: { properties: { sampleName: { const: 'forbidden' } }, required: ['sampleName'] },
};

const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

interface Served {
  html: string;
  policy?: string;
}

let browser: LaunchedBrowser;
let site: ServedPage;
let cdn: ServedPage;
const pages = new Map<string, Served>();
const received: unknown[] = [];
/** Every request for the second file: which server, and its Origin header (CORS mode sends one). */
const validatorRequests: { server: 'site' | 'cdn'; origin: string | undefined }[] = [];
let holdValidator = false;
const held: ServerResponse[] = [];

function serveValidator(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
  createReadStream(`.${validatorPath}`).pipe(res);
}

function siteHandler(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const served = pages.get(path);
  if (served) {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(served.policy ? { 'content-security-policy': served.policy } : {}),
    });
    res.end(served.html);
    return true;
  }
  if (path === '/not-forbidden.schema.json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(notForbidden));
    return true;
  }
  if (path === validatorPath) {
    validatorRequests.push({ server: 'site', origin: req.headers.origin });
    if (holdValidator) held.push(res);
    else serveValidator(res);
    return true;
  }
  if (req.method === 'POST' && path === '/submit') {
    void readJsonBody(req).then((body) => {
      received.push(body);
      res.writeHead(201, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify({ id: `job-${received.length}` }));
    });
    return true;
  }
  return false;
}

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', siteHandler);
  // Another origin (another port) serving the same files with CORS, as a CDN would.
  const cors = { 'access-control-allow-origin': '*' };
  const served = await serveStatic('.', {
    port: 0,
    headers: cors,
    handle: (req: IncomingMessage, res: ServerResponse) => {
      if ((req.url ?? '').split('?')[0] !== validatorPath) return false;
      validatorRequests.push({ server: 'cdn', origin: req.headers.origin });
      serveValidator(res, cors);
      return true;
    },
  });
  cdn = { url: served.url, close: served.close };
  browser = await launchChromium();
});

afterAll(async () => {
  for (const res of held.splice(0)) res.destroy();
  await browser?.close();
  await site?.close();
  await cdn?.close();
});

async function validatorReady(p: import('playwright-core').Page): Promise<number> {
  return p.evaluate(() => performance.getEntriesByName('formulary:validator-ready').length);
}

describe('the embed loads ajv as a second file', () => {
  test('fetched once the form shows; a submit before it arrives waits, and ajv refuses what only it checks', async () => {
    pages.set('/held.html', {
      html: page(
        '<script src="/dist/embed/formulary.js" defer></script>',
        '<formulary-form schema-src="/not-forbidden.schema.json" submit-url="/submit" drafts="off"></formulary-form>',
      ),
    });
    validatorRequests.length = 0;
    received.length = 0;
    holdValidator = true;
    const { page: p, errors } = await openRecorded(browser, `${site.url}held.html`);
    const name = p.getByRole('textbox', { name: 'Sample name' });
    await name.waitFor({ state: 'visible', timeout: 30_000 });
    // Fetched from beside the entry once the form is on screen, without a submit.
    await expect.poll(() => validatorRequests.length, { timeout: 10_000 }).toBe(1);
    expect(validatorRequests[0]?.server).toBe('site');

    await name.fill('forbidden');
    await p.getByRole('button', { name: 'Submit request' }).click();
    // The TypeScript checks find nothing, but the request is not sent while ajv is on its way.
    await p.getByRole('status').filter({ hasText: 'Checking the request' }).waitFor({ state: 'visible' });
    await p.waitForTimeout(1_000);
    expect(received).toEqual([]);
    expect(await validatorReady(p)).toBe(0);

    holdValidator = false;
    for (const res of held.splice(0)) serveValidator(res);
    await expect.poll(() => validatorReady(p), { timeout: 10_000 }).toBe(1);
    // ajv judged the waiting submit: refused, nothing sent.
    await p.locator('formulary-form .formulary-summary').waitFor({ state: 'visible', timeout: 10_000 });
    expect(received).toEqual([]);
    expect(await p.getByRole('status').filter({ hasText: 'Checking the request' }).count()).toBe(0);

    await name.fill('lysozyme in D2O');
    await p.getByRole('button', { name: 'Submit request' }).click();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    expect(received[0]).toEqual({ sampleName: 'lysozyme in D2O' });
    expect(validatorRequests).toHaveLength(1);
    expect(errors).toEqual([]);
    await p.close();
  });

  const policies = [
    {
      name: "script-src 'self' 'unsafe-eval'",
      policy: "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'; object-src 'none'",
      script: '<script src="/dist/embed/formulary.js" defer></script>',
    },
    {
      // No 'self': only a script carrying the nonce runs, so the second file must be given it.
      name: "script-src 'nonce-…' 'unsafe-eval' (no 'self')",
      policy:
        "default-src 'self'; script-src 'nonce-c2NyaXB0' 'unsafe-eval'; style-src 'self'; object-src 'none'",
      script: '<script nonce="c2NyaXB0" src="/dist/embed/formulary.js" defer></script>',
    },
  ];
  for (const { name, policy, script } of policies) {
    test(`loads under a strict policy: ${name}`, async () => {
      const path = `/strict-${policies.findIndex((x) => x.name === name)}.html`;
      pages.set(path, {
        policy,
        html: page(
          script,
          `<formulary-form schema-src="${eqsans}" submit-url="/submit" drafts="off"></formulary-form>`,
        ),
      });
      validatorRequests.length = 0;
      const { page: p, errors } = await openRecorded(browser, `${site.url}${path.slice(1)}`);
      await p.getByLabel(/^IPTS/).waitFor({ state: 'visible', timeout: 30_000 });
      await expect.poll(() => validatorReady(p), { timeout: 15_000 }).toBe(1);
      expect(validatorRequests).toHaveLength(1);
      // No violation reported (a blocked script would be one) and no notice that checks are off.
      expect(errors).toEqual([]);
      expect(await p.locator('formulary-form .formulary-notice', { hasText: 'unsafe-eval' }).count()).toBe(0);
      await p.close();
    });
  }

  for (const crossorigin of [false, true]) {
    test(`served from another origin${crossorigin ? ' with crossorigin="anonymous" (CORS)' : ''}`, async () => {
      const path = `/cross-${crossorigin}.html`;
      pages.set(path, {
        html: page(
          `<script src="${cdn.url}dist/embed/formulary.js"${crossorigin ? ' crossorigin="anonymous"' : ''} defer></script>`,
          `<formulary-form schema-src="${cdn.url}${eqsans.slice(1)}" submit-url="/submit" drafts="off"></formulary-form>`,
        ),
      });
      validatorRequests.length = 0;
      const { page: p, errors } = await openRecorded(browser, `${site.url}${path.slice(1)}`);
      await p.getByLabel(/^IPTS/).waitFor({ state: 'visible', timeout: 30_000 });
      await expect.poll(() => validatorReady(p), { timeout: 15_000 }).toBe(1);
      // From beside the entry, on the other origin; in CORS mode exactly when the entry was.
      expect(validatorRequests).toEqual([
        { server: 'cdn', origin: crossorigin ? site.url.replace(/\/$/, '') : undefined },
      ]);
      expect(errors).toEqual([]);
      await p.close();
    });
  }
});
