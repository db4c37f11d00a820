/**
 * Issue 29 in the built demo portal, in real Chromium: the header's language picker switches the
 * whole portal (header, form, live request, outbox and history) to French without a reload, and the
 * choice survives one; ?lang=fr opens French at once, with the EQSANS form in its schema translation;
 * in French no English phrase of the portal's, drafts' or paste's catalogue entries is visible, and a
 * paste from a spreadsheet previews, applies and undoes in French. Build first: `npm run build:app`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import fr from '../../src/schemas/i18n/messages/fr.json';
import { englishCatalogue } from '../../src/schemas/index';
import { clearPortalStorage } from './clearPortalStorage';
import { portalForFile } from './portalForFile';

const portal = portalForFile();
const french: Record<string, string> = fr;

/**
 * English a French page must not show: the literal runs (two words or more) of every portal, draft
 * and paste message whose French differs, that no French message contains.
 */
function englishPhrases(): string[] {
  const phrases = new Set<string>();
  for (const [key, message] of Object.entries(englishCatalogue)) {
    if (!/^(portal|draft|paste)\./.test(key) || french[key] === message) continue;
    for (const run of message.replace(/'/g, '').split(/[{}#]/)) {
      const text = run
        .trim()
        .replace(/[.:;,()←]/g, ' ')
        .trim();
      if (/[a-z]{3,}\s+[a-z]{2,}/i.test(text)) phrases.add(text);
    }
  }
  const frenchText = Object.values(french).join('\n');
  return [...phrases].filter((p) => !frenchText.includes(p));
}

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await portal.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(portal.site.url);
  await clearPortalStorage(page);
  await page.goto(`${portal.site.url}${query}`);
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
  return { page, errors };
}

