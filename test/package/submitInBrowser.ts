/**
 * The browser half of consumers 4 and 5: serve a consumer project's folder on 127.0.0.1 with a
 * POST /requests endpoint, open a page in Chromium, fill three EQSANS fields, submit, and return what
 * the server received, beside the request the schema says it must be (its defaults with those changes).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildFieldModel, defaultsOf, loadSchema, setAt } from '../../src/schemas/index';
import { type LaunchedBrowser, launchChromium } from '../e2e/chromium';
import { openRecorded } from '../e2e/embedTestPage';
import { readJsonBody, servePage } from '../e2e/servePage';

export interface Submitted {
  /** The widgets' --formulary-focus: set only when the form's stylesheets reached the page. */
  readonly focusColour: string;
  readonly received: unknown[];
  readonly expected: Record<string, unknown>;
  readonly errors: string[];
}

/** The EQSANS default request with the three values fillAndSubmit types. */
export async function expectedRequest(): Promise<Record<string, unknown>> {
  const loaded = await loadSchema('src/schemas/instruments/eqsans.schema.json');
  let expected = defaultsOf(buildFieldModel(loaded)) as Record<string, unknown>;
  expected = setAt(expected, '/iptsNumber', 19800);
  expected = setAt(expected, '/job/scans/0/runNumber', '88980');
  return setAt(expected, '/job/scans/0/sampleName', 'lysozyme in D2O');
}

async function fillAndSubmit(page: Page, formSelector: string, errors: string[]): Promise<string> {
  try {
    await page.locator(formSelector).waitFor({ state: 'visible', timeout: 30_000 });
  } catch (error) {
    // Say what the page shows instead (an error box names the failing URL) and what it logged.
    const shown = await page.locator('body').textContent();
    throw new Error(`${(error as Error).message}\npage shows: ${shown}\npage errors: ${errors.join('\n')}`);
  }
  const focusColour = await page
    .locator(`${formSelector} .formulary-widget`)
    .first()
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--formulary-focus').trim());
  await page.getByLabel(/^IPTS/).fill('19800');
  await page.getByLabel('Run number, row 1').fill('88980');
  await page.getByLabel('Sample name, row 1').fill('lysozyme in D2O');
  await page.getByRole('button', { name: 'Submit request' }).click();
  return focusColour;
}

/** Serves `dir`, opens `path`, fills and submits the form found by `formSelector`. */
export async function submitInBrowser(dir: string, path: string, formSelector: string): Promise<Submitted> {
  const received: unknown[] = [];
  const site = await servePage(dir, (req, res) => {
    if (req.method !== 'POST' || req.url !== '/requests') return false;
    void readJsonBody(req).then((body) => {
      received.push(body);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":"job-1"}');
    });
    return true;
  });
  let browser: LaunchedBrowser | undefined;
  try {
    browser = await launchChromium();
    const { page, errors } = await openRecorded(browser, `${site.url}${path}`);
    const focusColour = await fillAndSubmit(page, formSelector, errors);
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    return { focusColour, received, expected: await expectedRequest(), errors };
  } finally {
    await browser?.close();
    await site.close();
  }
}
