/**
 * Issue 29 in Chromium: the whole EQSANS form in French through the embed (<html lang="fr">, the
 * schema's translation file), with every section and advanced part opened, the error summary shown and
 * a choice switched, holds no English from the message catalogues or the schema in its visible text or
 * its accessible names; and decimal-comma entry: "0,5" is 0.5, "1 234,5" is 1234.5, "1,234" is refused
 * as ambiguous, numbers are shown back with a comma, and the POSTed request holds JSON numbers.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fr from '../../src/schemas/i18n/messages/fr.json';
import {
  buildFieldModel,
  englishCatalogue,
  loadSchema,
  readSchemaTranslation,
  translatableTexts,
  translatedText,
} from '../../src/schemas/index';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

const schemaPath = 'src/schemas/instruments/eqsans.schema.json';
const translationPath = 'src/schemas/instruments/eqsans.fr.json';
const french: Record<string, string> = fr;

/** The French page; `prefill` (an example request) fills the form so that it can be sent. */
const pageWith = (prefill: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form id="eqsans" schema-src="/${schemaPath}" translation-src="/${translationPath}"
  ${prefill ? `form-data-src="/${prefill}"` : ''} submit-url="/submit" drafts="off"></formulary-form>
</body></html>`;

/**
 * English that must not be seen: the literal parts (two words or more, or one long word) of every
 * catalogue message whose French differs, and every schema text whose translation differs.
 */
async function englishPhrases(): Promise<string[]> {
  const phrases = new Set<string>();
  for (const [key, message] of Object.entries(englishCatalogue)) {
    if (french[key] === message) continue;
    // Literal runs outside {arguments}; plural and select bodies are read as literals too.
    for (const run of message.replace(/'/g, '').split(/[{}#]/)) {
      const text = run.trim().replace(/[.:;,]$/, '');
      if (/[a-z]{3,}\s+[a-z]{2,}/i.test(text) || /^[A-Za-z]{8,}$/.test(text)) phrases.add(text);
    }
  }
  const model = buildFieldModel(await loadSchema(schemaPath));
  const translation = readSchemaTranslation(JSON.parse(readFileSync(translationPath, 'utf8')));
  for (const t of translatableTexts(model)) {
    const translated = translatedText(translation, t.node.pointer, t.part);
    if (translated !== undefined && translated !== t.text && /[a-z]{3,}/i.test(t.text)) phrases.add(t.text);
  }
  // A word French uses too ("Transmission", "log", "Scans") proves nothing: keep only phrases that no
  // French text of the catalogue or the translation contains.
  const frenchTexts = [
    ...Object.values(french),
    ...translatableTexts(model).map((t) => translatedText(translation, t.node.pointer, t.part) ?? ''),
  ];
  return [...phrases].filter((p) => !frenchTexts.some((f) => wordIn(p, f)));
}

/** Opens every lazy section, advanced section and advanced part, until nothing is closed. */
async function openEverything(page: Page): Promise<void> {
  for (let round = 0; round < 12; round++) {
    const clicked = await page.evaluate(() => {
      const root = document.querySelector('formulary-form')!.shadowRoot!;
      const closed = [
        ...root.querySelectorAll<HTMLButtonElement>(
          'button.formulary-lazy--placeholder, .formulary-section button[aria-expanded="false"], .formulary-advanced > button[aria-expanded="false"]',
        ),
      ];
      for (const button of closed) button.click();
      return closed.length;
    });
    if (clicked === 0) return;
    await page.waitForTimeout(100);
  }
}

/** What a user can see or hear: visible text plus the names and hints of visible controls. */
async function visibleWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('formulary-form')!.shadowRoot!;
    const container = root.querySelector<HTMLElement>('.formulary-embed')!;
    const names: string[] = [];
    for (const el of container.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title]')) {
      if (el.closest('[hidden]')) continue;
      for (const attribute of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(attribute);
        if (value) names.push(value);
      }
    }
    // innerText on purpose: only what is rendered visibly (textContent would include hidden elements).
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what is asserted
    return `${container.innerText}\n${names.join('\n')}`;
  });
}

let browser: LaunchedBrowser;
let site: ServedPage;
const received: unknown[] = [];

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    if (req.url === '/fr.html' || req.url === '/fr-prefilled.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pageWith(req.url === '/fr.html' ? '' : 'examples/eqsans/average-protein-concentrations.json'));
      return true;
    }
    if (req.url === '/submit' && req.method === 'POST') {
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

/** The text input of the field at `pointer` (inside the embed's shadow root). */
const input = (page: Page, pointer: string) =>
  page.locator(`formulary-form [data-pointer="${pointer}"] input[type="text"]`).first();

/** Types into a field that may be unset (nullable): untick "Non défini" first. */
async function typeInto(page: Page, pointer: string, text: string): Promise<void> {
  const unset = page.locator(
    `formulary-form [data-pointer="${pointer}"] input[type="checkbox"][id$="-unset"]`,
  );
  if ((await unset.count()) > 0 && (await unset.isChecked())) await unset.uncheck();
  await input(page, pointer).fill(text);
  await input(page, pointer).blur();
}

describe('the EQSANS form in French', () => {
  test('shows no English string in its visible UI, with every part open and problems listed', async () => {
    const phrases = await englishPhrases();
    expect(phrases.length).toBeGreaterThan(100);
    const { page: tab, errors } = await openRecorded(browser, `${site.url}fr.html`);
    await tab.locator('formulary-form form').waitFor();
    await openEverything(tab);
    // Problems in the summary and beside fields: a required run cleared, a limit broken, text refused.
    await input(tab, '/beamCenter/comRadius').fill('900');
    await input(tab, '/beamCenter/comRadius').blur();
    await typeInto(tab, '/wavelength/wavelengthMin', 'abc');
    await tab.locator('formulary-form button[type="submit"]').click();
    await tab.locator('formulary-form .formulary-summary h2').waitFor();
    const seen = await visibleWords(tab);
    expect(seen).toContain('Envoyer la demande');
    expect(seen).toContain('Centre du faisceau');
    const left = phrases.filter((p) =>
      new RegExp(`(^|[^\\p{L}])${escapeRegExp(p)}([^\\p{L}]|$)`, 'u').test(seen),
    );
    expect(left).toEqual([]);
    // The other branch of the job choice, with its own fields, in French too.
    await tab.locator('formulary-form input[type="radio"][id$="-branch-each_scan"]').check();
    await openEverything(tab);
    const other = await visibleWords(tab);
    expect(other).toContain('Chaque scan réduit séparément');
    expect(
      phrases.filter((p) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(p)}([^\\p{L}]|$)`, 'u').test(other)),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await tab.close();
  });

  test('reads decimal commas, refuses "1,234" saying why, shows commas back and sends JSON numbers', async () => {
    const { page: tab, errors } = await openRecorded(browser, `${site.url}fr-prefilled.html`);
    await tab.locator('formulary-form form').waitFor();
    await openEverything(tab);
    // The example's thickness 0.1 cm is shown as French writes it.
    expect(await input(tab, '/job/scans/*/thickness').inputValue()).toBe('0,1');
    const radius = input(tab, '/beamCenter/comRadius');
    expect(await radius.inputValue()).toBe('50');
    await radius.fill('1,234');
    await radius.blur();
    const error = tab.locator(
      'formulary-form [data-pointer="/beamCenter/comRadius"] .formulary-widget__error',
    );
    await expect.poll(() => error.textContent()).toContain('ambigu');
    await radius.fill('12,5');
    await radius.blur();
    await expect.poll(() => error.count()).toBe(0);
    // Arrow up steps in the locale: 12,5 -> 12,6.
    await radius.press('ArrowUp');
    expect(await radius.inputValue()).toBe('12,6');
    await typeInto(tab, '/incoherentInelastic/incohfit_factor', '1 234,5');
    await typeInto(tab, '/wavelength/wavelengthMin', '2,5');
    await tab.locator('formulary-form button[type="submit"]').click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const request = received.at(-1) as Record<string, Record<string, unknown>>;
    expect(request.beamCenter?.comRadius).toBe(12.6);
    expect(request.incoherentInelastic?.incohfit_factor).toBe(1234.5);
    expect((request.job?.scans as { thickness: unknown }[] | undefined)?.[0]?.thickness).toBe(0.1);
    expect(request.wavelength?.wavelengthMin).toBe(2.5);
    // The summary of what was sent, and the numbers shown back, in French.
    await expect
      .poll(() => tab.locator('formulary-form [data-outcome="sent"]').textContent())
      .toContain('Demande envoyée');
    expect(errors).toEqual([]);
    await tab.close();
  });
});

/** True when `phrase` stands as whole words in `text`. */
function wordIn(phrase: string, text: string): boolean {
  return new RegExp(`(^|[^\\p{L}])${escapeRegExp(phrase)}([^\\p{L}]|$)`, 'u').test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
