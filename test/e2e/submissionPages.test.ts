/**
 * The submission pages in Chromium against a real `formulary serve` (SQLite, the built portal, the
 * demo reduction simulator as each instrument's task): submit in the portal, find it in "My
 * submissions", watch its job go queued → running → succeeded with log lines arriving live and the
 * I(Q) plot appearing; re-run it; a failing job shows its error line; cancel stops a long job; a
 * reload in the middle shows everything so far and keeps following; with WebSockets blocked, the
 * pages fall back to Server-Sent Events by themselves. Needs `npm run build:app` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { repoRoot, type ServerProcess, submit, testerFetch } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { ServedPages } from './servedPages';

const pages = new ServedPages('formulary-pages-e2e-');
let server: ServerProcess;
let browser: LaunchedBrowser;
const example = (file: string) => readFileSync(join(repoRoot, 'examples', file), 'utf8');

beforeAll(async () => {
  const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
  const task = (seconds: number) => ({
    command: ['{node}', simulator, '{requestFile}', '--seconds', String(seconds)],
    curveFile: 'reduced/iq.csv',
    concurrency: 3,
  });
  ({ server, browser } = await pages.start({
    instruments: ['eqsans.schema.json', 'biosans.schema.json', 'common.json'],
    config: (dir) => ({
      jobs: { maxConcurrent: 6, jobsDir: join(dir, 'jobs'), tasks: { eqsans: task(6), biosans: task(120) } },
    }),
  }));
});

afterAll(async () => {
  expect(await pages.stop()).toBe(0);
});

async function submitted(instrument: string, body: string): Promise<string> {
  const response = await submit(server.url, instrument, body, { 'idempotency-key': crypto.randomUUID() });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function openPage(path: string, blockWebSocket = false): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A proxy that accepts the upgrade and drops the connection at once.
  if (blockWebSocket) await page.routeWebSocket(/\/api\/live$/, (ws) => ws.close({ code: 1011 }));
  await page.goto(`${server.url}/${path}`);
  return { page, errors };
}

const job = (page: Page) => page.locator('section.subs-job').first();
/** The count the log shows ("10,000 lines": grouped in the page's language). */
const logCount = async (page: Page) =>
  Number((await page.getByTestId('log-count').first().textContent())?.split(' ')[0]?.replace(/\D/g, ''));