describe('the portal in French (Chromium)', () => {
  test('the language picker switches header, form and panels at once, and a reload keeps French', async () => {
    const { page, errors } = await open('?instrument=eqsans&lang=en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.portal__header').textContent()).toContain('Reduction requests');
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.locator('.portal__header').textContent()).toContain('Demandes de réduction');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => page.getByRole('heading', { name: 'Boîte d’envoi' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Historique' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Demande (en direct)' }).count()).toBe(1);
    // The form itself: its submit button and the EQSANS labels from eqsans.fr.json.
    await expect
      .poll(() => page.locator('form.formulary-form').textContent())
      .toContain(french['form.submit']!);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    // Remembered: a reload without ?lang= opens in French.
    await page.goto(`${portal.site.url}?instrument=eqsans`);
    await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByLabel('Langue').inputValue()).toBe('fr');
    expect(errors).toEqual([]);
  });

  test('?lang=fr shows no English phrase of the portal, drafts or paste catalogues', async () => {
    const { page, errors } = await open('?instrument=eqsans&lang=fr');
    // The schema's translation arrived (a French section title of eqsans.fr.json).
    await expect
      .poll(() => page.locator('form.formulary-form').textContent())
      .toMatch(/Échantillon|Réduction/);
    const phrases = englishPhrases();
    expect(phrases.length).toBeGreaterThan(40);
    // innerText on purpose: what the user sees (hidden English in closed <details> does not count).
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what is asserted
    const seen = await page.locator('body').innerText();
    const left = phrases.filter((p) => seen.includes(p));
    expect(left).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('validation messages and list limits of the EQSANS form are French', async () => {
    const { page, errors } = await open('?instrument=eqsans&lang=fr');
    // A list's limits beside its title ("(1 à 200 lignes)"), never "(1–200 rows)".
    const limits = page.locator('.formulary-list__limits').first();
    await limits.waitFor({ timeout: 30_000 });
    expect((await limits.textContent())?.trim()).toMatch(/^\((\d+ à \d+ lignes|au moins .*|jusqu’à .*)\)$/);
    expect(await page.locator('.formulary-list__limits').allTextContents()).not.toContainEqual(
      expect.stringMatching(/rows?\)/),
    );
    // A pattern failure (the run cycle is like 2024A), as the user types; sections further down render lazily.
    // A nullable field left unset has its input disabled: untick "unset" first.
    const typeInto = async (path: string, text: string): Promise<void> => {
      const field = page.locator(`.formulary-field[data-path="${path}"]`).first();
      const unset = field.locator('input[type="checkbox"]');
      if ((await unset.count()) > 0 && (await unset.first().isChecked())) await unset.first().uncheck();
      const input = field.locator('input:not([type="checkbox"])').first();
      await input.fill(text);
      await input.blur();
    };
    await typeInto('/runCycle', 'cycle');
    await expect
      .poll(() => page.locator('.formulary-field[data-path="/runCycle"]').textContent())
      .toContain('n’a pas la forme attendue');
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what is asserted
    const seen = await page.locator('form.formulary-form').innerText();
    for (const english of [
      'must be',
      'must have',
      'is required',
      'rows)',
      'Unset: sent as null',
      'does not match',
    ])
      expect(seen).not.toContain(english);
    expect(errors).toEqual([]);
  });

  test('a spreadsheet paste previews, applies and undoes in French', async () => {
    const { page, errors } = await open('?instrument=inelastic&lang=fr');
    const scans = page.locator('fieldset.formulary-list[data-path$="/scans"]').first();
    await scans.waitFor({ timeout: 30_000 });
    await scans.locator('button.formulary-list__add').evaluate((element) => {
      (element as HTMLElement).focus();
      const data = new DataTransfer();
      data.setData('text/plain', 'Run number\tTemperature (K)\n130500\t5\n130501\tchaud\n');
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    const preview = scans.locator('section.formulary-paste');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('La première ligne nomme les colonnes.');
    expect(text).toMatch(/1 cellule n’a pas pu être lue/);
    expect(text).toMatch(/Ligne 3, .* \(« chaud »\)/);
    await preview.getByRole('button', { name: /^Appliquer \(\d+ lignes?\)$/ }).click();
    const undo = scans.getByRole('button', { name: 'Annuler le collage' });
    await undo.waitFor();
    expect((await scans.locator('.formulary-list-tools').textContent()) ?? '').toMatch(
      /Collé : 2 lignes ajoutées/,
    );
    await undo.click();
    await expect
      .poll(() => scans.locator('.formulary-list-tools').textContent())
      .toContain('Collage annulé : la liste est comme avant.');
    expect(errors).toEqual([]);
  });
});

describe('history import in French (Chromium)', () => {
  test('a history file with bad entries lists each problem in French', async () => {
    const { page, errors } = await open('?instrument=eqsans&lang=fr');
    const history = page.locator('section.formulary-history');
    await history.waitFor({ timeout: 30_000 });
    const good = {
      id: 'h1',
      submittedAt: '2026-11-27T10:00:00Z',
      instrument: 'eqsans',
      schemaVersion: 1,
      request: {},
    };
    const file = JSON.stringify({
      format: 'formulary-history',
      version: 1,
      entries: [
        good,
        { ...good, id: 'h2', instrument: '' },
        'texte',
        { ...good, id: 'h3', request: undefined },
      ],
    });
    await history.getByLabel(french['draft.history.import']!).setInputFiles({
      name: 'historique.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    const alert = history.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.locator('li').allTextContents()).toEqual([
      'entrée 1 : « instrument » doit être un texte non vide',
      'entrée 2 : n’est pas un objet',
      'entrée 3 : « request » manque',
    ]);
    expect(await alert.textContent()).not.toMatch(/\b(entry|must be|is missing|not an object)\b/);
    expect(errors).toEqual([]);
  });
});

describe('paste problems and run lists in French (Chromium)', () => {
  test('an unknown column and a fractional run in a pasted sheet are French', async () => {
    const { page, errors } = await open('?instrument=inelastic&lang=fr');
    const scans = page.locator('fieldset.formulary-list[data-path$="/scans"]').first();
    await scans.waitFor({ timeout: 30_000 });
    const paste = async (text: string) =>
      scans.locator('button.formulary-list__add').evaluate((element, data) => {
        (element as HTMLElement).focus();
        const clip = new DataTransfer();
        clip.setData('text/plain', data);
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: clip, bubbles: true, cancelable: true }),
        );
      }, text);
    await paste('Run number\tCouleur\n130500.5\tbleu\n130501\trouge\n');
    const preview = scans.locator('section.formulary-paste');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('n’a pas de colonne « Couleur » : ses cellules n’ont pas été lues');
    expect(text).toContain(
      '« 130500.5 » n’est pas un numéro de run : les numéros de run sont des nombres entiers.',
    );
    expect(text).not.toMatch(/\b(has no column|is not a run number|whole numbers|were not read)\b/);
    expect(errors).toEqual([]);
  });
});
