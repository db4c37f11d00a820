/**
 * Paste a sample list in the one-script-tag embed, in Chromium: SEQUOIA's form inside
 * <formulary-form>'s shadow root takes a spreadsheet paste (a real paste event), the preview is
 * styled by the embed's own CSS (the marked cell's outline), Apply fills the scan list, Undo empties
 * it again. Builds the embed bundle first.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { type ServedPage, servePage } from './servePage';

let browser: LaunchedBrowser;
let site: ServedPage;

const page = `<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head>
<body><formulary-form schema-src="/src/schemas/instruments/inelastic.schema.json"></formulary-form></body></html>`;

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    if (req.url === '/paste.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
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

test('a spreadsheet paste in the embedded SEQUOIA form: preview, Apply, Undo', async () => {
  const { page: tab, errors } = await openRecorded(browser, `${site.url}paste.html`);
  const add = tab.locator(
    'formulary-form fieldset.formulary-list[data-path$="/scans"] button.formulary-list__add',
  );
  await add.waitFor({ timeout: 30_000 });
  await add.evaluate((button) => {
    const data = new DataTransfer();
    data.setData(
      'text/plain',
      'Run number\tTemperature (K)\tLabel\n130900-130902\t5\tcold\n130903\thot\twarm',
    );
    button.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  const preview = tab.getByRole('region', { name: 'Paste into Scans' });
  const bad = preview.locator('[data-bad]');
  expect(await bad.textContent()).toContain('hot');
  // The embed's shadow root carries the paste styles: the unreadable cell is outlined.
  expect(await bad.evaluate((cell) => getComputedStyle(cell).outlineStyle)).toBe('solid');
  await preview.getByRole('button', { name: /^Apply/ }).click();
  const value = (name: string) => tab.getByRole('textbox', { name }).inputValue();
  await expect.poll(() => value('Run number, row 2')).toBe('130900-130902');
  expect(await value('Label, row 2')).toBe('cold');
  expect(await value('Run number, row 3')).toBe('130903');
  expect(await value('Label, row 3')).toBe('warm');
  // The unreadable temperature was left unset, and the list says so.
  expect(await tab.getByRole('status').filter({ hasText: 'not read' }).textContent()).toContain(
    "'hot' is not a number.",
  );
  await tab.getByRole('button', { name: 'Undo paste' }).click();
  await expect.poll(() => tab.getByRole('textbox', { name: 'Run number, row 2' }).count()).toBe(0);
  expect(errors).toEqual([]);
  await tab.close();
});
