/**
 * The submission page on a long, chatty job in Chromium against a real `formulary serve` (SQLite, the
 * built portal, a reduction that prints 30,000 lines in bursts and grows its curve file): a reload in
 * the middle shows everything so far from one snapshot and keeps following, and the frames the page
 * receives carry only what followed the snapshot (counted on the WebSocket), not the log's history;
 * earlier lines load on request; the plot gains points while the job runs, read on the server's curve
 * events rather than on a timer; a page cut off while the retention sweep removes the events it
 * missed gets the resync signal on reconnect and reloads its snapshot. Needs `npm run build:app` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chattyConfig } from '../server/live/chattyConfig';
import { repoRoot, type ServerProcess, submit, testerFetch } from '../server/serverProcess';
import type { LaunchedBrowser } from './chromium';
import { resumeGetsResync, snapshotEventId } from './liveResync';
import { ServedPages } from './servedPages';

const LINES = 30_000;
const pages = new ServedPages('formulary-snapshot-e2e-');
let server: ServerProcess;
let browser: LaunchedBrowser;
const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');

beforeAll(async () => {
  ({ server, browser } = await pages.start({
    instruments: ['eqsans.schema.json', 'common.json'],
    // The resync test needs a sweep within the test.
    config: (dir) => chattyConfig(dir, { lines: LINES, steps: 8, pauseMs: 1500, retentionSeconds: 3 }),
  }));
}, 120_000);

afterAll(async () => {
  expect(await pages.stop()).toBe(0);
});

async function submitted(): Promise<string> {
  const response = await submit(server.url, 'eqsans', example, { 'idempotency-key': crypto.randomUUID() });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const job = (page: Page) => page.locator('section.subs-job').first();
/** The count the log shows ("10,000 lines": grouped in the page's language). */
const logCount = async (page: Page) =>
  Number((await page.getByTestId('log-count').first().textContent())?.split(' ')[0]?.replace(/\D/g, ''));
const storedLines = async (id: string) => {
  const jobs = (await (await testerFetch(`${server.url}/api/submissions/${id}/jobs`)).json()) as {
    items: { state: string; attempts: { lines: number }[] }[];
  };
  return { lines: jobs.items[0]?.attempts[0]?.lines ?? 0, state: jobs.items[0]?.state };
};

/**
 * Counts what arrives on the page's live WebSocket: event frames and the log lines inside them (the
 * page asks for log batches as runs: lines seq, seq + 1, ... of one stream and time).
 */
function countFrames(page: Page) {
  const seen = { events: 0, lines: 0, bytes: 0, seqs: [] as number[] };
  page.on('websocket', (ws) => {
    if (!ws.url().endsWith('/api/live')) return;
    ws.on('framereceived', ({ payload }) => {
      const text = String(payload);
      seen.bytes += text.length;
      const message = JSON.parse(text) as {
        type: string;
        event?: { payload: { runs?: { seq: number; text: string[] }[] } };
      };
      if (message.type !== 'event') return;
      seen.events += 1;
      for (const run of message.event!.payload.runs ?? [])
        for (let i = 0; i < run.text.length; i++) {
          seen.lines += 1;
          seen.seqs.push(run.seq + i);
        }
    });
  });
  return seen;
}

test('a reload in the middle of a long log shows everything so far from a snapshot, then follows; the history is not replayed', async () => {
  const id = await submitted();
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/#/submissions/${id}`);
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
  // Half-way through the job: at least 10,000 lines stored.
  await expect
    .poll(async () => (await storedLines(id)).lines, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(10_000);

  const frames = countFrames(page);
  const snapshots: string[] = [];
  page.on('response', (r) => r.url().includes('/snapshot') && snapshots.push(r.url()));
  await page.reload();
  await expect.poll(() => logCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(10_000);
  const afterReload = await storedLines(id);
  expect(afterReload.state).toBe('running');
  expect(snapshots).toHaveLength(1);
  // The tail is in view, with a way to read what came before it.
  await page.getByTestId('log-earlier').waitFor();

  // It keeps following to the end: the count reaches every stored line, once.
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 90_000 }).toBe('succeeded');
  const done = await storedLines(id);
  expect(done.lines).toBeGreaterThan(LINES);
  await expect.poll(() => logCount(page)).toBe(done.lines);
  // What came over the socket after the reload: the lines after the snapshot, none twice, in order,
  // and far fewer than the whole log (the 10,000+ lines before the reload came in one snapshot).
  expect(frames.seqs).toEqual([...new Set(frames.seqs)].sort((a, b) => a - b));
  expect(frames.lines).toBeLessThan(done.lines - 9000);
  expect(frames.seqs.at(-1)).toBe(done.lines);
  const seqs = await page
    .locator('.subs-log__line')
    .evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('data-seq'))));
  expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
  expect(seqs.at(-1)).toBe(done.lines);
  const states = await job(page)
    .getByRole('list', { name: 'Timeline of attempt 1' })
    .locator('li')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
  expect(states).toEqual(['queued', 'running', 'succeeded']);

  // Earlier lines on request: 5,000 more, ending right before the first loaded one (the DOM holds
  // only the lines in view, so the top of the log is checked after scrolling there).
  const label = await page.getByTestId('log-earlier').textContent();
  const notShown = Number(/\(([\d,]+) not shown\)/.exec(label ?? '')![1]!.replace(/,/g, ''));
  await page.getByTestId('log-earlier').click();
  await expect
    .poll(
      async () =>
        (await page.getByTestId('log-earlier').count()) === 0 ||
        (await page.getByTestId('log-earlier').textContent()) !== label,
    )
    .toBe(true);
  if (notShown > 5000)
    expect(await page.getByTestId('log-earlier').textContent()).toContain(
      `(${(notShown - 5000).toLocaleString('en')} not shown)`,
    );
  await page.getByTestId('log-lines').evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect
    .poll(() => page.locator('.subs-log__line').first().getAttribute('data-seq'))
    .toBe(String(Math.max(1, notShown - 5000 + 1)));
  expect(await logCount(page)).toBe(done.lines);
  console.log(
    `after the reload: ${frames.events} event frames, ${frames.lines} log lines, ${frames.bytes} bytes over the WebSocket; the job stored ${done.lines} lines`,
  );
  expect(errors).toEqual([]);
  await page.close();
}, 240_000);

