/**
 * Storybook smoke test: builds the static Storybook (about half a minute) and renders every story of
 * its index in Chromium, failing on a page error, a console error, Storybook's error display, or a
 * story that never finishes loading. Playground stories are also checked for what they exist to show.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { type ServedPage, servePage } from './servePage';

let out: string;
let browser: LaunchedBrowser;
let site: ServedPage;
let stories: { id: string; title: string; name: string }[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'formulary-storybook-'));
  execFileSync('npx', ['storybook', 'build', '--quiet', '--disable-telemetry', '-o', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {
    entries: Record<string, { type: string; id: string; title: string; name: string }>;
  };
  stories = Object.values(index.entries).filter((e) => e.type === 'story');
  site = await servePage(out);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** What Storybook's preview said after being asked to render a story. */
type Outcome = { kind: 'rendered' | 'errored' | 'threw' | 'missing'; message: string };

/**
 * Renders one story in an already open preview (iframe.html) by asking Storybook's channel for it,
 * which is far faster than loading the preview per story; returns its problems (empty when clean).
 */
async function renderStory(page: Page, id: string, errors: string[]): Promise<string[]> {
  errors.length = 0;
  if (!page.url().includes('iframe.html')) {
    await page.goto(`${site.url}iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    await page.waitForFunction(() => '__STORYBOOK_ADDONS_CHANNEL__' in window, undefined, {
      timeout: 30_000,
    });
  }
  const outcome = await page.evaluate(
    (storyId) =>
      new Promise<Outcome>((resolve) => {
        type Channel = {
          on(event: string, fn: (payload: unknown) => void): void;
          off(event: string, fn: (payload: unknown) => void): void;
          emit(event: string, payload: unknown): void;
        };
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel })
          .__STORYBOOK_ADDONS_CHANNEL__;
        const events = {
          storyRendered: 'rendered',
          storyErrored: 'errored',
          storyThrewException: 'threw',
          storyMissing: 'missing',
        } as const;
        const listeners = Object.entries(events).map(([event, kind]) => {
          const fn = (payload: unknown) => {
            for (const [e, f] of listeners) channel.off(e, f);
            const p = payload as { message?: unknown; title?: unknown } | undefined;
            resolve({ kind, message: String(p?.message ?? p?.title ?? payload ?? '') });
          };
          channel.on(event, fn);
          return [event, fn] as const;
        });
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    id,
  );
  const problems: string[] = [];
  if (outcome.kind !== 'rendered') problems.push(`${outcome.kind}: ${outcome.message}`);
  try {
    await page.waitForFunction(() => document.querySelector('[data-story-loading]') === null, undefined, {
      timeout: 30_000,
    });
  } catch {
    problems.push('still loading after 30 s');
  }
  if ((await page.locator('#storybook-root').innerHTML()).trim() === '') problems.push('rendered nothing');
  return [...problems, ...errors];
}

describe('every story renders in Chromium without errors', () => {
  test('the index lists widget, instrument and playground stories', () => {
    const titles = new Set(stories.map((s) => s.title));
    expect([...titles].filter((t) => t.startsWith('Widgets/')).length).toBeGreaterThanOrEqual(12);
    expect(titles).toContain('Instruments');
    expect(titles).toContain('Author playground');
    for (const t of [...titles].filter((x) => x.startsWith('Widgets/'))) {
      expect(stories.filter((s) => s.title === t).map((s) => s.name)).toEqual([
        'Default',
        'Changed',
        'Error',
        'Unset',
        'Disabled',
      ]);
    }
  });

  test('each story', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A failed fetch is reported below with its URL; the console line alone does not say which.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        errors.push(`console error: ${message.text()}`);
      }
    });
    page.on('response', (response) => {
      // The browser's own favicon probe is not the story's doing.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
        errors.push(`HTTP ${response.status()} for ${response.url()}`);
      }
    });
    const failures: string[] = [];
    for (const story of stories) {
      const problems = await renderStory(page, story.id, errors);
      for (const p of problems) failures.push(`${story.id}: ${p}`);
    }
    expect(failures).toEqual([]);
    await page.close();
  }, 300_000);

  test('the paste story: a pasted sample list shows its bad cell, applies and shows in the request', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    expect(await renderStory(page, 'paste-a-sample-list--sequoia-scans', errors)).toEqual([]);
    const text = await page.getByTestId('sample-list').inputValue();
    await page
      .locator('fieldset.formulary-list[data-path$="/scans"] button.formulary-list__add')
      .evaluate((button, pasted) => {
        const data = new DataTransfer();
        data.setData('text/plain', pasted);
        button.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, text);
    const preview = page.getByRole('region', { name: 'Paste into Scans' });
    expect(await preview.locator('[data-bad]').textContent()).toContain('warm');
    await preview.getByRole('button', { name: /^Apply/ }).click();
    await expect
      .poll(() => page.getByRole('complementary', { name: 'Request' }).textContent())
      .toContain('"label": "room temperature"');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the open tuple story: positions, then rest rows added with Add, in the request in place', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    expect(await renderStory(page, 'forms-open-tuple--detector-then-runs', errors)).toEqual([]);
    // minItems 3 over 2 positions: one run row from the start; Add gives a second.
    await page.getByRole('button', { name: 'Add row to Run' }).click();
    await page.getByLabel('Run, row 4').fill('88980');
    await expect
      .poll(async () => JSON.parse((await page.getByTestId('request').textContent()) ?? 'null')?.scan)
      .toEqual(['main', 4, 12345, 88980]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the react-hook-form tuple story: Q max refused at position 2, then the request with a run', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    expect(await renderStory(page, 'forms-react-hook-form-tuples--beam-centre-and-q-range', errors)).toEqual(
      [],
    );
    await page.getByLabel(/^Q max/).fill('3');
    await page.getByLabel('Run, row 2').fill('88980');
    await page.getByRole('button', { name: 'Send' }).click();
    const qMax = page.locator('.formulary-field:has([id="formulary-reduction.qRange.1"])');
    await expect.poll(() => qMax.textContent()).toMatch(/at most 2/);
    expect(await page.getByTestId('request').textContent()).toBe('Nothing sent yet.');
    await page.getByLabel(/^Q max/).fill('0.4');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(async () => JSON.parse((await page.getByTestId('request').textContent()) ?? 'null'))
      .toEqual({ beamCentre: [0, 0], qRange: [0.005, 0.4], sampleRuns: ['main', 88980] });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the playground shows the form, a missing-units warning at its line, and the request', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    expect(await renderStory(page, 'author-playground--two-files', errors)).toEqual([]);
    const diagnostics = page.getByRole('list', { name: 'Lint diagnostics' });
    await expect
      .poll(() => diagnostics.textContent())
      .toMatch(/sans\.schema\.json:\d+:\d+ warning .*missing-units/);
    await page.getByLabel(/^Sample name/).fill('lysozyme');
    await expect
      .poll(() => page.getByTestId('playground-request').textContent())
      .toContain('"sampleName": "lysozyme"');
    // Editing the schema re-analyses: a ref to a file not in the list is an error and the form goes.
    const schema = page.getByLabel('Contents of sans.schema.json');
    const text = await schema.inputValue();
    await schema.fill(
      text.replace('common.json#/definitions/iptsNumber', 'nowhere.json#/definitions/iptsNumber'),
    );
    await expect
      .poll(() => diagnostics.textContent())
      .toMatch(/sans\.schema\.json:\d+:\d+ error .*nowhere\.json/);
    expect(await page.locator('form.formulary-form').count()).toBe(0);
    // Starting from a shipped instrument fetches its schema and the file it refers to.
    await page.getByLabel('Start from').selectOption('eqsans');
    await page.getByLabel('Contents of common.json').waitFor({ timeout: 15_000 });
    await page.locator('form.formulary-form').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('playground-request').textContent()).toContain(
      '"instrumentName": "EQSANS"',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
