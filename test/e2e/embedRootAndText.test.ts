/**
 * Issue 25 in the embed, in Chromium: a schema whose root is a list or a text is a form whose request
 * is that value (the server receives the list or the text, not `{}`), and a form-data-src request typed
 * as text ("6", "true", "-30, 60") is read with the widgets' parsers, listed in the notice, and
 * submitted typed. Builds the embed bundle first.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

const schemas: Record<string, object> = {
  text: { title: 'Sample name', type: 'string', default: 'water' },
  list: {
    title: 'Samples',
    type: 'array',
    items: { type: 'object', properties: { name: { title: 'Name', type: 'string' } } },
  },
  typed: {
    title: 'Reduction',
    type: 'object',
    properties: {
      wavelength: { title: 'Wavelength', type: 'number', 'x-units': 'Å' },
      useMonitor: { title: 'Use monitor', type: 'boolean', default: false },
      wedgeAngle: {
        title: 'Wedge angle',
        anyOf: [
          { type: 'number', minimum: -90, maximum: 270 },
          { type: 'array', items: { type: 'number', minimum: -90, maximum: 270 } },
          { type: 'null' },
        ],
      },
    },
  },
};
const prefills: Record<string, unknown> = {
  list: [{ name: 'a' }],
  typed: { wavelength: '6', useMonitor: 'true', wedgeAngle: '-30, 60' },
};

const pageFor = (name: string) => `<!doctype html><html><head>
<script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form schema-src="/s/${name}.schema.json" submit-url="/submit/${name}"${
  name in prefills ? ` form-data-src="/s/${name}.request.json"` : ''
}></formulary-form></body></html>`;

let browser: LaunchedBrowser;
let site: ServedPage;
const received = new Map<string, unknown[]>();

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    const url = req.url ?? '';
    const file = /^\/s\/(\w+)\.(schema|request)\.json$/.exec(url);
    const page = /^\/s\/(\w+)\.html$/.exec(url);
    const submit = /^\/submit\/(\w+)$/.exec(url);
    if (file?.[1] && file[1] in schemas) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(file[2] === 'schema' ? schemas[file[1]] : prefills[file[1]]));
      return true;
    }
    if (page?.[1] && page[1] in schemas) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pageFor(page[1]));
      return true;
    }
    if (submit?.[1] && req.method === 'POST') {
      void readJsonBody(req).then((body) => {
        received.set(submit[1]!, [...(received.get(submit[1]!) ?? []), body]);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{}');
      });
      return true;
    }
    return false;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const open = (name: string) => openRecorded(browser, new URL(`s/${name}.html`, site.url).href);

test('a text root: the server receives the typed text itself', async () => {
  const { page, errors } = await open('text');
  const input = page.locator('formulary-form input[type="text"]').first();
  await input.waitFor({ timeout: 30_000 });
  await input.fill('D2O');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect.poll(() => received.get('text')?.length ?? 0, { timeout: 15_000 }).toBe(1);
  expect(received.get('text')).toEqual(['D2O']);
  expect(errors).toEqual([]);
  await page.close();
});

test('a list root prefilled by form-data-src: a row added, the server receives the list', async () => {
  const { page, errors } = await open('list');
  const add = page.getByRole('button', { name: 'Add row to Samples' });
  await add.waitFor({ timeout: 30_000 });
  await add.click();
  await page.getByLabel('Name, row 2').fill('b');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect.poll(() => received.get('list')?.length ?? 0, { timeout: 15_000 }).toBe(1);
  expect(received.get('list')).toEqual([[{ name: 'a' }, { name: 'b' }]]);
  expect(errors).toEqual([]);
  await page.close();
});

test('form-data-src typed as text is read as numbers and booleans, listed, and submitted typed', async () => {
  const { page, errors } = await open('typed');
  const notice = page.locator('formulary-form .formulary-import-notice');
  await notice.waitFor({ timeout: 30_000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain('/wavelength: "6" read as 6');
  expect(text).toContain('/useMonitor: "true" read as true');
  expect(text).toContain('/wedgeAngle: "-30, 60" read as [-30,60]');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect.poll(() => received.get('typed')?.length ?? 0, { timeout: 15_000 }).toBe(1);
  expect(received.get('typed')).toEqual([{ wavelength: 6, useMonitor: true, wedgeAngle: [-30, 60] }]);
  expect(errors).toEqual([]);
  await page.close();
});
