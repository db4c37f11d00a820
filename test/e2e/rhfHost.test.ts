/**
 * The react-hook-form host page in Chromium (test/e2e/rhfHostPage, README's example): EQSANS fields by
 * <FormularyFields> beside the page's own; fill, break a cross-field rule (its message under Q min,
 * submit refused), fix, submit; then the same inputs in SubmissionForm: the two requests are equal.
 * And the tuple host (?form=tuple): a Q range and an open wedge scan typed position by position, an
 * error at position 2 shown there, a run added and removed, the nested request sent.
 * Builds its own page (vite) and serves it with the shipped schemas on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { type ServedPage, servePage } from './servePage';

const pageDir = resolve('test/e2e/rhfHostPage');
const instruments = resolve('src/schemas/instruments');
let browser: LaunchedBrowser;
let site: ServedPage;

beforeAll(async () => {
  // NODE_ENV=test (vitest's) would make the React plugin emit development JSX into a production bundle.
  execFileSync('npx', ['vite', 'build', '--config', join(pageDir, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  site = await servePage(join(pageDir, 'dist'), (req, res) => {
    const match = /^\/schemas\/([\w.-]+\.json)$/.exec(req.url ?? '');
    if (!match?.[1]) return false;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(readFileSync(join(instruments, match[1])));
    return true;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}${query}`);
  await page.locator('form').first().waitFor({ state: 'visible', timeout: 30_000 });
  return { page, errors };
}

/** Types into the input with this id, ticking off its "Unset" box first when the field is unset. */
async function enter(page: Page, id: string, text: string): Promise<void> {
  const input = page.locator(`[id="${id}"]`);
  if (await input.isDisabled()) await page.locator(`[id="${id}-unset"]`).click();
  await input.fill(text);
}

/** Scrolls to the Binning section, which renders when near the viewport, and waits for `inputId`. */
async function showBinning(page: Page, inputId: string): Promise<void> {
  await page.getByRole('heading', { name: 'Binning', exact: true }).scrollIntoViewIfNeeded();
  await page.locator(`[id="${inputId}"]`).waitFor({ state: 'attached', timeout: 10_000 });
}

async function sent(page: Page): Promise<Record<string, unknown>> {
  const pre = page.getByTestId('request');
  await pre.waitFor({ timeout: 10_000 });
  return JSON.parse((await pre.textContent()) ?? 'null');
}

const inputs: [string, string][] = [
  ['/iptsNumber', '19800'],
  ['/job/scans/0/runNumber', '88980'],
  ['/job/scans/0/sampleName', 'lysozyme 5 mg/ml'],
  ['/job/scans/0/thickness', '0.2'],
  ['/job/outputName', 'lysozyme_avg'],
  ['/binning/Qmax', '0.9'],
];

describe('EQSANS in a react-hook-form page, in Chromium', () => {
  test('fill, break a cross-field rule, fix, submit: the request equals SubmissionForm’s', async () => {
    const host = await open('');
    const hostId = (pointer: string) => `host-reduction${pointer.replace(/\//g, '.')}`;
    await host.page.locator('#title').fill('Lysozyme series');
    await showBinning(host.page, hostId('/binning/Qmax'));
    for (const [pointer, text] of inputs) await enter(host.page, hostId(pointer), text);
    await enter(host.page, hostId('/binning/Qmin'), '1.5');
    await host.page.getByRole('button', { name: 'Send' }).click();
    const qmin = host.page.locator(`.formulary-field:has([id="${hostId('/binning/Qmin')}"])`);
    await expect.poll(() => qmin.textContent()).toMatch(/must be less than Q max/);
    await expect
      .poll(() => host.page.locator(`[id="${hostId('/binning/Qmin')}"]`).getAttribute('aria-invalid'))
      .toBe('true');
    expect(await host.page.getByTestId('request').count()).toBe(0);
    await enter(host.page, hostId('/binning/Qmin'), '0.01');
    await expect.poll(() => qmin.textContent()).not.toMatch(/must be less than/);
    await host.page.getByRole('button', { name: 'Send' }).click();
    const fromHost = await sent(host.page);
    expect(fromHost.title).toBe('Lysozyme series');
    expect(host.errors).toEqual([]);

    const form = await open('?form=submission');
    const row = await form.page
      .locator('[data-path="/job/scans"] [data-row]')
      .first()
      .getAttribute('data-row');
    const formId = (pointer: string) =>
      `f-${pointer
        .replace('/scans/0/', `/scans/~r${row}/`)
        .replace(/[^A-Za-z0-9_-]/g, (c) => (c === '/' ? '.' : `_${c.charCodeAt(0).toString(16)}`))}`;
    await showBinning(form.page, formId('/binning/Qmax'));
    for (const [pointer, text] of [...inputs, ['/binning/Qmin', '0.01'] as [string, string]])
      await enter(form.page, formId(pointer), text);
    await form.page.getByRole('button', { name: 'Submit request' }).click();
    expect(fromHost.reduction).toEqual(await sent(form.page));
    expect(form.errors).toEqual([]);
  });

  test('tuples: positions typed in turn, an error at position 2 shown there, rest rows, the nested request', async () => {
    const { page, errors } = await open('?form=tuple');
    const input = (name: string) => page.locator(`[id="t-reduction.${name}"]`);
    const field = (name: string) => page.locator(`.formulary-field:has([id="t-reduction.${name}"])`);
    const qRange = page.getByRole('group', { name: 'Q range' });
    await expect.poll(() => qRange.textContent()).toContain('2 values, in this order');
    await page.getByLabel(/^Q min/).fill('0.01');
    await page.getByLabel(/^Q max/).fill('3');
    await page.getByLabel(/^Beam centre 2/).fill('-2');
    const rest = page.getByRole('group', { name: /Run: items after the first 2/ });
    await rest.getByRole('button', { name: 'Add row to Run' }).click();
    await rest.getByRole('button', { name: 'Add row to Run' }).click();
    await page.getByLabel('Run, row 4').fill('0');
    await page.getByLabel('Run, row 5').fill('88990');
    await page.getByRole('button', { name: 'Send' }).click();
    // Q max above 2 at position 2, and run 0 at item 4: each message where it belongs.
    await expect.poll(() => field('qRange.1').textContent()).toMatch(/at most 2/);
    expect(await input('qRange.1').getAttribute('aria-invalid')).toBe('true');
    expect(await input('qRange.0').getAttribute('aria-invalid')).not.toBe('true');
    expect(await field('wedge.3').textContent()).toMatch(/at least 1/);
    expect(await page.getByTestId('request').count()).toBe(0);
    await input('qRange.1').fill('0.5');
    // Run 0 removed: 88990 moves up to item 4, the positions stay.
    await rest.getByRole('button', { name: 'Remove row 4' }).click();
    expect(await page.getByLabel('Run, row 4').inputValue()).toBe('88990');
    await page.getByRole('button', { name: 'Send' }).click();
    const request = await sent(page);
    expect(request.reduction).toEqual({
      qRange: [0.01, 0.5],
      beamCentre: [0, -2],
      wedge: ['main', 4, 12345, 88990],
    });
    expect(errors).toEqual([]);
  });
});