test('the plot gains points while the job runs, read on curve events, not on a timer', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const curveReads: number[] = [];
  page.on('request', (r) => r.url().includes('/curve') && curveReads.push(Date.now()));
  let curveEvents = 0;
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      if (String(payload).includes('"kind":"curve"')) curveEvents += 1;
    }),
  );
  const id = await submitted();
  await page.goto(`${server.url}/#/submissions/${id}`);
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
  const plot = page.getByTestId('curve-plot');
  const points = async () => Number((await plot.getAttribute('data-points')) ?? 0);
  await expect.poll(points, { timeout: 30_000 }).toBeGreaterThan(0);
  const first = await points();
  // Still running, and more points arrive: the plot grows live.
  await expect.poll(points, { timeout: 30_000 }).toBeGreaterThan(first);
  const second = await points();
  expect(await job(page).getAttribute('data-state')).toBe('running');
  await expect.poll(points, { timeout: 30_000 }).toBeGreaterThan(second);
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 90_000 }).toBe('succeeded');
  await expect.poll(points).toBe(80);
  // Reads follow the news: at most one per curve event, plus the first look and the final state.
  expect(curveEvents).toBeGreaterThanOrEqual(2);
  expect(curveReads.length).toBeLessThanOrEqual(curveEvents + 2);
  // Quiet once finished: no read in the next 2.5 s (the old page asked every second while running).
  const readsAtEnd = curveReads.length;
  await new Promise((r) => setTimeout(r, 2500));
  expect(curveReads.length).toBe(readsAtEnd);
  expect(errors).toEqual([]);
  await page.close();
}, 240_000);

test('a page that reconnects after its missed events were swept gets the resync signal and reloads its snapshot', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let blocked = false;
  let cut: (() => void) | undefined;
  const frames: string[] = [];
  // A proxy the test can cut: while blocked, the WebSocket and the SSE fallback are refused.
  await page.routeWebSocket(/\/api\/live$/, (ws) => {
    if (blocked) {
      void ws.close({ code: 1013 });
      return;
    }
    const upstream = ws.connectToServer();
    ws.onMessage((message) => upstream.send(message));
    upstream.onMessage((message) => {
      frames.push(String(message));
      ws.send(message);
    });
    cut = () => {
      void ws.close({ code: 1012 });
      void upstream.close();
    };
  });
  await page.route(/\/api\/live\/sse/, (route) => (blocked ? route.abort() : route.continue()));
  const snapshots: string[] = [];
  page.on('response', (r) => r.url().includes('/snapshot') && snapshots.push(r.url()));

  const id = await submitted();
  await page.goto(`${server.url}/#/submissions/${id}`);
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
  await expect.poll(() => logCount(page), { timeout: 30_000 }).toBeGreaterThan(100);
  expect(snapshots).toHaveLength(1);
  blocked = true;
  cut!();
  const seenWhileCut = await logCount(page);
  const cutAt = await snapshotEventId(server.url, id);

  // The job ends while the page is cut off; then the sweep removes its events.
  await expect.poll(async () => (await storedLines(id)).state, { timeout: 90_000 }).toBe('succeeded');
  const done = await storedLines(id);
  // Swept: a resume from the id the page was current to (at most this) is now refused.
  await expect
    .poll(() => resumeGetsResync(server.url, id, cutAt), { timeout: 30_000, interval: 500 })
    .toBe(true);
  expect(await job(page).getAttribute('data-state')).toBe('running');
  expect(await logCount(page)).toBe(seenWhileCut);

  // Back online: the server says resync, the page reads a new snapshot and shows the whole end.
  blocked = false;
  await expect.poll(() => snapshots.length, { timeout: 60_000 }).toBe(2);
  await expect.poll(() => job(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('succeeded');
  await expect.poll(() => logCount(page)).toBe(done.lines);
  const states = await job(page)
    .getByRole('list', { name: 'Timeline of attempt 1' })
    .locator('li')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
  expect(states).toEqual(['queued', 'running', 'succeeded']);
  // The second snapshot is the resync's doing: a plain reconnect resumes with `since` and reads none.
  // The signal came over the WebSocket, or over SSE if the page had fallen back while cut off.
  console.log(`resync seen on the WebSocket: ${frames.some((f) => f.includes('"type":"resync"'))}`);
  expect(errors).toEqual([]);
  await page.close();
}, 240_000);
