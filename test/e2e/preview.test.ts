/**
 * `formulary preview` as an author meets it: a real process on a temporary copy of a shipped schema,
 * the page in real Chromium, and the schema files edited on disk while a value is typed in the form.
 * Multi-file draft-07 (EQSANS: eqsans.schema.json + common.json) and single-file 2020-12 (powder).
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { ensurePreviewPageBuilt, type RunningPreview, repoRoot, startPreview } from './startPreview';

const instruments = join(repoRoot, 'src/schemas/instruments');
let browser: LaunchedBrowser;
const folders: string[] = [];

beforeAll(async () => {
  ensurePreviewPageBuilt();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A temporary project holding copies of the named instrument files under schemas/. */
function project(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-preview-'));
  folders.push(dir);
  mkdirSync(join(dir, 'schemas'));
  for (const file of files) copyFileSync(join(instruments, file), join(dir, 'schemas', file));
  return dir;
}

/** Enough of a schema file's shape to edit it in a test. */
type SchemaJson = {
  properties: Record<string, Record<string, unknown>>;
  definitions: Record<string, Record<string, unknown>>;
};

/** Edits a JSON file on disk as an editor would: read, change, write the whole text back. */
function editJson(path: string, change: (schema: SchemaJson) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8'));
  change(value);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

async function openPage(preview: RunningPreview): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${preview.url}/`);
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
  return { page, errors };
}

/** Waits until the page shows the form of schema revision `n` (the n-th load that succeeded). */
async function waitForSchemaRevision(page: Page, n: number): Promise<void> {
  await page.locator(`.preview-page[data-schema-revision="${n}"]`).waitFor({ timeout: 10_000 });
}

const liveRequest = async (page: Page) =>
  JSON.parse((await page.getByTestId('preview-request').textContent()) ?? 'null');

describe('formulary preview on a multi-file draft-07 schema (EQSANS)', () => {
  let preview: RunningPreview;
  let dir: string;
  beforeAll(async () => {
    dir = project('eqsans.schema.json', 'common.json');
    preview = await startPreview(['schemas/eqsans.schema.json'], dir);
  });
  afterAll(() => preview?.stop());

  test('the page follows each save of the schema and keeps what was typed', async () => {
    const { page, errors } = await openPage(preview);
    const schema = join(dir, 'schemas/eqsans.schema.json');
    await page.getByLabel(/^IPTS \*$/).fill('IPTS-12345');
    await expect.poll(async () => (await liveRequest(page)).iptsNumber).toBe('IPTS-12345');

    // 1. rename a field's title
    editJson(schema, (s) => {
      s.properties.iptsNumber!.title = 'Proposal (IPTS)';
    });
    await waitForSchemaRevision(page, 2);
    await expect.poll(() => page.getByLabel(/^Proposal \(IPTS\) \*$/).inputValue()).toBe('IPTS-12345');
    expect(await page.getByLabel(/^IPTS \*$/).count()).toBe(0);

    // 2. add a field
    editJson(schema, (s) => {
      s.properties.sampleNote = { type: 'string', title: 'Sample note', default: '' };
    });
    await waitForSchemaRevision(page, 3);
    await page.getByLabel('Sample note', { exact: true }).waitFor();
    expect(await page.getByLabel(/^Proposal \(IPTS\) \*$/).inputValue()).toBe('IPTS-12345');
    expect((await liveRequest(page)).iptsNumber).toBe('IPTS-12345');

    // 3. break the JSON: the error with its place, the last good form (and the typed value) behind it
    const good = readFileSync(schema, 'utf8');
    writeFileSync(schema, good.replace('"title": "Sample note",', '"title": "Sample note",,'));
    const alert = page.getByTestId('preview-load-problem');
    await alert.waitFor({ timeout: 10_000 });
    const brokenLine = good.split('\n').findIndex((line) => line.includes('"title": "Sample note"')) + 1;
    expect(await alert.textContent()).toContain(`schemas/eqsans.schema.json:${brokenLine}:`);
    expect(await page.getByLabel(/^Proposal \(IPTS\) \*$/).inputValue()).toBe('IPTS-12345');
    await page.getByLabel('Sample note', { exact: true }).waitFor();

    // 4. fix it: the error goes, the form is the fixed schema's, the value is still there
    writeFileSync(schema, good.replace('"title": "Sample note"', '"title": "Sample notes"'));
    await waitForSchemaRevision(page, 5);
    expect(await alert.count()).toBe(0);
    await page.getByLabel('Sample notes', { exact: true }).waitFor();
    expect(await page.getByLabel(/^Proposal \(IPTS\) \*$/).inputValue()).toBe('IPTS-12345');
    expect(errors).toEqual([]);
  });

  test('a save of a $ref-ed file (common.json) reloads the form too', async () => {
    const { page } = await openPage(preview);
    const revision = Number(await page.locator('.preview-page').getAttribute('data-schema-revision'));
    editJson(join(dir, 'schemas/common.json'), (s) => {
      s.definitions.iptsNumber!.description = 'The proposal number, from the facility portal.';
    });
    await waitForSchemaRevision(page, revision + 1);
    await page.getByText('The proposal number, from the facility portal.').first().waitFor();
  });

  test('a lint finding names file:line:col and clicking it focuses its field', async () => {
    const { page } = await openPage(preview);
    const revision = Number(await page.locator('.preview-page').getAttribute('data-schema-revision'));
    const schema = join(dir, 'schemas/eqsans.schema.json');
    editJson(schema, (s) => {
      s.properties.maxWavelength = { type: 'number', title: 'Longest wavelength', default: 8 };
    });
    await waitForSchemaRevision(page, revision + 1);
    const line =
      readFileSync(schema, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"maxWavelength"')) + 1;
    const finding = page.locator('li[data-rule="missing-units"]', {
      hasText: `schemas/eqsans.schema.json:${line}:`,
    });
    await finding.waitFor();
    await finding.getByRole('button').click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.id ?? ''))
      .toMatch(/maxWavelength/);
  });
});
