/**
 * <formulary-form> on a page whose Content-Security-Policy forbids 'unsafe-eval' and inline styles
 * (common on facility sites), in Chromium: ajv cannot compile the schema there, and a <style> element
 * would be blocked. The form must still load with its styles, say which checks are off, check each field's own limits and required fields itself, refuse an incomplete request and
 * send a complete one. Builds the embed bundle first.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFieldModel, defaultsOf, loadSchema, setAt } from '../../src/schemas/index';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

let browser: LaunchedBrowser;
let site: ServedPage;
const received: unknown[] = [];
// The second file (ajv) could not run under this policy, so it must never be fetched.
let validatorFetches = 0;

// Neither 'unsafe-eval' (ajv compiles schemas to functions) nor 'unsafe-inline' (<style> elements).
const policy = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
const strictPage = `<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head>
<body><formulary-form schema-src="/src/schemas/instruments/eqsans.schema.json" submit-url="/submit"
  drafts="off"></formulary-form></body></html>`;

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    if ((req.url ?? '').includes('formulary-validator')) validatorFetches++;
    if (req.url === '/strict.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy });
      res.end(strictPage);
      return true;
    }
    if (req.method === 'POST' && req.url === '/submit') {
      void readJsonBody(req).then((body) => {
        received.push(body);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'job-1' }));
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

describe("<formulary-form> under a Content-Security-Policy without 'unsafe-eval'", () => {
  test('says which checks are off, still checks fields, refuses an incomplete request, sends a complete one', async () => {
    const loaded = await loadSchema('src/schemas/instruments/eqsans.schema.json');
    let expected = defaultsOf(buildFieldModel(loaded)) as Record<string, unknown>;
    expected = setAt(expected, '/iptsNumber', 19800);
    expected = setAt(expected, '/job/scans/0/runNumber', '88980');
    expected = setAt(expected, '/job/scans/0/sampleName', 'lysozyme in D2O');
    expected = setAt(expected, '/job/scans/0/thickness', 0.2);

    const { page, errors } = await openRecorded(browser, `${site.url}strict.html`);
    await page.locator('formulary-form form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
    // The form's styles reach it as an adopted stylesheet, which the policy does not block.
    expect(
      await page
        .locator('formulary-form .formulary-section')
        .first()
        .evaluate((el) => getComputedStyle(el).contentVisibility),
    ).toBe('auto');
    const notice = page.locator('formulary-form .formulary-notice', { hasText: 'unsafe-eval' });
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain('the server checks the whole request');

    // A field's own limit is still checked as the user leaves it.
    const thickness = page.getByLabel('Thickness, row 1');
    await thickness.fill('-1');
    await thickness.blur();
    await expect
      .poll(() =>
        page
          .locator('formulary-form [role="alert"], formulary-form .formulary-widget__error')
          .allTextContents(),
      )
      .toEqual(expect.arrayContaining([expect.stringMatching(/greater than 0/)]));
    await thickness.fill('0.2');

    // Without the run number (required) the request is refused and nothing is sent.
    await page.getByLabel(/^IPTS/).fill('19800');
    await page.getByLabel('Sample name, row 1').fill('lysozyme in D2O');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect
      .poll(() => page.locator('formulary-form .formulary-summary').textContent())
      .toMatch(/Run number/);
    expect(received).toEqual([]);

    await page.getByLabel('Run number, row 1').fill('88980');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    expect(received[0]).toEqual(expected);

    // ajv's file was never fetched: not once the form showed, not at either submit.
    expect(validatorFetches).toBe(0);
    // The browser reports the one refused probe; ajv never tried to compile behind it.
    const violations = errors.filter((e) => /unsafe-eval/.test(e));
    expect(violations.length).toBeLessThanOrEqual(1);
    // No other violation (an inline style would be one) and no other error.
    expect(errors.filter((e) => !/unsafe-eval/.test(e))).toEqual([]);
    await page.close();
  });
});
