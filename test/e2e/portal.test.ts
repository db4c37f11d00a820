/** The demo portal, built as `npm start` builds it, opens in Chromium and shows a form. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { type ServedPage, servePage } from './servePage';

let browser: LaunchedBrowser;
let site: ServedPage;

beforeAll(async () => {
  site = await servePage('dist/app');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

test('the demo portal serves a page with an instrument form in it', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url);
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
  expect(await page.locator('form.formulary-form h2').count()).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});
