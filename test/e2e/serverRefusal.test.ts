/**
 * A 422 from the real service, shown beside the field it names, in the portal and in the embed. The
 * facility tightens the EQSANS run cycle to cycles A and B, and output names to lower case, while a page
 * is open: the portal still has
 * the schema it loaded before (its schema files answered from the shipped copy; the embed uses the
 * page's own copy), so the page's
 * checks pass "2026C", the restarted service refuses it, and the server's message appears at the run
 * cycle field and in the error summary; nothing is stored. In French (?lang=fr) the portal asks for
 * French (Accept-Language) and the server's field message and the refusal line are French; the
 * submission pages word a failed read in French too. Needs `npm run build:app`; builds the embed.
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
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import fr from '../../src/schemas/i18n/messages/fr.json';
import {
  repoRoot,
  type ServerProcess,
  startServerProcess,
  testerFetch,
  testerHeaders,
} from '../server/serverProcess';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { clearPortalStorage } from './clearPortalStorage';
import { buildEmbed, openRecorded } from './embedTestPage';
import { type ServedPage, servePage } from './servePage';

const french: Record<string, string> = fr;
let server: ServerProcess;
let instruments: string;
let browser: LaunchedBrowser;
let site: ServedPage;
const dir = mkdtempSync(join(tmpdir(), 'formulary-refusal-e2e-'));
const shipped = join(repoRoot, 'src/schemas/instruments');
const strictCycle = '"pattern": "^20[0-9]{2}[A-B]$"';

const embedPage = `<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head>
<body><formulary-form drafts="off" schema-src="/src/schemas/instruments/eqsans.schema.json"
  submit-url="/relay/api/instruments/eqsans/submissions"></formulary-form></body></html>`;

beforeAll(async () => {
  instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  for (const name of readdirSync(shipped).filter((n) => n.endsWith('.json')))
    copyFileSync(join(shipped, name), join(instruments, name));
  const eqsans = readFileSync(join(shipped, 'eqsans.schema.json'), 'utf8');
  const stricter = eqsans.replace('"pattern": "^20[0-9]{2}[A-C]$"', strictCycle);
  expect(stricter).toContain(strictCycle);
  writeFileSync(join(instruments, 'eqsans.schema.json'), stricter);
  // Output names: lower-case letters and underscores only, from now on.
  const common = readFileSync(join(shipped, 'common.json'), 'utf8');
  const stricterCommon = common.replace('"pattern": "^[A-Za-z0-9_.-]+$"', '"pattern": "^[a-z_]+$"');
  expect(stricterCommon).not.toBe(common);
  writeFileSync(join(instruments, 'common.json'), stricterCommon);
  server = await startServerProcess({
    db: join(dir, 'formulary.sqlite'),
    instruments,
    portal: join(repoRoot, 'dist/app'),
  });
  buildEmbed();
  // The embed's page, on its own origin: its POSTs are relayed to the service as they are.
  site = await servePage('.', (req, res) => {
    if (req.url === '/refusal.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(embedPage);
      return true;
    }
    if (req.method === 'POST' && req.url?.startsWith('/relay/')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers: Record<string, string> = { ...testerHeaders(server.url) };
        for (const name of ['content-type', 'idempotency-key', 'x-schema-version'])
          if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
        void testerFetch(`${server.url}${req.url!.slice('/relay'.length)}`, {
          method: 'POST',
          headers,
          body: Buffer.concat(chunks),
        }).then(async (answer) => {
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'text/plain',
          });
          res.end(await answer.text());
        });
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
  expect(await server?.stop('SIGTERM')).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

async function storedCount(): Promise<number> {
  const listed = (await (await testerFetch(`${server.url}/api/submissions?instrument=eqsans`)).json()) as {
    items: unknown[];
  };
  return listed.items.length;
}

/** Fills IPTS, the first run number and a run cycle the page allows and the server does not. */
async function fillAndSubmit(page: Page, submitName: RegExp, committed?: () => Promise<void>) {
  await page.getByRole('textbox', { name: /^IPTS/ }).fill('19800');
  await page.getByRole('textbox', { name: 'Run number, row 1' }).fill('88980');
  const cycle = page.getByRole('textbox', { name: /^Run cycle/ });
  const unset = page.getByRole('checkbox', { name: /Unset.*Run cycle|Run cycle.*unset/i });
  if (await cycle.isDisabled()) await unset.click();
  await cycle.fill('2026C');
  await committed?.();
  await page.getByRole('button', { name: submitName }).first().click();
  return cycle;
}

