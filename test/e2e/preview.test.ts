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

/** Waits until the page shows the form of a schema sent after revision `n` (a later load that succeeded). */
async function waitForSchemaAfter(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (after) => Number(document.querySelector<HTMLElement>('.preview-page')?.dataset.schemaRevision) > after,
    n,
    { timeout: 10_000 },
  );
}

/** The schema revision of the form the page shows. */
const schemaRevisionOf = async (page: Page) =>
  Number(await page.locator('.preview-page').getAttribute('data-schema-revision'));

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
    let shown = await schemaRevisionOf(page);
    editJson(schema, (s) => {
      s.properties.iptsNumber!.title = 'Proposal (IPTS)';
    });
    await waitForSchemaAfter(page, shown);
    await expect.poll(() => page.getByLabel(/^Proposal \(IPTS\) \*$/).inputValue()).toBe('IPTS-12345');
    expect(await page.getByLabel(/^IPTS \*$/).count()).toBe(0);

    // 2. add a field
    shown = await schemaRevisionOf(page);
    editJson(schema, (s) => {
      s.properties.sampleNote = { type: 'string', title: 'Sample note', default: '' };
    });
    await waitForSchemaAfter(page, shown);
    await page.getByLabel('Sample note', { exact: true }).waitFor();
    expect(await page.getByLabel(/^Proposal \(IPTS\) \*$/).inputValue()).toBe('IPTS-12345');
    expect((await liveRequest(page)).iptsNumber).toBe('IPTS-12345');

    // 3. break the JSON: the error with its place, the last good form (and the typed value) behind it
    shown = await schemaRevisionOf(page);
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
    await waitForSchemaAfter(page, shown);
    expect(await alert.count()).toBe(0);
    await page.getByLabel('Sample notes', { exact: true }).waitFor();
    expect(await page.getByLabel(/^Proposal \(IPTS\) \*$/).inputValue()).toBe('IPTS-12345');
    expect(errors).toEqual([]);
  });

  test('text that is not a value yet ("0.2x" in a list row\'s number field) survives a reload as typed', async () => {
    const { page } = await openPage(preview);
    const revision = Number(await page.locator('.preview-page').getAttribute('data-schema-revision'));
    await page
      .getByLabel(/^Thickness/)
      .first()
      .fill('0.2x');
    editJson(join(dir, 'schemas/eqsans.schema.json'), (s) => {
      s.properties.wavelength!.title = 'Wavelength band';
    });
    await waitForSchemaAfter(page, revision);
    await page.getByText('Wavelength band').first().waitFor();
    expect(
      await page
        .getByLabel(/^Thickness/)
        .first()
        .inputValue(),
    ).toBe('0.2x');
  });

  test('a save of a $ref-ed file (common.json) reloads the form too', async () => {
    const { page } = await openPage(preview);
    const revision = Number(await page.locator('.preview-page').getAttribute('data-schema-revision'));
    editJson(join(dir, 'schemas/common.json'), (s) => {
      s.definitions.iptsNumber!.description = 'The proposal number, from the facility portal.';
    });
    await waitForSchemaAfter(page, revision);
    await page.getByText('The proposal number, from the facility portal.').first().waitFor();
  });

  test('a lint finding names file:line:col and clicking it focuses its field', async () => {
    const { page } = await openPage(preview);
    const revision = Number(await page.locator('.preview-page').getAttribute('data-schema-revision'));
    const schema = join(dir, 'schemas/eqsans.schema.json');
    editJson(schema, (s) => {
      s.properties.maxWavelength = { type: 'number', title: 'Longest wavelength', default: 8 };
    });
    await waitForSchemaAfter(page, revision);
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

describe('formulary preview on a single-file 2020-12 schema (powder)', () => {
  let preview: RunningPreview;
  let dir: string;
  beforeAll(async () => {
    dir = project('powder.schema.json');
    cpSync(join(repoRoot, 'examples/powder'), join(dir, 'examples/powder'), { recursive: true });
    preview = await startPreview(['schemas/powder.schema.json', '--examples', 'examples/powder'], dir);
  });
  afterAll(() => preview?.stop());

  test('typing, renaming a title, breaking and fixing the file: the page follows, the value stays', async () => {
    const { page, errors } = await openPage(preview);
    const schema = join(dir, 'schemas/powder.schema.json');
    await page.getByLabel(/^IPTS \*$/).fill('IPTS-777');
    await expect.poll(async () => (await liveRequest(page)).iptsNumber).toBe('IPTS-777');
    let shown = await schemaRevisionOf(page);
    editJson(schema, (s) => {
      s.properties.iptsNumber!.title = 'Proposal number';
    });
    await waitForSchemaAfter(page, shown);
    await expect.poll(() => page.getByLabel(/^Proposal number \*$/).inputValue()).toBe('IPTS-777');

    shown = await schemaRevisionOf(page);
    const good = readFileSync(schema, 'utf8');
    writeFileSync(schema, good.slice(0, good.length / 2)); // a save cut short: the JSON ends early
    const alert = page.getByTestId('preview-load-problem');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toMatch(/schemas\/powder\.schema\.json:\d+:\d+/);
    expect(await page.getByLabel(/^Proposal number \*$/).inputValue()).toBe('IPTS-777');

    writeFileSync(schema, good);
    await alert.waitFor({ state: 'detached', timeout: 10_000 });
    await waitForSchemaAfter(page, shown);
    expect(await page.getByLabel(/^Proposal number \*$/).inputValue()).toBe('IPTS-777');
    expect((await liveRequest(page)).iptsNumber).toBe('IPTS-777');
    expect(errors).toEqual([]);
  });

  test('--examples lists the requests; choosing the invalid one shows its expected errors next to the real ones', async () => {
    const { page } = await openPage(preview);
    const list = page.getByRole('list', { name: 'Example requests' });
    const names = await list.getByRole('button').allTextContents();
    expect(names).toEqual([
      'average-silicon-standard.json',
      'each-scan-temperature-ramp.json',
      'invalid-density-dspacing-ranges.json',
    ]);
    const expectedErrors = JSON.parse(
      readFileSync(join(dir, 'examples/powder/invalid-density-dspacing-ranges.expected.json'), 'utf8'),
    ) as { pointer: string; rule: string }[];
    await list.getByRole('button', { name: 'invalid-density-dspacing-ranges.json' }).click();
    const result = page.getByTestId('preview-example-result');
    await result.waitFor();
    const expectedList = result
      .getByRole('region', { name: 'Expected errors (.expected.json)' })
      .getByRole('listitem');
    expect(await expectedList.count()).toBe(expectedErrors.length);
    // The shipped example fails exactly as expected: every expected error occurs, none is unexpected.
    for (const item of await expectedList.all()) expect(await item.getAttribute('data-occurs')).toBe('true');
    const real = result.getByRole('region', { name: 'Errors the schema finds in it' }).getByRole('listitem');
    expect(await real.count()).toBe(expectedErrors.length);
    expect(await result.getByText('The example fails exactly as expected.').count()).toBe(1);
    // The request was imported: the live request is the example's.
    const example = JSON.parse(
      readFileSync(join(dir, 'examples/powder/invalid-density-dspacing-ranges.json'), 'utf8'),
    );
    await expect.poll(async () => (await liveRequest(page)).iptsNumber).toEqual(example.iptsNumber);

    // An expectation the example no longer meets shows as "does not occur", with lint's finding.
    writeFileSync(
      join(dir, 'examples/powder/invalid-density-dspacing-ranges.expected.json'),
      JSON.stringify([...expectedErrors, { pointer: '/iptsNumber', rule: 'pattern' }]),
    );
    await list.getByRole('button', { name: 'average-silicon-standard.json' }).click();
    await list.getByRole('button', { name: 'invalid-density-dspacing-ranges.json' }).click();
    await result.locator('li[data-occurs="false"]', { hasText: '/iptsNumber' }).waitFor();
    await result
      .locator('li[data-rule="example-invalid"]', { hasText: 'expected the error /iptsNumber (pattern)' })
      .waitFor();
  });
});

describe('formulary preview and formulary.config.json', () => {
  test('a save of the config reloads: a rule turned off leaves the findings, a broken config shows where', async () => {
    const dir = project('eqsans.schema.json', 'common.json');
    const schema = join(dir, 'schemas/eqsans.schema.json');
    editJson(schema, (s) => {
      s.properties.maxWavelength = { type: 'number', default: 8 };
    });
    const preview = await startPreview(['schemas/eqsans.schema.json'], dir);
    try {
      const { page } = await openPage(preview);
      const finding = page.locator('li[data-rule="missing-units"]');
      await finding.first().waitFor();
      writeFileSync(
        join(dir, 'formulary.config.json'),
        '{ "lint": { "rules": { "missing-units": "off" } } }\n',
      );
      await finding.first().waitFor({ state: 'detached', timeout: 10_000 });
      writeFileSync(
        join(dir, 'formulary.config.json'),
        '{\n  "lint": { "rules": { "missing-units": "of" } }\n}\n',
      );
      const alert = page.getByTestId('preview-load-problem');
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.textContent()).toMatch(/formulary\.config\.json:2:\d+/);
      await page.getByLabel(/^IPTS \*$/).waitFor(); // the last good form stays
    } finally {
      await preview.stop();
    }
  });
});

describe('formulary preview --lang fr: the page, the form and its findings in French', () => {
  let preview: RunningPreview;
  let dir: string;
  beforeAll(async () => {
    dir = project('eqsans.schema.json', 'common.json');
    preview = await startPreview(['schemas/eqsans.schema.json', '--lang', 'fr'], dir);
  });
  afterAll(() => preview?.stop());

  test('the words are French; a broken save is said in French, and the French form stays behind it', async () => {
    const { page, errors } = await openPage(preview);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect.poll(() => page.title()).toBe('Aperçu · schemas/eqsans.schema.json');
    for (const name of [
      'Formulaire',
      'Remarques du linter',
      'Demande (en direct)',
      'Demande par défaut',
      'Fichiers surveillés',
    ])
      await page.getByRole('heading', { name, exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Form', exact: true }).count()).toBe(0);
    // The form speaks the same language (its button and section words come from its catalogue).
    await page.getByRole('button', { name: 'Envoyer la demande' }).waitFor();
    await page.getByText('Aucune remarque.', { exact: true }).waitFor();
    // A finding's severity is a French word.
    const schema = join(dir, 'schemas/eqsans.schema.json');
    const shown = await schemaRevisionOf(page);
    editJson(schema, (s) => {
      s.properties.maxWavelength = { type: 'number', title: 'Longest wavelength', default: 8 };
    });
    await waitForSchemaAfter(page, shown);
    const finding = page.locator('li[data-rule="missing-units"]');
    await finding.waitFor({ timeout: 10_000 });
    expect(await finding.locator('strong').textContent()).toBe('avertissement');
    expect(await finding.getByRole('button').getAttribute('title')).toBe('Aller au champ /maxWavelength');

    await page.getByLabel(/^IPTS \*$/).fill('IPTS-3131');
    const good = readFileSync(schema, 'utf8');
    writeFileSync(schema, good.replace('"properties": {', '"properties": {{'));
    const alert = page.getByTestId('preview-load-problem');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain(
      'schemas/eqsans.schema.json ne se charge pas : le formulaire ci-dessous est le dernier qui s’est chargé.',
    );
    expect(await page.getByLabel(/^IPTS \*$/).inputValue()).toBe('IPTS-3131');
    writeFileSync(schema, good);
    await alert.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByRole('heading', { name: 'Formulaire', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});
