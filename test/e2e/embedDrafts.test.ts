/**
 * Drafts in the one-script-tag embed, in Chromium: what a scientist types into <formulary-form> survives
 * a reload and a refused POST, an accepted POST clears it, drafts="off" stores nothing, and a bad
 * schema-version is named in the element. Builds the embed bundle first (a few seconds).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

let browser: LaunchedBrowser;
let site: ServedPage;
/** How the fake reduction service answers the next POSTs. */
let answer: 'accept' | 'refuse' = 'accept';
const received: unknown[] = [];

const pageWith = (attributes: string) => `<!doctype html><html><head>
<script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form schema-src="/src/schemas/instruments/eqsans.schema.json" submit-url="/submit" ${attributes}></formulary-form>
</body></html>`;
const pages: Record<string, string> = {
  '/drafts.html': pageWith(''),
  '/drafts-off.html': pageWith('drafts="off"'),
  '/bad-version.html': pageWith('schema-version="two"'),
  '/two-forms.html': `<!doctype html><html><head>
<script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form id="first" schema-src="/src/schemas/instruments/eqsans.schema.json"></formulary-form>
<formulary-form id="second" schema-src="/src/schemas/instruments/eqsans.schema.json"></formulary-form>
</body></html>`,
  // Two instruments mounted from schema objects, into elements without ids: the schemas' $id and title
  // tell their drafts apart.
  '/inline-schemas.html': `<!doctype html><html><head>
<script src="/dist/embed/formulary.js"></script></head><body>
<div class="form"></div><div class="form"></div>
<script>
const schema = (name, key) => ({ ...name, type: 'object', properties: { [key]: { type: 'string' } } });
const [a, b] = document.querySelectorAll('.form');
Formulary.mount(a, { schema: schema({ $id: 'https://facility.example/powder.json' }, 'sampleName') });
Formulary.mount(b, { schema: schema({ title: 'Reflectometer' }, 'sampleName') });
</script>
</body></html>`,
  // Two forms mounted from schema objects with neither $id nor title: their property names tell them apart.
  '/nameless-schemas.html': `<!doctype html><html><head>
<script src="/dist/embed/formulary.js"></script></head><body>
<div class="form"></div><div class="form"></div>
<script>
const [a, b] = document.querySelectorAll('.form');
Formulary.mount(a, { schema: { type: 'object', properties: { sampleName: { type: 'string' } } } });
Formulary.mount(b, {
  schema: { type: 'object', properties: { sampleName: { type: 'string' }, runNumber: { type: 'string' } } },
});
</script>
</body></html>`,
};

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    if (req.method === 'POST' && req.url === '/submit') {
      void readJsonBody(req).then((body) => {
        received.push(body);
        if (answer === 'accept') {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: 'job-1' }));
        } else {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'IPTS 19800 is closed' }));
        }
      });
      return true;
    }
    const html = pages[req.url ?? ''];
    if (html === undefined) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
    return true;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openRecorded(browser, `${site.url}${path.slice(1)}`);
  // Each test starts with no draft (the tests share one browser profile).
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  return opened;
}

async function formReady(page: Page): Promise<void> {
  await page.getByLabel(/^IPTS/).waitFor({ state: 'visible', timeout: 30_000 });
}

/** The drafts saved in the page's localStorage (a discarded draft is stored as null: not listed). */
const savedDrafts = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('formulary:draft:'))
      .map((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.state?.draft)
      .filter((draft) => draft),
  );