test('portal: the server refuses an output name the page accepted; its message is at that field', async () => {
  // The page still has the schema it loaded before the facility tightened it: its schema files are
  // answered with the shipped ones (as from the browser's cache), while the service checks the new one.
  const page = await browser.context.newPage();
  await page.route(/\/schemas\/(eqsans\.schema|common)\.json$/, (route) =>
    route.fulfill({ path: join(shipped, new URL(route.request().url()).pathname.split('/').pop()!) }),
  );
  // The page acts as the seeded tester (sign-in has its own tests).
  await page.setExtraHTTPHeaders(testerHeaders(server.url));
  const statuses: number[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST') statuses.push(r.status());
  });
  await page.goto(`${server.url}/?instrument=eqsans`);
  await page.getByRole('textbox', { name: /^IPTS/ }).waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByRole('textbox', { name: /^IPTS/ }).fill('19800');
  await page.getByRole('textbox', { name: 'Run number, row 1' }).fill('88980');
  const output = page.getByRole('textbox', { name: /^Output name/ });
  await output.fill('Lyso-B');
  await page
    .getByRole('button', { name: /^Submit/ })
    .first()
    .click();
  await expect.poll(() => output.getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
  const field = page.locator('.formulary-field', { has: output });
  expect(await field.textContent()).toMatch(/pattern|expected form/);
  await expect
    .poll(() => page.getByRole('alert').filter({ hasText: 'refused' }).first().textContent())
    .toMatch(/field it names is marked/);
  expect(statuses).toEqual([422]);
  expect(await storedCount()).toBe(0);
  // Fixed as the server wants: the mark goes as the field changes.
  await output.fill('lyso_b');
  await expect.poll(() => output.getAttribute('aria-invalid')).not.toBe('true');
  await page.close();
});

test('embed: the same refusal is shown beside the field, and the page was sent X-Schema-Version', async () => {
  const { page, errors } = await openRecorded(browser, `${site.url}refusal.html`);
  await page.getByRole('textbox', { name: /^IPTS/ }).waitFor({ state: 'visible', timeout: 60_000 });
  const cycle = await fillAndSubmit(page, /^Submit/);
  // Waits for the server's words: the field is marked invalid from the untick until a value is typed.
  const field = page.locator('.formulary-field', { has: cycle });
  await expect.poll(() => field.textContent(), { timeout: 30_000 }).toMatch(/pattern|expected form/);
  expect(await cycle.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('[data-outcome="failed"]').textContent()).toContain('HTTP 422');
  expect(await storedCount()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('portal in French: the server words its refusal in the form’s language (Accept-Language)', async () => {
  const page = await browser.context.newPage();
  await page.route(/\/schemas\/(eqsans\.schema|common)\.json$/, (route) =>
    route.fulfill({ path: join(shipped, new URL(route.request().url()).pathname.split('/').pop()!) }),
  );
  await page.setExtraHTTPHeaders(testerHeaders(server.url));
  const languages: (string | undefined)[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/submissions'))
      languages.push(r.headers()['accept-language']);
  });
  // A fresh browser store: the English test's refused request (its job kind stored in English) is not this one.
  await page.goto(`${server.url}/`);
  await clearPortalStorage(page);
  await page.goto(`${server.url}/?instrument=eqsans&lang=fr`);
  const ipts = page.getByRole('textbox', { name: /^IPTS/ });
  await ipts.waitFor({ state: 'visible', timeout: 60_000 });
  await ipts.fill('19800');
  await page.getByRole('textbox', { name: /^Numéro de run, ligne 1/ }).fill('88980');
  const output = page.getByRole('textbox', { name: /^Nom de sortie/ });
  await output.fill('Lyso-B');
  await page
    .getByRole('button', { name: new RegExp(`^${french['form.submit']}`) })
    .first()
    .click();
  await expect.poll(() => output.getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
  expect(languages).toEqual(['fr']);
  // The page's own checks let "Lyso-B" pass: these words are the server's, in French.
  const field = page.locator('.formulary-field', { has: output });
  expect(await field.textContent()).toContain('n’a pas la forme attendue (motif ^[a-z_]+$)');
  const refusal = page.locator('.formulary-submit-rejected');
  await expect
    .poll(() => refusal.textContent())
    .toBe(
      'Le serveur a refusé la demande : 1 champ ne correspond pas à son schéma. Le champ qu’il nomme est signalé dans le formulaire.',
    );
  // biome-ignore lint/performance/useDomNodeTextContent: visible text is what is asserted
  const seen = await page.locator('body').innerText();
  for (const english of [
    'does not have',
    'problem in the request',
    'refused the request',
    'expected form',
    'One reduction of all scans',
  ])
    expect(seen).not.toContain(english);
  expect(await storedCount()).toBe(0);
  await page.close();
});

test('submission pages in French: a failed read says what failed and why, in French', async () => {
  const page = await browser.context.newPage();
  await page.setExtraHTTPHeaders(testerHeaders(server.url));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A submission that does not exist: its page cannot read it (404 from the service).
  await page.goto(`${server.url}/?lang=fr#/submissions/00000000-0000-4000-8000-000000000000`);
  const alert = page.locator('.subs-error');
  await expect
    .poll(() => alert.textContent(), { timeout: 30_000 })
    .toMatch(
      /^Impossible de lire (la soumission 00000000-0000-4000-8000-000000000000|les tâches) : ce qui est demandé n’existe pas, ou vous ne pouvez pas le voir$/,
    );
  // The list, when the service fails: the status is worded, not the browser's or the server's English.
  await page.route(/\/api\/submissions\?/, (route) =>
    route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"Unavailable"}' }),
  );
  await page.goto(`${server.url}/?lang=fr#/submissions`);
  await expect
    .poll(() => page.locator('.subs-error').textContent(), { timeout: 30_000 })
    .toBe('Impossible de lire les soumissions : le serveur a échoué (HTTP 503)');
  // The same page in English says it in English (the words are the catalogue's, not fixed).
  await page.goto(`${server.url}/?lang=en#/submissions`);
  await expect
    .poll(() => page.locator('.subs-error').textContent(), { timeout: 30_000 })
    .toBe('Could not read the submissions: the server failed (HTTP 503)');
  expect(errors).toEqual([]);
  await page.close();
});
