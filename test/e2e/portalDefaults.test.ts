/**
 * Instrument defaults edited by staff, and the audit page, in Chromium against `formulary serve
 * --demo-users` (SQLite): Carol (EQSANS staff) changes a default on the defaults page; Alice's new
 * form starts from it with "Default changed by carol on …" in the field's help; a staff-only field
 * is read-only for Alice with its note, and the server refuses a forced value (403 naming the field);
 * Carol's reset brings the schema's default back and the history shows old -> new; the admin reads
 * those entries on the audit page, and Alice has no link to it and the service refuses her.
 * The served EQSANS schema marks one field staff-only (a copy; the shipped schema has none).
 * Needs `npm run build:app` first.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { repoRoot, type ServerProcess, startServerProcess } from '../server/serverProcess';
import { type LaunchedBrowser, launchChromium } from './chromium';

let server: ServerProcess;
let browser: LaunchedBrowser;
const dir = mkdtempSync(join(tmpdir(), 'formulary-portal-defaults-'));
const shipped = join(repoRoot, 'src/schemas/instruments');
const STAFF_FIELD = '/normalisation/mmRadiusForTransmission';

beforeAll(async () => {
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  for (const file of readdirSync(shipped).filter((f) => f.endsWith('.json')))
    copyFileSync(join(shipped, file), join(instruments, file));
  const eqsans = JSON.parse(readFileSync(join(shipped, 'eqsans.schema.json'), 'utf8'));
  eqsans.properties.normalisation.properties.mmRadiusForTransmission['x-access'] = 'staff';
  writeFileSync(join(instruments, 'eqsans.schema.json'), JSON.stringify(eqsans, null, 2));
  server = await startServerProcess({
    db: join(dir, 'formulary.sqlite'),
    instruments,
    portal: join(repoRoot, 'dist/app'),
    args: ['--demo-users'],
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function signedIn(username: string, hash = ''): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/?instrument=eqsans`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.waitFor({ timeout: 60_000 });
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Password').fill('formulary-demo');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('region', { name: 'Account' }).waitFor({ timeout: 30_000 });
  if (hash) await page.evaluate((h) => (window.location.hash = h), hash);
  return page;
}

/** The text input of the field at `pointer` in `scope`, its section opened from the table of contents (sections render lazily). */
async function field(scope: Locator, section: string, pointer: string): Promise<Locator> {
  const input = scope.locator(`[data-pointer="${pointer}"] input[type="text"]`).first();
  await scope.getByRole('link', { name: section, exact: true }).first().click();
  await input.waitFor({ timeout: 30_000 });
  await input.scrollIntoViewIfNeeded();
  return input;
}

/** The help text beside an input (its aria-describedby). */
const helpOf = (input: Locator) =>
  input.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

