/**
 * Issue 25 in the embed, in Chromium: an open tuple (draft-07 `items: [...]` with `additionalItems`)
 * shows its fixed positions as labelled inputs and the items after them as rows with Add and Remove.
 * Two rest rows are added, one removed, and the server receives the exact array: positions in place,
 * the rest row kept, nothing shifted. Builds the embed bundle first.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    scan: {
      title: 'Scan',
      type: 'array',
      items: [
        { title: 'Detector', type: 'string', enum: ['main', 'wing'], default: 'main' },
        { title: 'Distance', type: 'number', default: 4, 'x-units': 'm' },
      ],
      additionalItems: { title: 'Run', type: 'integer', minimum: 1, default: 12345 },
      maxItems: 5,
    },
  },
};

const page = `<!doctype html><html><head>
<script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form schema-src="/s/tuple.schema.json" submit-url="/submit"></formulary-form></body></html>`;

let browser: LaunchedBrowser;
let site: ServedPage;
const received: unknown[] = [];

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    const url = req.url ?? '';
    if (url === '/s/tuple.schema.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(schema));
      return true;
    }
    if (url === '/s/tuple.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
      return true;
    }
    if (url === '/submit' && req.method === 'POST') {
      void readJsonBody(req).then((body) => {
        received.push(body);
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

test('two rest rows added, one removed: the server receives the positions, then the row kept', async () => {
  const { page: tab, errors } = await openRecorded(browser, new URL('s/tuple.html', site.url).href);
  const add = tab.getByRole('button', { name: 'Add row to Run' });
  await add.waitFor({ timeout: 30_000 });
  await tab.getByLabel('Distance').fill('2.5');
  await add.click();
  await add.click();
  await tab.getByLabel('Run, row 3').fill('88980');
  await tab.getByLabel('Run, row 4').fill('88981');
  await tab.getByRole('button', { name: 'Remove row 3' }).click();
  await expect.poll(() => tab.getByLabel('Run, row 3').inputValue()).toBe('88981');
  expect(await tab.getByLabel('Run, row 4').count()).toBe(0);
  await tab.getByRole('button', { name: 'Submit request' }).click();
  await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
  expect(received).toEqual([{ scan: ['main', 2.5, 88981] }]);
  expect(errors).toEqual([]);
  await tab.close();
});
