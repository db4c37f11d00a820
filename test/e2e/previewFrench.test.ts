/**
 * `formulary preview --lang fr` as a French-speaking author meets it: a real process, the page in real
 * Chromium at the URL the command prints (?lang=fr), its headings and the form's words in French from
 * the catalogues, <html lang="fr">. Build the page first (ensurePreviewPageBuilt does).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import fr from '../../src/schemas/i18n/messages/fr.json';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { ensurePreviewPageBuilt, repoRoot, startPreview } from './startPreview';

const french: Record<string, string> = fr;
let browser: LaunchedBrowser;
let dir: string;

beforeAll(async () => {
  ensurePreviewPageBuilt();
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'formulary-preview-fr-'));
  mkdirSync(join(dir, 'schemas'));
  copyFileSync(
    join(repoRoot, 'src/schemas/instruments/powder.schema.json'),
    join(dir, 'schemas/powder.schema.json'),
  );
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('formulary preview --lang fr prints a French page URL and the page speaks French', async () => {
  const preview = await startPreview(['schemas/powder.schema.json', '--lang', 'fr'], dir);
  try {
    const printed = /at (http:\/\/127\.0\.0\.1:\d+\/\?lang=fr) /.exec(preview.stderr());
    expect(printed).not.toBeNull();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(printed![1]!);
    await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    for (const key of ['preview.formHeading', 'preview.requestHeading', 'preview.defaultsHeading'])
      expect(await page.getByRole('heading', { name: french[key]!, exact: true }).count()).toBe(1);
    expect(await page.locator('form.formulary-form').textContent()).toContain(french['form.submit']!);
    expect(await page.title()).toBe('Aperçu · schemas/powder.schema.json');
    expect(errors).toEqual([]);
  } finally {
    await preview.stop();
  }
}, 120_000);