describe('drafts in <formulary-form>', () => {
  test('typed values survive a reload and a refused POST; an accepted POST clears the draft', async () => {
    const { page, errors } = await open('/drafts.html');
    await formReady(page);
    await page.getByLabel(/^IPTS/).fill('19800');
    await page.getByLabel('Sample name, row 1').fill('lysozyme in D2O');
    // The bar says the draft is saved once the autosave has run.
    await page.locator('formulary-form .formulary-draft-status', { hasText: 'Draft saved' }).waitFor();
    expect(await savedDrafts(page)).toMatchObject([{ values: { iptsNumber: 19800 } }]);

    await page.reload();
    await formReady(page);
    expect(await page.getByLabel(/^IPTS/).inputValue()).toBe('19800');
    expect(await page.getByLabel('Sample name, row 1').inputValue()).toBe('lysozyme in D2O');
    expect(await page.locator('formulary-form .formulary-draft-restored').textContent()).toMatch(
      /Restored draft from/,
    );

    // The service refuses: the message is shown and the draft stays.
    answer = 'refuse';
    await page.getByLabel('Run number, row 1').fill('88980');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.locator('formulary-form [data-outcome="failed"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('formulary-form [data-outcome="failed"]').textContent()).toContain(
      'IPTS 19800 is closed',
    );
    await page.reload();
    await formReady(page);
    expect(await page.getByLabel('Run number, row 1').inputValue()).toBe('88980');

    // The service accepts: the draft is cleared, and a reload starts from the defaults.
    answer = 'accept';
    const before = received.length;
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.locator('formulary-form [data-outcome="sent"]').waitFor({ timeout: 15_000 });
    expect(received.length).toBe(before + 1);
    expect(received.at(-1)).toMatchObject({ iptsNumber: 19800 });
    expect(await savedDrafts(page)).toEqual([]);
    await page.reload();
    await formReady(page);
    expect(await page.getByLabel(/^IPTS/).inputValue()).toBe('');
    expect(await page.locator('formulary-form .formulary-draft-restored').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('drafts="off" stores nothing and restores nothing', async () => {
    const { page, errors } = await open('/drafts-off.html');
    await formReady(page);
    await page.getByLabel(/^IPTS/).fill('4242');
    // Longer than the 500 ms autosave debounce a draft would have waited.
    await page.waitForTimeout(900);
    expect(await savedDrafts(page)).toEqual([]);
    await page.reload();
    await formReady(page);
    expect(await page.getByLabel(/^IPTS/).inputValue()).toBe('');
    expect(await page.locator('formulary-form .formulary-draft-bar').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('two forms of one schema on one page keep their own drafts when the elements have ids', async () => {
    const { page, errors } = await open('/two-forms.html');
    const ipts = (id: string) => page.locator(`#${id}`).getByLabel(/^IPTS/);
    await ipts('first').waitFor({ timeout: 30_000 });
    await ipts('second').waitFor({ timeout: 30_000 });
    await ipts('first').fill('111');
    await ipts('second').fill('222');
    await expect.poll(async () => (await savedDrafts(page)).length, { timeout: 5_000 }).toBe(2);
    await page.reload();
    await ipts('second').waitFor({ timeout: 30_000 });
    expect(await ipts('first').inputValue()).toBe('111');
    expect(await ipts('second').inputValue()).toBe('222');
    expect(errors).toEqual([]);
    await page.close();
  });

  /**
   * Two `.form` divs mounted from schema objects on `path`: each keeps its own typed sample name over a
   * reload. Returns the localStorage keys the drafts were saved under.
   */
  async function twoSchemaObjectsKeepTheirDrafts(path: string): Promise<string[]> {
    const { page, errors } = await open(path);
    const sample = (n: number) =>
      page
        .locator('.form')
        .nth(n)
        .getByLabel(/^Sample name/);
    await sample(1).waitFor({ timeout: 30_000 });
    await sample(0).fill('silicon');
    await sample(1).fill('lipid bilayer');
    await expect.poll(async () => (await savedDrafts(page)).length, { timeout: 5_000 }).toBe(2);
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    await page.reload();
    await sample(1).waitFor({ timeout: 30_000 });
    expect(await sample(0).inputValue()).toBe('silicon');
    expect(await sample(1).inputValue()).toBe('lipid bilayer');
    expect(errors).toEqual([]);
    await page.close();
    return keys;
  }

  test('two forms mounted from schema objects keep their own drafts, named by $id and title', async () => {
    const keys = await twoSchemaObjectsKeepTheirDrafts('/inline-schemas.html');
    expect(keys.some((k) => k.includes('https://facility.example/powder.json'))).toBe(true);
    expect(keys.some((k) => k.includes('Reflectometer'))).toBe(true);
  });

  test('two forms mounted from schema objects without $id or title keep their own drafts', async () => {
    await twoSchemaObjectsKeepTheirDrafts('/nameless-schemas.html');
  });

  test('a schema-version that is not a whole number is named in the element', async () => {
    const { page, errors } = await open('/bad-version.html');
    const problem = page.locator('formulary-form [role="alert"]');
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain('schema-version');
    expect(text).toContain('"two" is not a whole number');
    expect(await page.locator('formulary-form form').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
