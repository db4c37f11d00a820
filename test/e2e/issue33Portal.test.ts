/**
 * Issue 33 in the built demo portal, in Chromium: what only a real browser shows. Focus after Remove
 * row, Move, Reset, Reset section and Discard (case 12); Chromium's own accessibility tree of a scan
 * list holding no two controls with one name (case 13); the SEQUOIA scan table inside its column at
 * 1280 and 1440 px (case 10); the URL following the instrument chosen (case 9); the live request never
 * showing a prefix of invalid text (case 6). Build first: `npm run build:app`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { clearPortalStorage } from './clearPortalStorage';
import { portalForFile } from './portalForFile';

const portal = portalForFile();

async function open(instrument: string, width = 1280): Promise<Page> {
  const page = await portal.browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(portal.site.url);
  // A draft an earlier test left (in IndexedDB since the outbox moved there) must not fill this form.
  await clearPortalStorage(page);
  await page.goto(`${portal.site.url}?instrument=${instrument}`);
  await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

/** What has focus: its tag, id and accessible name as the page sees it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
    };
  });

const scans = (page: Page) => page.locator('fieldset.formulary-list[data-path$="/scans"]').first();

/** Presses a button from the keyboard (focus, then Enter), as a keyboard user does. */
async function press(page: Page, name: string | RegExp) {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100); // the next frame, where focus is moved
}

describe('case 12: focus never falls to <body>', () => {
  test('Remove row, Move up into the first row, Reset, Reset section', async () => {
    const page = await open('eqsans');
    await press(page, 'Add row to Scans');
    await press(page, 'Add row to Scans');
    await press(page, 'Remove row 3');
    expect(await focused(page)).toMatchObject({ tag: 'button', label: 'Remove row 2' });
    await press(page, 'Move row 2 up');
    expect(await focused(page)).toMatchObject({ tag: 'button', label: 'Move row 1 down' });
    const run = page.getByRole('textbox', { name: 'Run number, row 1' });
    await run.fill('12345');
    await run.blur();
    const reset = page.getByRole('button', { name: 'Reset Run number to its default, row 1' });
    await reset.waitFor({ timeout: 10_000 });
    await press(page, 'Reset Run number to its default, row 1');
    expect((await focused(page)).tag).toBe('input');
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid') !== undefined),
    ).toBe(true);
    await press(page, /^Reset section Scans/);
    const after = await focused(page);
    expect(after.tag).not.toBe('body');
    expect(after.tag).toBe('h2');
    await page.close();
  });

  test('Discard focuses "Undo discard", and Undo gives the draft back', async () => {
    const page = await open('eqsans');
    const ipts = page.getByRole('textbox', { name: /^IPTS/ });
    await ipts.fill('IPTS-777');
    await page.waitForTimeout(900); // autosave is debounced by 500 ms
    await page.reload();
    await page.getByText(/Restored draft from/).waitFor({ timeout: 30_000 });
    await press(page, 'Discard');
    expect(await focused(page)).toMatchObject({ tag: 'button', label: 'Undo discard' });
    expect(await page.getByRole('textbox', { name: /^IPTS/ }).inputValue()).toBe('');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: /^IPTS/ }).inputValue()).toBe('IPTS-777');
    await page.close();
  });
});

describe('case 13: names in a list, from Chromium accessibility tree', () => {
  test.each(['eqsans', 'inelastic'])(
    '%s: no two controls in the scan list share a name',
    async (instrument) => {
      const page = await open(instrument);
      await press(page, 'Add row to Scans');
      for (const n of [1, 2]) {
        await page.getByRole('textbox', { name: `Run number, row ${n}` }).fill(`${100 + n}`);
      }
      await page
        .getByRole('button', { name: /^Reset Run number/ })
        .nth(1)
        .waitFor({ timeout: 10_000 });
      const cdp = await page.context().newCDPSession(page);
      // The whole tree, then the subtree of the scans fieldset (matched by its backend DOM node).
      const marker = `scan-list-${Date.now()}`;
      await scans(page).evaluate((el, m) => el.setAttribute('data-ax-root', m), marker);
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', {
        nodeId: root.nodeId,
        selector: `[data-ax-root="${marker}"]`,
      });
      const { node: described } = await cdp.send('DOM.describeNode', { nodeId });
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const byId = new Map(nodes.map((n) => [n.nodeId, n]));
      const start = nodes.find((n) => n.backendDOMNodeId === described.backendNodeId);
      expect(start).toBeDefined();
      const controls = ['textbox', 'checkbox', 'switch', 'button', 'combobox', 'radio', 'spinbutton'];
      const names: string[] = [];
      const walk = (id: string) => {
        const n = byId.get(id);
        if (!n) return;
        if (!n.ignored && controls.includes(String(n.role?.value))) names.push(String(n.name?.value ?? ''));
        for (const child of n.childIds ?? []) walk(child);
      };
      walk(start!.nodeId);
      expect(names.length).toBeGreaterThan(8);
      expect(names.filter((n) => n === '')).toEqual([]);
      const seen = new Set<string>();
      const repeated = names.filter((n) => {
        const again = seen.has(n);
        seen.add(n);
        return again;
      });
      expect(repeated).toEqual([]);
      await page.close();
    },
  );
});

