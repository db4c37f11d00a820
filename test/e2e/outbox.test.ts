/**
 * Issue 32, case by case, in Chromium: several pages of one browser context share one persistent
 * profile (the tabs of one scientist), against a recording backend on 127.0.0.1 that accepts, fails
 * (500), hangs, answers slowly or drops the connection on command. Each test is a way the portal lost
 * a filled form or sent one twice; each checks what the scientist sees and what the backend received.
 * Retry delays and timeouts come from the portal's query string, so the whole file takes seconds.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { clearPortalStorage } from './clearPortalStorage';
import { recordingBackend, submissionsPath } from './recordingBackend';
import { type ServedPage, servePage } from './servePage';

/** The built portal (`npm run build:app`); FORMULARY_APP_DIR points at another build (today's code). */
const appDir = process.env.FORMULARY_APP_DIR ?? 'dist/app';
const backend = recordingBackend();
let browser: LaunchedBrowser;
let site: ServedPage;

beforeAll(async () => {
  site = await servePage(appDir, (req, res) => backend.handle(req, res));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every test starts with no page open, empty storage (IndexedDB, localStorage) and an accepting backend. */
beforeEach(async () => {
  for (const page of browser.context.pages()) await page.close();
  await browser.context.setOffline(false);
  const page = await browser.context.newPage();
  // A page of the site that is not the portal: a portal page would send what the last test left
  // waiting in the outbox (its backend URL is still stored) into this test's backend before the clear.
  await page.goto(`${site.url}not-the-portal.txt`);
  await clearPortalStorage(page, {
    'formulary.portal.backendUrl': `${site.url.replace(/\/$/, '')}${submissionsPath}`,
  });
  await page.close();
  backend.reset();
});

interface Timing {
  timeoutMs?: number;
  retries?: number;
  retryMs?: number;
}

/** A new tab on the EQSANS form, with short retry timings. */
async function openTab(timing: Timing = {}, instrument = 'eqsans'): Promise<Page> {
  const page = await browser.context.newPage();
  const { timeoutMs = 4000, retries = 1, retryMs = 100 } = timing;
  await page.goto(
    `${site.url}?instrument=${instrument}&timeoutMs=${timeoutMs}&retries=${retries}&retryMs=${retryMs}`,
  );
  await ready(page);
  return page;
}

async function ready(page: Page): Promise<void> {
  await ipts(page).waitFor({ state: 'visible', timeout: 30_000 });
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await ready(page);
}

const ipts = (page: Page) => page.getByRole('textbox', { name: /^IPTS/ });
const run = (page: Page) => page.getByRole('textbox', { name: 'Run number, row 1' });
const sample = (page: Page) => page.getByRole('textbox', { name: 'Sample name, row 1' });
const submitButton = (page: Page) => page.getByRole('button', { name: 'Submit request' });
const outbox = (page: Page) => page.getByRole('region', { name: 'Outbox' });
const history = (page: Page) => page.getByRole('region', { name: 'History' });
/** What the form's column says (the status, wherever a version of the page puts it). */
const pageText = (page: Page) => page.locator('main');
/** What the page says right after the submit button. */
const besideSubmit = (page: Page) => submitButton(page).locator('xpath=following-sibling::*[1]');

/** Fills a valid EQSANS request and waits until its draft is stored. */
async function fillRequest(page: Page, values: { ipts: string; run: string; sample: string }) {
  await ipts(page).fill(values.ipts);
  await run(page).fill(values.run);
  await sample(page).fill(values.sample);
  await page.getByText(/^Draft saved/).waitFor({ timeout: 10_000 });
}

/** What the page keeps in storage under `key` (IndexedDB today, localStorage before), parsed. */
async function stored(page: Page, key: string): Promise<{ state?: { entries?: { id: string }[] } } | null> {
  const raw = await page.evaluate(async (name) => {
    const fromIdb = await new Promise<unknown>((done) => {
      const open = indexedDB.open('formulary');
      open.onerror = () => done(null);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('keyval')) {
          db.close();
          return done(null);
        }
        const get = db.transaction('keyval').objectStore('keyval').get(name);
        get.onsuccess = () => {
          db.close();
          done(get.result ?? null);
        };
        get.onerror = () => done(null);
      };
    });
    return typeof fromIdb === 'string' ? fromIdb : localStorage.getItem(name);
  }, key);
  return raw ? JSON.parse(raw) : null;
}
const storedIds = async (page: Page, key: string) =>
  ((await stored(page, key))?.state?.entries ?? []).map((e) => e.id);
