/**
 * <formulary-form live-status> against a real `formulary serve`: after an accepted submit the element
 * shows the live state of the jobs it just created, following them to succeeded, with a link to the
 * submission's page in the portal. The page, the embed bundle and the portal are all served by the
 * service (a temporary portal folder). Builds the embed bundle; needs `npm run build:app` first.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  repoRoot,
  type ServerProcess,
  startServerProcess,
  testerFetch,
  testerHeaders,
} from '../server/serverProcess';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';

let server: ServerProcess;
let browser: LaunchedBrowser;
const dir = mkdtempSync(join(tmpdir(), 'formulary-embed-live-'));

beforeAll(async () => {
  buildEmbed();
  const portal = join(dir, 'portal');
  cpSync(join(repoRoot, 'dist/app'), portal, { recursive: true });
  cpSync(join(repoRoot, 'dist/embed'), join(portal, 'embed'), { recursive: true });
  writeFileSync(
    join(portal, 'embed.html'),
    `<!doctype html><html><head><meta charset="utf-8"><script src="/embed/formulary.js" defer></script></head>
<body><h1>Facility page</h1>
<formulary-form schema-src="/schemas/eqsans.schema.json" submit-url="/api/instruments/eqsans/submissions"
  drafts="off" live-status></formulary-form></body></html>`,
  );
  const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
  mkdirSync(join(dir, 'jobs'));
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      jobs: {
        jobsDir: join(dir, 'jobs'),
        tasks: {
          '*': { command: ['{node}', simulator, '{requestFile}', '--seconds', '3'], curveFile: 'iq.csv' },
        },
      },
    }),
  );
  server = await startServerProcess({ db: join(dir, 'db.sqlite'), portal, config: join(dir, 'config.json') });
  browser = await launchChromium();
  // The pages act as the seeded tester (an API token on every request, WebSocket and stream included):
  // these tests are about the pages, the permission rules have their own (portalAuth, permissions).
  await browser.context.setExtraHTTPHeaders(testerHeaders(server.url));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('after an accepted submit the element follows its job live and links to its page', async () => {
  const { page, errors } = await openRecorded(browser, `${server.url}/embed.html`);
  await page.getByRole('textbox', { name: /^IPTS/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('textbox', { name: /^IPTS/ }).fill('19800');
  await page.getByRole('textbox', { name: 'Run number, row 1' }).fill('88980');
  await page
    .getByRole('button', { name: /^Submit/ })
    .first()
    .click();
  const status = page.getByRole('status', { name: 'Reduction status' });
  // Accepted first (a refusal would say why here), then the live status.
  await page.locator('.formulary-embed__result:not([data-outcome="sending"])').waitFor({ timeout: 90_000 });
  expect(await page.locator('.formulary-embed__result').textContent()).toBe('Request sent (HTTP 201).');
  await status.waitFor({ timeout: 30_000 });
  const item = status.getByRole('listitem').first();
  await expect.poll(() => item.getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
  await expect.poll(() => item.getAttribute('data-state'), { timeout: 60_000 }).toBe('succeeded');
  expect(await item.textContent()).toMatch(/: succeeded$/);

  const listed = (await (await testerFetch(`${server.url}/api/submissions`)).json()) as {
    items: { id: string }[];
  };
  expect(listed.items).toHaveLength(1);
  const href = await status.getByRole('link', { name: 'Follow it on its page' }).getAttribute('href');
  expect(href).toBe(`${server.url}/#/submissions/${listed.items[0]!.id}`);
  // The link opens the submission's page in the portal.
  await page.goto(href!);
  await expect
    .poll(() => page.locator('section.subs-job').first().getAttribute('data-state'), { timeout: 30_000 })
    .toBe('succeeded');
  expect(errors).toEqual([]);
  await page.close();
});