test('staff change a default, new forms start from it, reset restores it, the history shows the diff', async () => {
  // Carol (EQSANS staff) follows the header's link to the defaults page.
  const carol = await signedIn('carol');
  await carol.getByRole('link', { name: 'eqsans defaults' }).click();
  const editor = carol.locator('main.defaults-page');
  const radius = await field(editor, 'Beam center', '/beamCenter/comRadius');
  expect(await radius.inputValue()).toBe('50');
  await radius.fill('65');
  await editor.getByRole('button', { name: 'Save as the defaults' }).click();
  await expect.poll(() => editor.getByRole('status').first().textContent()).toBe('1 default saved.');
  const changed = editor.getByRole('region', { name: 'Changed defaults' });
  await expect.poll(() => changed.textContent()).toContain('/beamCenter/comRadius');
  expect(await changed.textContent()).toContain('Default changed by carol on');

  // Alice's new form starts from 65, and the field's help says who changed it.
  const alice = await signedIn('alice');
  const aliceRadius = await field(alice.locator('main.portal__form'), 'Beam center', '/beamCenter/comRadius');
  expect(await aliceRadius.inputValue()).toBe('65');
  expect(await helpOf(aliceRadius)).toMatch(/Default changed by carol on \w+ \d+, \d{4}\./);
  // No defaults link and no audit link for a scientist.
  expect(await alice.getByRole('link', { name: 'eqsans defaults' }).count()).toBe(0);
  expect(await alice.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
  await alice.close();
  await carol.close();

  // Reset (Carol signs in again: the browser's cookies were Alice's): the schema's 50 is back.
  const carolAgain = await signedIn('carol', '#/defaults/eqsans');
  const editor2 = carolAgain.locator('main.defaults-page');
  const changed2 = editor2.getByRole('region', { name: 'Changed defaults' });
  await changed2.getByRole('button', { name: 'Reset Centre-of-mass radius to the schema default' }).click();
  await expect
    .poll(() => editor2.getByRole('status').first().textContent())
    .toBe('Reset to the schema default.');
  await expect.poll(() => changed2.textContent()).toContain("Every field has the schema's default.");
  expect(await (await field(editor2, 'Beam center', '/beamCenter/comRadius')).inputValue()).toBe('50');

  // The history: newest first, old -> new per change.
  await editor2.getByRole('link', { name: 'History of the defaults' }).click();
  const history = carolAgain.getByRole('table', { name: 'History of the eqsans defaults' });
  await history.waitFor({ timeout: 30_000 });
  const rows = await history.locator('tbody tr').allInnerTexts();
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatch(
    /carol\s+Centre-of-mass radius \/beamCenter\/comRadius\s+65 → 50 \(reset to the schema default\)/,
  );
  expect(rows[1]).toMatch(/carol\s+Centre-of-mass radius \/beamCenter\/comRadius\s+50 → 65$/);
  expect(await history.locator('tbody tr').first().locator('del').textContent()).toBe('65');
  expect(await history.locator('tbody tr').first().locator('ins').textContent()).toBe('50');
  await carolAgain.close();
}, 240_000);

test('a staff-only field is read-only for a scientist, with its note; a forced value is refused naming it', async () => {
  const alice = await signedIn('alice');
  const input = await field(alice.locator('main.portal__form'), 'Normalisation (advanced)', STAFF_FIELD);
  expect(await input.evaluate((el) => (el as HTMLInputElement).readOnly)).toBe(true);
  expect(await helpOf(input)).toContain(
    'Only eqsans staff may change this field; it keeps its default for you.',
  );
  // The page's own session forces a changed value past the form: the server refuses it.
  const example = JSON.parse(
    readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8'),
  );
  const post = (request: unknown) =>
    alice.evaluate(async (body) => {
      const csrf = /(?:^|; )formulary_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch('/api/instruments/eqsans/submissions', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': decodeURIComponent(csrf),
          'idempotency-key': crypto.randomUUID(),
          'x-schema-version': '1',
        },
        body,
      });
      return { status: response.status, body: await response.json() };
    }, JSON.stringify(request));
  const forced = await post({
    ...example,
    normalisation: { ...example.normalisation, mmRadiusForTransmission: 40 },
  });
  expect(forced.status).toBe(403);
  expect(forced.body.detail).toContain('(/normalisation/mmRadiusForTransmission)');
  expect(forced.body.fields).toEqual([expect.objectContaining({ pointer: STAFF_FIELD })]);
  // The same request with the default is accepted: the 403 was for that field.
  expect((await post(example)).status).toBe(201);
  await alice.close();
}, 120_000);

test('the admin reads the audit log with those entries; a scientist is refused', async () => {
  const admin = await signedIn('admin');
  await admin.getByRole('link', { name: 'Audit log' }).click();
  const table = admin.getByRole('table', { name: 'Audit log' });
  await table.waitFor({ timeout: 30_000 });
  await expect.poll(() => table.textContent()).toContain('default-reset');
  const text = (await table.textContent()) ?? '';
  expect(text).toContain('default-change');
  expect(text).toContain('eqsans:/beamCenter/comRadius');
  expect(text).toContain('127.0.0.1');
  // Filtered by action: only the change remains.
  await admin.getByLabel('Action').selectOption('default-change');
  await expect
    .poll(async () =>
      (await table.locator('tbody tr').allInnerTexts()).map((r) => r.includes('default-change')),
    )
    .toEqual([true]);
  await admin.close();

  const alice = await signedIn('alice', '#/audit');
  await expect
    .poll(() => alice.getByRole('alert').first().textContent())
    .toBe('The audit log could not be read: your account may not do this.');
  expect(await alice.getByRole('table', { name: 'Audit log' }).count()).toBe(0);
  await alice.close();
}, 120_000);

test('a defaults page for an instrument the portal does not have says so, in English and in French', async () => {
  const carol = await signedIn('carol', '#/defaults/no-such-instrument');
  await expect
    .poll(() => carol.getByRole('alert').first().textContent(), { timeout: 30_000 })
    .toBe('There is no instrument “no-such-instrument” in this portal.');
  // The same page in French: the portal's words, not the Error's English message.
  await carol.goto(`${server.url}/?instrument=eqsans&lang=fr#/defaults/no-such-instrument`);
  await expect
    .poll(() => carol.getByRole('alert').first().textContent(), { timeout: 30_000 })
    .toBe('Ce portail n’a pas d’instrument « no-such-instrument ».');
  await carol.close();
}, 120_000);