const sampleNames = () =>
  [...backend.jobs.values()].map(
    (job) => (job as { job?: { scans?: { sampleName?: string }[] } }).job?.scans?.[0]?.sampleName,
  );

test('1. a second tab submitting while the first retries keeps both requests, and both are delivered', async () => {
  backend.mode = 'fail';
  const a = await openTab({ retries: 3, retryMs: 400 });
  const b = await openTab({ retries: 3, retryMs: 400 });
  await fillRequest(a, { ipts: '11111', run: '803', sample: 'fromA' });
  await fillRequest(b, { ipts: '22222', run: '804', sample: 'fromB' });
  await submitButton(a).click();
  await expect.poll(() => backend.calls.length).toBeGreaterThan(0);
  await submitButton(b).click();
  // Both requests are stored, whatever the order the tabs write in.
  await expect.poll(() => storedIds(a, 'formulary:outbox'), { timeout: 15_000 }).toHaveLength(2);
  await expect.poll(() => outbox(b).getByRole('listitem').count()).toBe(2);
  // The backend recovers: both arrive, once each.
  backend.mode = 'accept';
  await reload(b);
  await expect.poll(() => backend.jobs.size, { timeout: 20_000 }).toBe(2);
  expect(sampleNames().sort()).toEqual(['fromA', 'fromB']);
  await reload(a);
  await expect.poll(() => history(a).getByRole('listitem').count()).toBe(2);
  expect(await storedIds(a, 'formulary:outbox')).toEqual([]);
});

test('2. a second submission in one tab queues behind the first; both reach the server', async () => {
  const page = await openTab();
  await browser.context.setOffline(true);
  await fillRequest(page, { ipts: '11111', run: '803', sample: 'sample A' });
  await submitButton(page).click();
  await expect.poll(() => pageText(page).textContent(), { timeout: 15_000 }).toContain('Not sent yet');
  await sample(page).fill('sample B');
  await run(page).fill('804');
  await page.getByText(/^Draft saved/).waitFor();
  await submitButton(page).click();
  await expect.poll(() => outbox(page).getByRole('listitem').count()).toBe(2);
  // Each says what it is and where the two differ.
  expect(await outbox(page).textContent()).toMatch(
    /differs from the other waiting eqsans request in: .*\/job\/scans/,
  );
  await browser.context.setOffline(false);
  await expect.poll(() => backend.jobs.size, { timeout: 20_000 }).toBe(2);
  expect(sampleNames().sort()).toEqual(['sample A', 'sample B']);
  await expect.poll(() => outbox(page).textContent()).toContain('Nothing waiting');
});

test('3. two tabs on one instrument keep their own drafts; the other tab is told and can merge', async () => {
  const a = await openTab();
  const b = await openTab();
  await ipts(a).fill('11111');
  await sample(a).fill('fromA');
  await a.getByText(/^Draft saved/).waitFor();
  await run(b).fill('99999');
  await sample(b).fill('fromB');
  await b.getByText(/^Draft saved/).waitFor();
  await reload(a);
  expect(await ipts(a).inputValue()).toBe('11111');
  expect(await sample(a).inputValue()).toBe('fromA');
  expect(await run(a).inputValue()).toBe('');
  // B is told, and takes A's IPTS field by field; its own run stays.
  const notice = b.getByRole('region', { name: 'Other drafts of eqsans' });
  await expect.poll(() => notice.textContent()).toContain('Another tab is editing eqsans');
  await notice.getByRole('button', { name: 'Merge field by field' }).click();
  await notice.getByRole('button', { name: "Use the other draft's /iptsNumber" }).click();
  await expect.poll(() => ipts(b).inputValue()).toBe('11111');
  expect(await run(b).inputValue()).toBe('99999');
  expect(await sample(b).inputValue()).toBe('fromB');
});

test('4. a submission accepted in one tab clears only its own draft, not the newer one in another tab', async () => {
  backend.mode = 'slow';
  backend.slowMs = 3000;
  const a = await openTab({ timeoutMs: 8000 });
  const b = await openTab({ timeoutMs: 8000 });
  await fillRequest(a, { ipts: '11111', run: '803', sample: 'fromA' });
  await submitButton(a).click();
  await fillRequest(b, { ipts: '22222', run: '805', sample: 'new in B' });
  await expect.poll(() => history(a).getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => ipts(a).inputValue()).toBe('');
  await reload(b);
  expect(await ipts(b).inputValue()).toBe('22222');
  expect(await sample(b).inputValue()).toBe('new in B');
});

