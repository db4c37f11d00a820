import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ServerProcess, testerFetch } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { resumeGetsResync, snapshotEventId } from './liveResync';
import { LIVE_STATUS_BODY, simulatorConfig } from './liveStatusEmbed';
import { ServedPages } from './servedPages';

const pages = new ServedPages('formulary-embed-resync-');
let server: ServerProcess;
let browser: LaunchedBrowser;

beforeAll(async () => {
  buildEmbed();
  ({ server, browser } = await pages.start({
    embedBody: LIVE_STATUS_BODY,
    // Finished jobs' events are swept after 3 s, while the element is cut off.
    config: (dir) => simulatorConfig(dir, 6, 3),
  }));
}, 180_000);

afterAll(() => pages.stop());

test('cut off while its job ends and the missed events are swept, the live status reads its states again', async () => {
  const { page, errors } = await openRecorded(browser, `${server.url}/embed.html`);
  let blocked = false;
  let cut: (() => void) | undefined;
  // A proxy the test can cut: while blocked, the WebSocket and the SSE fallback are refused.
  await page.routeWebSocket(/\/api\/live$/, (ws) => {
    if (blocked) {
      void ws.close({ code: 1013 });
      return;
    }
    const upstream = ws.connectToServer();
    ws.onMessage((message) => upstream.send(message));
    upstream.onMessage((message) => ws.send(message));
    cut = () => {
      void ws.close({ code: 1012 });
      void upstream.close();
    };
  });
  await page.route(/\/api\/live\/sse/, (route) => (blocked ? route.abort() : route.continue()));
  const snapshots: string[] = [];
  page.on('response', (r) => r.url().includes('/snapshot') && snapshots.push(r.url()));

  await page.getByRole('textbox', { name: /^IPTS/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('textbox', { name: /^IPTS/ }).fill('19800');
  await page.getByRole('textbox', { name: 'Run number, row 1' }).fill('88980');
  await page
    .getByRole('button', { name: /^Submit/ })
    .first()
    .click();
  const status = page.getByRole('status', { name: 'Reduction status' });
  await status.waitFor({ timeout: 90_000 });
  const item = status.getByRole('listitem').first();
  await expect.poll(() => item.getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
  expect(snapshots).toHaveLength(1);
  const id = /submissions\/([^/]+)\/snapshot/.exec(snapshots[0]!)![1]!;

  blocked = true;
  cut!();
  const cutAt = await snapshotEventId(server.url, id);
  const jobState = async () =>
    (
      (await (await testerFetch(`${server.url}/api/submissions/${id}/jobs`)).json()) as {
        items: { state: string }[];
      }
    ).items[0]?.state;
  await expect.poll(jobState, { timeout: 90_000 }).toBe('succeeded');
  // Swept: a resume from the id the element was current to (at most this) is now refused.
  await expect
    .poll(() => resumeGetsResync(server.url, id, cutAt), { timeout: 30_000, interval: 500 })
    .toBe(true);
  // Still what it saw before the cut.
  expect(await item.getAttribute('data-state')).toBe('running');

  // Back online: resync, a second snapshot read, and the state as it is now.
  blocked = false;
  await expect.poll(() => snapshots.length, { timeout: 60_000 }).toBe(2);
  await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('succeeded');
  expect(await item.textContent()).toMatch(/: succeeded$/);
  expect(errors).toEqual([]);
  await page.close();
}, 240_000);
