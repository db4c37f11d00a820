/** The demo portal, built as `npm start` builds it, opens in Chromium and shows a form. */
import { expect, test } from 'vitest';
import { buildFieldModel, defaultsOf, instrumentCatalogue, loadSchema } from '../../src/schemas/index';
import { clearPortalStorage } from './clearPortalStorage';
import { portalForFile } from './portalForFile';

const portal = portalForFile();

test('the demo portal serves a page with an instrument form in it', async () => {
  const page = await portal.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(portal.site.url);
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
  expect(await page.locator('form.formulary-form h2').count()).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});

test('the live request beside the form shows the default request before any change', async () => {
  const first = instrumentCatalogue[0];
  if (!first) throw new Error('the instrument catalogue is empty');
  const model = buildFieldModel(await loadSchema(first.schemaPath));
  const page = await portal.browser.context.newPage();
  await page.goto(portal.site.url);
  await clearPortalStorage(page);
  await page.reload();
  const live = page.getByTestId('live-request');
  await live.waitFor({ state: 'visible', timeout: 30_000 });
  expect(JSON.parse((await live.textContent()) ?? '')).toEqual(defaultsOf(model));
});

test('a page themes the form with --formulary-* custom properties on any ancestor', async () => {
  const page = await portal.browser.context.newPage();
  await page.goto(portal.site.url);
  const widget = page.locator('.formulary-widget').first();
  await widget.waitFor({ state: 'visible', timeout: 30_000 });
  const focusOf = () =>
    widget.evaluate((el) => getComputedStyle(el).getPropertyValue('--formulary-focus').trim());
  // The default, until the page sets its own on <body>.
  expect(await focusOf()).toBe('#1a5fd6');
  await page.evaluate(() => document.body.style.setProperty('--formulary-focus', '#0b6e4f'));
  expect(await focusOf()).toBe('#0b6e4f');
});