test('5. "Open as new draft" opens beside the draft in progress, with undo', async () => {
  const page = await openTab();
  await fillRequest(page, { ipts: '11111', run: '803', sample: 'sent' });
  await submitButton(page).click();
  await expect.poll(() => history(page).getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => ipts(page).inputValue()).toBe('');
  await fillRequest(page, { ipts: '33333', run: '900', sample: 'work in progress' });
  await history(page).getByRole('button', { name: 'Open as new draft' }).click();
  await expect.poll(() => ipts(page).inputValue()).toBe('11111');
  // The work in progress is kept beside it, and Undo brings it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => ipts(page).inputValue()).toBe('33333');
  expect(await sample(page).inputValue()).toBe('work in progress');
  await reload(page);
  expect(await ipts(page).inputValue()).toBe('33333');
});

test('6. a full storage: the warning is beside the submit button and nothing is sent until stored', async () => {
  const page = await browser.context.newPage();
  // The draft fits, the outbox entry does not (IndexedDB and localStorage alike).
  await page.addInitScript(() => {
    const full = (key: unknown) =>
      (globalThis as { __outboxFull?: boolean }).__outboxFull === true && key === 'formulary:outbox';
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (full(key)) throw quota();
      return put.call(this, value, key);
    };
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (full(key)) throw quota();
      return setItem.call(this, key, value);
    };
  });
  await page.goto(`${site.url}?instrument=eqsans&timeoutMs=4000&retries=1&retryMs=100`);
  await ready(page);
  await fillRequest(page, { ipts: '11111', run: '803', sample: 'big' });
  await page.evaluate(() => {
    (globalThis as { __outboxFull?: boolean }).__outboxFull = true;
  });
  await submitButton(page).click();
  await expect.poll(() => besideSubmit(page).textContent()).toMatch(/Not submitted: .*QuotaExceededError/);
  expect(backend.calls).toEqual([]);
  // Space again: one submission, under one key, and the draft was never lost.
  await page.evaluate(() => {
    (globalThis as { __outboxFull?: boolean }).__outboxFull = false;
  });
  await submitButton(page).click();
  await expect.poll(() => backend.jobs.size, { timeout: 15_000 }).toBe(1);
  expect(new Set(backend.calls.map((c) => c.key)).size).toBe(1);
});

test('7. an answer that comes too late is "waiting for confirmation"; replacing it asks the server first', async () => {
  backend.mode = 'slow';
  backend.slowMs = 2500;
  const page = await openTab({ timeoutMs: 1000, retries: 1 });
  await fillRequest(page, { ipts: '11111', run: '803', sample: 'first' });
  await submitButton(page).click();
  await expect
    .poll(() => pageText(page).textContent(), { timeout: 15_000 })
    .toContain('waiting for confirmation');
  expect(await pageText(page).textContent()).not.toContain('Not sent');
  const [firstKey] = await storedIds(page, 'formulary:outbox');
  // The scientist corrects a field and submits: the page asks, then asks the server.
  await sample(page).fill('corrected');
  await page.getByText(/^Draft saved/).waitFor();
  await submitButton(page).click();
  await page.getByRole('button', { name: 'Replace the earlier request' }).click();
  await expect.poll(() => pageText(page).textContent()).toContain('had reached the server');
  expect(backend.checks).toContain(firstKey);
  expect(backend.jobs.size).toBe(1);
  await expect.poll(() => storedIds(page, 'formulary:history')).toEqual([firstKey]);
  // Its draft (the correction) is still there to send as another request.
  expect(await sample(page).inputValue()).toBe('corrected');
});

test('7b. a backend that cannot say whether a key landed: the page warns and keeps both', async () => {
  backend.mode = 'slow';
  backend.slowMs = 2500;
  backend.answersLanded = false;
  const page = await openTab({ timeoutMs: 1000, retries: 0 });
  await fillRequest(page, { ipts: '11111', run: '803', sample: 'first' });
  await submitButton(page).click();
  await expect
    .poll(() => pageText(page).textContent(), { timeout: 15_000 })
    .toContain('waiting for confirmation');
  backend.mode = 'fail';
  await sample(page).fill('corrected');
  await page.getByText(/^Draft saved/).waitFor();
  await submitButton(page).click();
  await page.getByRole('button', { name: 'Replace the earlier request' }).click();
  await expect.poll(() => pageText(page).textContent(), { timeout: 15_000 }).toContain('both are kept');
  await expect.poll(() => storedIds(page, 'formulary:outbox')).toHaveLength(2);
});

