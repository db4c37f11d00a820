/**
 * The EQSANS form in the built demo portal, in Chromium: change five fields, switch the job branch
 * and back, open an advanced section, cause and fix a cross-field error, submit, and compare the
 * request with test/e2e/expected/eqsans-form.json; then the same fill by keyboard only; and an axe-core
 * check (no serious or critical violations). Build first: `npm run build:app`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { clearPortalStorage } from './clearPortalStorage';
import { eqsansDomId, portalForFile } from './portalForFile';

const expected = JSON.parse(readFileSync('test/e2e/expected/eqsans-form.json', 'utf8'));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const portal = portalForFile();

const domId = eqsansDomId;
const byPath = (page: Page, path: string) => page.locator(`[id="${domId(path)}"]`);

async function openForm(): Promise<{ page: Page; errors: string[] }> {
  const page = await portal.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Start without a saved draft: the portal keeps drafts in IndexedDB (and moves old ones from
  // localStorage), and tests share a profile.
  await page.goto(portal.site.url);
  await clearPortalStorage(page);
  await page.goto(`${portal.site.url}?instrument=eqsans`);
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
  return { page, errors };
}

async function submitted(page: Page): Promise<unknown> {
  const pre = page.getByTestId('submitted-request');
  try {
    await pre.waitFor({ timeout: 10_000 });
  } catch {
    const problems = await page.locator('.formulary-summary').textContent();
    throw new Error(`Submit was refused: ${problems}`);
  }
  return JSON.parse((await pre.textContent()) ?? 'null');
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 5)
            .join(', ')}`,
      );
  });
}

describe('EQSANS form in the demo portal', () => {
  test('by pointer: five fields, branch switch, advanced section, cross-field error, submit', async () => {
    const { page, errors } = await openForm();
    // Five fields.
    await byPath(page, '/iptsNumber').fill('19800');
    await page.getByLabel('Run number, row 1').fill('88980');
    await page.getByLabel('Sample name, row 1').fill('lysozyme 5 mg/ml');
    await page.getByLabel('Thickness, row 1').fill('0.2');
    await byPath(page, '/job/outputName').fill('lysozyme_avg');

    // Job branch: each scan separately, then back; what was typed survives.
    await page.getByRole('radio', { name: 'Each scan reduced separately' }).check();
    await expect.poll(() => byPath(page, '/job/outputName').count()).toBe(0);
    await page.getByRole('radio', { name: 'One reduction of all scans (averaged)' }).check();
    expect(await byPath(page, '/job/outputName').inputValue()).toBe('lysozyme_avg');
    expect(await page.getByLabel('Run number, row 1').inputValue()).toBe('88980');

    // An advanced section: collapsed and not rendered until opened.
    expect(await byPath(page, '/geometry/sampleApertureSize').count()).toBe(0);
    await page.getByRole('button', { name: /Geometry/ }).click();
    await byPath(page, '/geometry/sampleApertureSize').fill('12');
    await byPath(page, '/geometry/sampleApertureSize').blur();
    await expect
      .poll(() =>
        page.locator('section', { has: page.getByRole('button', { name: /Geometry/ }) }).textContent(),
      )
      .toContain('1 changed');

    // A cross-field error (Q min must be below Q max), shown on both fields, then fixed.
    await page.getByRole('link', { name: 'Binning' }).click();
    const qmin = byPath(page, '/binning/Qmin');
    const qmax = byPath(page, '/binning/Qmax');
    await qmin.waitFor();
    await page.getByRole('checkbox', { name: 'Q min: unset' }).uncheck();
    await qmin.fill('0.5');
    await qmin.blur();
    await page.getByRole('checkbox', { name: 'Q max: unset' }).uncheck();
    await qmax.fill('0.1');
    await qmax.blur();
    await expect.poll(() => qmin.getAttribute('aria-invalid')).toBe('true');
    expect(await qmax.getAttribute('aria-invalid')).toBe('true');
    const summary = page.getByRole('alert').filter({ hasText: 'problem' });
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect.poll(() => summary.textContent()).toMatch(/Q min/);
    expect(await page.getByTestId('submitted-request').count()).toBe(0);
    await qmax.fill('0.8');
    await expect.poll(() => qmin.getAttribute('aria-invalid')).toBeNull();
    expect(await qmax.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Submit request' }).click();
    const request = await submitted(page);
    if (process.env.WRITE_EXPECTED)
      writeFileSync('test/e2e/expected/eqsans-form.json', `${JSON.stringify(request, null, 2)}\n`);
    expect(request).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('keyboard only: the same request', async () => {
    const { page, errors } = await openForm();
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
    /** Presses Tab until the element with `id` has focus (at most 400 presses). */
    const tabTo = async (id: string) => {
      for (let i = 0; i < 400; i++) {
        if ((await activeId()) === id) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached #${id}`);
    };
    const typeInto = async (id: string, text: string) => {
      await tabTo(id);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(text);
    };
    const idOfLabel = (label: string) => page.getByLabel(label).getAttribute('id') as Promise<string>;
    await page.locator('body').focus();
    await typeInto(domId('/iptsNumber'), '19800');
    await typeInto(await idOfLabel('Run number, row 1'), '88980');
    await typeInto(await idOfLabel('Sample name, row 1'), 'lysozyme 5 mg/ml');
    await typeInto(await idOfLabel('Thickness, row 1'), '0.2');
    // The branch: arrows move within the radio group, Shift+Tab back to it.
    await typeInto(domId('/job/outputName'), 'lysozyme_avg');
    const averaged = await page
      .getByRole('radio', { name: 'One reduction of all scans (averaged)' })
      .evaluate((el) => {
        el.id ||= 'job-averaged';
        return el.id;
      });
    for (let i = 0; i < 400 && (await activeId()) !== averaged; i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Each scan reduced separately' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: 'One reduction of all scans (averaged)' }).isChecked()).toBe(
      true,
    );
    // The advanced Geometry section: its toggle opens it with Enter.
    const geometry = (await page.getByRole('button', { name: /Geometry/ }).getAttribute('id'))!;
    await tabTo(geometry);
    await page.keyboard.press('Enter');
    await typeInto(domId('/geometry/sampleApertureSize'), '12');
    // Binning: untick "unset" with Space, type the Q range.
    await tabTo(domId('/binning/Qmin-unset'));
    await page.keyboard.press('Space');
    await typeInto(domId('/binning/Qmin'), '0.5');
    await tabTo(domId('/binning/Qmax-unset'));
    await page.keyboard.press('Space');
    await typeInto(domId('/binning/Qmax'), '0.8');
    await page.keyboard.press('Enter');
    expect(await submitted(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('axe-core finds no serious or critical violations, with an advanced section open and errors shown', async () => {
    const { page } = await openForm();
    await page.getByRole('button', { name: /Geometry/ }).click();
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByRole('alert').filter({ hasText: 'problem' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('sections out of view skip rendering, and all of them print', async () => {
    const { page, errors } = await openForm();
    // Visit the end of the form so every section has mounted its fields, then go back to the top.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('section.formulary-section').last().locator('input').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    // The browser's own visibility test for skipped content, on the last section's first field.
    const lastSectionShown = () =>
      page
        .locator('section.formulary-section')
        .last()
        .locator('input')
        .first()
        .evaluate((field) => field.checkVisibility({ contentVisibilityAuto: true }));
    await expect.poll(lastSectionShown).toBe(false);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(lastSectionShown).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('section.formulary-section').last().scrollIntoViewIfNeeded();
    await expect.poll(lastSectionShown).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
