/**
 * `npx formulary preview` from the installed package, in the consumer project that has no React, no
 * Vite and no tsx: the command serves the page built into the package (dist/preview, React inside),
 * Chromium shows the form of the facility's two-file schema, and a save on disk reaches the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from '../e2e/chromium';
import { type RunningPreview, startPreview } from '../e2e/startPreview';
import { addFacilityFiles } from './facilityFiles';
import { consumerEnv } from './runProcess';

const { node: project } = inject('packageProjects');
let browser: LaunchedBrowser;
let preview: RunningPreview;

beforeAll(async () => {
  addFacilityFiles(project);
  // The installed bin (node_modules/.bin/formulary links to the package's bin/formulary.js).
  preview = await startPreview(['schemas/eqsans.schema.json'], project, {
    bin: join(project, 'node_modules/.bin/formulary'),
    env: consumerEnv({ npm_config_offline: 'true' }),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

test('the installed command previews a schema in the browser and follows a save', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${preview.url}/`);
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByLabel(/^IPTS \*$/).fill('IPTS-4242');
  const schema = join(project, 'schemas/eqsans.schema.json');
  const value = JSON.parse(readFileSync(schema, 'utf8'));
  value.properties.iptsNumber.title = 'Proposal';
  writeFileSync(schema, JSON.stringify(value, null, 2));
  await page.locator('.preview-page[data-schema-revision="2"]').waitFor({ timeout: 10_000 });
  expect(await page.getByLabel(/^Proposal \*$/).inputValue()).toBe('IPTS-4242');
  expect(errors).toEqual([]);
});