test('8. two tabs accepted at once: both in the history, none back in the outbox, none sent again', async () => {
  backend.mode = 'hang';
  const a = await openTab({ timeoutMs: 20_000 });
  const b = await openTab({ timeoutMs: 20_000 });
  await fillRequest(a, { ipts: '11111', run: '803', sample: 'fromA' });
  await fillRequest(b, { ipts: '22222', run: '804', sample: 'fromB' });
  await submitButton(a).click();
  await submitButton(b).click();
  await expect.poll(() => backend.calls.length).toBeGreaterThan(0);
  await expect.poll(() => storedIds(a, 'formulary:outbox')).toHaveLength(2);
  // Everything held is answered at once; later POSTs are accepted straight away.
  backend.mode = 'accept';
  backend.releaseHanging();
  await expect.poll(() => backend.jobs.size, { timeout: 20_000 }).toBe(2);
  await expect.poll(() => storedIds(a, 'formulary:history')).toHaveLength(2);
  await expect.poll(() => storedIds(a, 'formulary:outbox')).toEqual([]);
  for (const page of [a, b]) {
    await expect.poll(() => pageText(page).textContent()).toContain('Submitted at');
    expect(await pageText(page).textContent()).not.toContain('Not sent');
  }
  const posts = backend.calls.length;
  await reload(b);
  await reload(a);
  await expect.poll(() => history(b).getByRole('listitem').count()).toBe(2);
  expect(backend.calls.length).toBe(posts);
});

test('9. when the connection returns, one tab sends the waiting request, once', async () => {
  const a = await openTab();
  const b = await openTab();
  await browser.context.setOffline(true);
  await fillRequest(a, { ipts: '11111', run: '803', sample: 'offline' });
  await submitButton(a).click();
  await expect.poll(() => outbox(b).getByRole('listitem').count()).toBe(1);
  await expect.poll(() => pageText(a).textContent(), { timeout: 15_000 }).toContain('Not sent yet');
  await browser.context.setOffline(false);
  await expect.poll(() => backend.jobs.size, { timeout: 15_000 }).toBe(1);
  await expect.poll(() => outbox(b).textContent()).toContain('Nothing waiting');
  expect(backend.calls).toHaveLength(1);
});

test('10. a request another tab is sending cannot be retried or discarded; a failed one never says submitted', async () => {
  backend.mode = 'hang';
  const a = await openTab({ timeoutMs: 3000, retries: 0 });
  const b = await openTab({ timeoutMs: 3000, retries: 0 });
  await fillRequest(a, { ipts: '11111', run: '803', sample: 'in flight' });
  await submitButton(a).click();
  const entry = outbox(b).getByRole('listitem');
  await expect.poll(() => entry.textContent()).toContain('sending now');
  expect(await entry.getByRole('button', { name: /^Discard/ }).count()).toBe(0);
  expect(await entry.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
  // No answer: A says so, and B may now discard it; A never claims it was submitted.
  await expect
    .poll(() => pageText(a).textContent(), { timeout: 15_000 })
    .toContain('waiting for confirmation');
  await entry.getByRole('button', { name: /^Discard/ }).click();
  await expect.poll(() => outbox(a).textContent()).toContain('Nothing waiting');
  expect(await a.locator('main').textContent()).not.toContain('Submitted at');
});

test('11. a second click just after an accepted submit does nothing; another instrument shows no status', async () => {
  const page = await openTab();
  await fillRequest(page, { ipts: '11111', run: '803', sample: 'once' });
  await submitButton(page).click();
  await expect.poll(() => pageText(page).textContent()).toContain('Submitted at');
  const box = await submitButton(page).boundingBox();
  if (!box) throw new Error('no submit button');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  expect(await page.getByText(/There (is|are) \d+ problems?/).count()).toBe(0);
  expect(backend.jobs.size).toBe(1);

  // Switching instrument while a submission is in flight: its answer shows on its own form only.
  backend.mode = 'slow';
  backend.slowMs = 1500;
  await fillRequest(page, { ipts: '22222', run: '804', sample: 'slow' });
  await submitButton(page).click();
  await page.getByLabel('Instrument').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Submit request' }).waitFor({ timeout: 30_000 });
  await expect.poll(() => backend.jobs.size, { timeout: 15_000 }).toBe(2);
  await expect.poll(() => storedIds(page, 'formulary:history'), { timeout: 15_000 }).toHaveLength(2);
  const main = (await page.locator('main').textContent()) ?? '';
  expect(main).not.toMatch(/Submitted at|Sent to the backend|201/);
});
