/**
 * The field search in the built demo portal, in real Chromium: a field in a closed advanced section
 * is found by typing, Enter opens the section and focuses the field; "/" focuses the box; show only
 * matches filters the form and Esc restores it. Build first: `npm run build:app`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { eqsansDomId, portalForFile } from './portalForFile';

const portal = portalForFile();

const domId = eqsansDomId;
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function openForm(): Promise<{ page: Page; errors: string[] }> {
  const page = await portal.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${portal.site.url}?instrument=eqsans`);
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
  return { page, errors };
}

describe('field search (EQSANS, Chromium)', () => {
  test('a field in a closed advanced section: type, Enter, the section opens and the field has focus', async () => {
    const { page, errors } = await openForm();
    const target = domId('/geometry/sampleApertureSize');
    expect(await page.locator(`[id="${target}"]`).count()).toBe(0);
    const geometry = page.getByRole('button', { name: /Geometry/ });
    expect(await geometry.getAttribute('aria-expanded')).toBe('false');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Find a field' });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('sample apert');
    const first = page.getByRole('listbox', { name: 'Matching fields' }).getByRole('option').first();
    await first.waitFor();
    expect(await first.locator('mark').allTextContents()).toEqual(['Sample', 'apert']);
    await page.keyboard.press('Enter');

    await expect.poll(() => activeId(page), { timeout: 10_000 }).toBe(target);
    expect(await geometry.getAttribute('aria-expanded')).toBe('true');
    // Focus lands in a usable input: typing changes the field.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('11');
    expect(await page.locator(`[id="${target}"]`).inputValue()).toBe('11');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('show only matches filters the form; Esc restores it', async () => {
    const { page, errors } = await openForm();
    // A field of the first screenful (later sections render when scrolled to).
    const ipts = page.locator(`[id="${domId('/iptsNumber')}"]`);
    await ipts.waitFor();
    await page.keyboard.press('ControlOrMeta+k');
    await page.keyboard.type('wavelength');
    await page.getByRole('checkbox', { name: 'Show only matches' }).check();
    await expect.poll(() => ipts.count()).toBe(0);
    expect(await page.locator(`[id="${domId('/wavelength/wavelengthMin')}"]`).count()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Find a field' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => ipts.count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
