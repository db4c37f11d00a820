import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ServerProcess, testerFetch } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { LIVE_STATUS_BODY, simulatorConfig } from './liveStatusEmbed';
import { ServedPages } from './servedPages';

const pages = new ServedPages('formulary-embed-live-');
let server: ServerProcess;
let browser: LaunchedBrowser;

beforeAll(async () => {
  buildEmbed();
  ({ server, browser } = await pages.start({
    embedBody: LIVE_STATUS_BODY,
    config: (dir) => simulatorConfig(dir, 3),
  }));
}, 180_000);

afterAll(() => pages.stop());

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