test('submit in the portal, find it in the list, watch it run live to succeeded with its plot, then re-run it', async () => {
  const { page, errors } = await openPage('?instrument=eqsans');
  await page.getByRole('textbox', { name: /^IPTS/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('textbox', { name: /^IPTS/ }).fill('19800');
  await page.getByRole('textbox', { name: 'Run number, row 1' }).fill('88980');
  await page
    .getByRole('button', { name: /^Submit/ })
    .first()
    .click();
  await page
    .getByRole('region', { name: 'History' })
    .getByRole('listitem')
    .first()
    .waitFor({ timeout: 60_000 });

  // The history links the accepted request to its page.
  const follow = page.getByRole('region', { name: 'History' }).getByRole('link', { name: 'Follow its jobs' });
  expect(await follow.first().getAttribute('href')).toMatch(/^#\/submissions\/[\w-]+$/);

  await page.getByRole('link', { name: 'My submissions' }).click();
  const row = page.locator('tr[data-submission]').first();
  await row.waitFor({ timeout: 30_000 });
  expect(await row.textContent()).toContain('IPTS-19800');
  await expect.poll(() => page.getByTestId('live-status').getAttribute('data-transport')).toBe('websocket');
  await row.getByRole('link').click();

  // Queued or already running when the page opens; lines arrive while it runs.
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('running');
  await expect.poll(() => logCount(page), { timeout: 10_000 }).toBeGreaterThan(2);
  const whileRunning = await logCount(page);
  expect(await job(page).getAttribute('data-state')).toBe('running');
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('succeeded');
  expect(await logCount(page)).toBeGreaterThan(whileRunning);
  const timeline = job(page).getByRole('list', { name: 'Timeline of attempt 1' });
  expect(
    await timeline.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-state'))),
  ).toEqual(['queued', 'running', 'succeeded']);
  // The curve: plotted, with points, complete once the job ended.
  const plot = page.getByTestId('curve-plot');
  await expect.poll(() => plot.getAttribute('data-points'), { timeout: 10_000 }).not.toBe('0');
  await expect
    .poll(() => page.locator('figure.subs-plot figcaption').textContent())
    .not.toContain('still being written');
  expect(await plot.locator('canvas').count()).toBe(1);

  // The plotted data and the log download as text.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the data' }).click(),
  ]);
  const data = readFileSync(await download.path(), 'utf8');
  expect(data).toMatch(/^# curve: .+\n[\d.e+-]+,[\d.e+-]+,/m);
  const logHref = await job(page).getByRole('link', { name: 'Download the log' }).getAttribute('href');
  expect(await (await testerFetch(logHref!)).text()).toContain('Reducing');

  // The request as accepted, in its form, read-only, with the changed fields marked.
  const request = page.getByRole('region', { name: 'Request' });
  await request.getByText('The request in its form').click();
  const ipts = request.getByRole('textbox', { name: /^IPTS/ });
  await ipts.waitFor({ timeout: 30_000 });
  expect(await ipts.inputValue()).toContain('19800');
  expect(await ipts.isEditable()).toBe(false);
  expect(await request.locator('[data-changed="true"]').count()).toBeGreaterThan(0);

  // Search within the log.
  await job(page).getByRole('searchbox', { name: 'Search the log' }).fill('Reducing');
  // The search asks the service (the whole stored log), so its count comes a moment later.
  await expect.poll(() => job(page).getByTestId('log-count').textContent()).toMatch(/^1 of \d+ lines match$/);
  expect(await job(page).locator('.subs-log__line mark').first().textContent()).toBe('Reducing');
  await job(page).getByRole('searchbox', { name: 'Search the log' }).fill('');

  // Re-run: attempt 2 of the same job, followed live to its end.
  await job(page).getByRole('button', { name: 'Re-run' }).click();
  await job(page).getByRole('list', { name: 'Timeline of attempt 2' }).waitFor({ timeout: 10_000 });
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('succeeded');
  expect(await job(page).getByRole('combobox', { name: 'Attempt' }).inputValue()).toBe('2');
  const jobs = (await (
    await testerFetch(
      `${server.url}/api/submissions/${await page.getByTestId('submission-id').textContent()}/jobs`,
    )
  ).json()) as {
    items: { attempts: { state: string }[] }[];
  };
  expect(jobs.items[0]!.attempts.map((a) => a.state)).toEqual(['succeeded', 'succeeded']);
  expect(errors).toEqual([]);
  await page.close();
});

test('a failing job shows its error line; the list filters by state', async () => {
  const request = JSON.parse(example('eqsans/average-protein-concentrations.json'));
  request.job.scans[0].transmission.value = 0.05;
  const id = await submitted('eqsans', JSON.stringify(request));
  const { page, errors } = await openPage(`#/submissions/${id}`);
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('failed');
  expect(await job(page).locator('.subs-job__message').textContent()).toContain('below 0.1');
  expect(await job(page).locator('.subs-log__line--stderr').last().textContent()).toContain('cannot reduce');

  await page.goto(`${server.url}/#/submissions`);
  await page.locator(`tr[data-submission="${id}"]`).waitFor({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'State' }).selectOption('failed');
  await expect.poll(() => page.locator('tr[data-submission]').count()).toBe(1);
  expect(await page.locator('tr[data-submission]').getAttribute('data-submission')).toBe(id);
  expect(errors).toEqual([]);
  await page.close();
});

test('cancel stops a long job; a reload in the middle shows everything so far and keeps following', async () => {
  const id = await submitted('biosans', example('biosans/average-apoferritin-three-panels.json'));
  const { page, errors } = await openPage(`#/submissions/${id}`);
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('running');
  await expect.poll(() => logCount(page), { timeout: 30_000 }).toBeGreaterThan(2);
  const before = await logCount(page);
  await page.reload();
  await expect.poll(() => logCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(before);
  const seqs = await page
    .locator('.subs-log__line')
    .evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('data-seq'))));
  expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
  expect(await job(page).getAttribute('data-state')).toBe('running');

  await job(page).getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('cancelled');
  expect(await job(page).locator('.subs-job__message').textContent()).toMatch(/^Cancelled by /);
  expect(await job(page).getByRole('button', { name: 'Re-run' }).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

test('with WebSockets blocked, the list and the submission page fall back to Server-Sent Events', async () => {
  const { page, errors } = await openPage('#/submissions', true);
  await expect
    .poll(() => page.getByTestId('live-status').getAttribute('data-transport'), { timeout: 20_000 })
    .toBe('sse');
  await expect.poll(() => page.getByTestId('live-status').getAttribute('data-connected')).toBe('true');
  // A submission made now appears in the list and its state follows live.
  const id = await submitted('eqsans', example('eqsans/average-protein-concentrations.json'));
  const row = page.locator(`tr[data-submission="${id}"]`);
  await row.waitFor({ timeout: 30_000 });
  await expect.poll(() => row.locator('td').nth(3).textContent(), { timeout: 60_000 }).toBe('succeeded');

  await row.getByRole('link').click();
  await expect
    .poll(() => page.getByTestId('live-status').getAttribute('data-transport'), { timeout: 20_000 })
    .toBe('sse');
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('succeeded');
  expect(await logCount(page)).toBeGreaterThan(2);
  expect(errors).toEqual([]);
  await page.close();
});

test('a WebSocket dropped mid-run reconnects from the last event id: no line lost, none twice', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const subscribes: { since?: number }[] = [];
  let dropped = false;
  await page.routeWebSocket(/\/api\/live$/, (ws) => {
    const upstream = ws.connectToServer();
    let events = 0;
    ws.onMessage((message) => {
      subscribes.push(JSON.parse(String(message)));
      upstream.send(message);
    });
    upstream.onMessage((message) => {
      ws.send(message);
      // The first connection dies after its fourth event, as a flaky proxy would drop it.
      if (!dropped && String(message).includes('"type":"event"') && ++events === 4) {
        dropped = true;
        void ws.close({ code: 1012 });
        void upstream.close();
      }
    });
  });
  const id = await submitted('eqsans', example('eqsans/average-protein-concentrations.json'));
  await page.goto(`${server.url}/#/submissions/${id}`);
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('succeeded');
  expect(dropped).toBe(true);
  expect(subscribes.length).toBeGreaterThanOrEqual(2);
  // The first subscription follows the snapshot's event id; the reconnect resumes past it.
  expect(subscribes[0]!.since).toBeGreaterThan(0);
  expect(subscribes[1]!.since).toBeGreaterThan(subscribes[0]!.since!);

  const jobs = (await (await testerFetch(`${server.url}/api/submissions/${id}/jobs`)).json()) as {
    items: { attempts: { lines: number }[] }[];
  };
  const stored = jobs.items[0]!.attempts[0]!.lines;
  await expect.poll(() => logCount(page)).toBe(stored);
  const seqs = await page
    .locator('.subs-log__line')
    .evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('data-seq'))));
  expect(seqs).toEqual(Array.from({ length: stored }, (_, i) => i + 1));
  const states = await job(page)
    .getByRole('list', { name: 'Timeline of attempt 1' })
    .locator('li')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
  expect(states).toEqual(['queued', 'running', 'succeeded']);
  expect(errors).toEqual([]);
  await page.close();
});