describe('case 10: the SEQUOIA scan list fits its column', () => {
  test.each([1280, 1440])(
    'at %i px every control of the scan list is inside the form column',
    async (width) => {
      const page = await open('inelastic', width);
      const overflow = await page.evaluate(() => {
        const column = document.querySelector('.portal__form')!.getBoundingClientRect();
        const list = document.querySelector('fieldset.formulary-list[data-path$="/scans"]')!;
        const out: string[] = [];
        for (const el of list.querySelectorAll<HTMLElement>('input, button, select, textarea')) {
          const box = el.getBoundingClientRect();
          if (box.width === 0) continue;
          if (box.right > column.right + 1 || box.left < column.left - 1)
            out.push(
              `${el.getAttribute('aria-label') ?? el.id}: ${Math.round(box.left)}–${Math.round(box.right)}`,
            );
        }
        return { column: [Math.round(column.left), Math.round(column.right)], out };
      });
      expect(overflow.out).toEqual([]);
      await page.close();
    },
  );
});

describe('cases 9 and 6: the URL and the live request', () => {
  test('choosing an instrument puts it in the URL, so a reload shows the same form', async () => {
    const page = await open('eqsans');
    await page.getByLabel('Instrument').selectOption('powder');
    await expect.poll(() => new URL(page.url()).searchParams.get('instrument')).toBe('powder');
    await page.reload();
    await page.locator('form.formulary-form').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByLabel('Instrument').inputValue()).toBe('powder');
    await page.close();
  });

  test('text that is not a value never shows in the live request as a prefix of itself', async () => {
    const page = await open('eqsans');
    const run = page.getByRole('textbox', { name: 'Run number, row 1' });
    const live = page.getByTestId('live-request');
    const runInLive = async () =>
      (JSON.parse((await live.textContent()) ?? '{}') as { job?: { scans?: { runNumber?: unknown }[] } }).job
        ?.scans?.[0]?.runNumber;
    await run.pressSequentially('12350-12345');
    await page.waitForTimeout(300);
    expect(await runInLive()).not.toBe('12350');
    expect(await page.getByTestId('live-pending').textContent()).toContain('"12350-12345"');
    await run.fill('');
    await run.pressSequentially('12345-12350,');
    await page.waitForTimeout(300);
    expect(await runInLive()).not.toBe('12345-12350');
    await run.fill('12345-12350');
    await expect.poll(runInLive).toBe('12345-12350');
    expect(await page.getByTestId('live-pending').count()).toBe(0);
    await page.close();
  });
});

describe('case 11: a long imported value stays inside the notice', () => {
  test('the unknown-keys notice wraps a 300-character value instead of running under the live panel', async () => {
    const page = await open('eqsans');
    await page.getByText('Import a request (JSON)').click();
    const long = `/SNS/EQSANS/IPTS-1/shared/${'very_long_directory_name_'.repeat(12)}`;
    await page
      .getByLabel('Paste a request')
      .fill(JSON.stringify({ unknownPath: long, job: { mode: 'average' } }));
    await page.getByRole('button', { name: 'Import pasted request' }).click();
    const notice = page.locator('.formulary-import-notice');
    await notice.waitFor({ timeout: 10_000 });
    const { noticeRight, columnRight, overflow } = await notice.evaluate((el) => ({
      noticeRight: el.getBoundingClientRect().right,
      columnRight: document.querySelector('.portal__form')!.getBoundingClientRect().right,
      overflow: el.scrollWidth - el.clientWidth,
    }));
    expect(overflow).toBeLessThanOrEqual(0);
    expect(noticeRight).toBeLessThanOrEqual(columnRight + 1);
    await page.close();
  });
});
