/**
 * The paste measure of `npm run bench:forms` (issue 29): 1,000 scan rows pasted into SEQUOIA's form
 * (its scan list takes up to 1,000), "Replace all rows", Apply; then typing in the form as the
 * keystroke measure does. Its peer, measured in the same run and alternating with it, is the same
 * form typed into without a paste, so the table says what 1,000 pasted rows cost later keystrokes.
 * The floor, in the same run: react-hook-form's registered inputs (engines.tsx) typed into without
 * the rows and holding the same 1,000 scan rows from the start (4 inputs a row), so the keystroke
 * goal after a paste (key95 within 1.15x of the floor) is read against a floor that holds the rows too.
 * Goal: at most 200 ms of script work for the paste (paste event + mode + Apply).
 */
import { loadavg } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import type { PasteTiming } from './page/pasteBench';
import type { KeyTiming } from './page/timing';
import { typeKeys } from './typeKeys';

export const PASTE_SCHEMA = 'inelastic';
const keystrokes = 30;

/** What one paste measured: the page's timings, and the main thread's CPU time over its steps. */
export interface PasteSample extends PasteTiming {
  /**
   * CPU time of the page's main thread (Chromium's ThreadTime, through CDP Performance.getMetrics)
   * from just before the paste to the frame after Apply: script, style, layout and paint of the three
   * steps. A busy machine stretches the wall-clock figures; time the thread was not running is not
   * in this one, so it compares builds at a load average of 17.
   */
  readonly threadMs: number;
}

export interface PasteResult extends PasteSample {
  readonly rows: number;
  readonly runs: number;
  /** pasteWork + modeWork + applyWork: the goal's figure. */
  readonly scriptWork: number;
  readonly keyWorkP95Before: number;
  readonly keyWorkP95After: number;
  readonly keyP95Before: number;
  readonly keyP95After: number;
  /** The react-hook-form floor's key95 without rows and holding `rows` scan rows. */
  readonly floorKeyP95Before: number;
  readonly floorKeyP95After: number;
  /** 1-minute load average when the measure ended: the machine is shared. */
  readonly loadAverage: number;
}

type Bench = {
  mount(): Promise<number>;
  focusTarget(): Promise<void>;
  pasteScans(rows: number, untilApplied: boolean): Promise<PasteTiming>;
  pastedRowsShown(): Promise<{ allRowsMs: number; longestFrameMs: number }>;
};
const bench = (page: Page) => ({
  mount: () => page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.mount()),
  focus: () => page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.focusTarget()),
  paste: (rows: number) =>
    page.evaluate((n) => (window as unknown as { formBench: Bench }).formBench.pasteScans(n, true), rows),
  rowsShown: () =>
    page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.pastedRowsShown()),
});

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** Mounts the form, pastes `rows` rows when asked, then types; returns the paste and key timings. */
async function once(
  context: BrowserContext,
  url: string,
  rows: number | null,
): Promise<{ paste: PasteSample | null; keys: KeyTiming[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => document.body.dataset.ready === 'true' || document.body.dataset.error,
      null,
      {
        timeout: 60_000,
      },
    );
    const b = bench(page);
    await b.mount();
    await page.waitForTimeout(500);
    let paste: PasteSample | null = null;
    if (rows !== null) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const threadTime = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ??
        Number.NaN;
      const before = await threadTime();
      const steps = await b.paste(rows);
      const threadMs = ((await threadTime()) - before) * 1000;
      paste = { ...steps, ...(await b.rowsShown()), threadMs };
      await cdp.detach();
    }
    if (paste) await page.waitForTimeout(500);
    await b.focus();
    const keys = (await typeKeys(page, keystrokes + 1)).slice(1);
    if (errors.length > 0) throw new Error(`bench page errors: ${errors.join('; ')}`);
    return { paste, keys };
  } finally {
    await page.close();
  }
}

/** Runs the paste measure `runs` times against its no-paste peer, alternating which goes first. */
export async function measurePaste(
  context: BrowserContext,
  siteUrl: string,
  rows: number,
  runs: number,
): Promise<PasteResult> {
  const url = `${siteUrl}?engine=formulary&schema=${PASTE_SCHEMA}`;
  const pastes: PasteSample[] = [];
  const before: KeyTiming[][] = [];
  const after: KeyTiming[][] = [];
  const floorBefore: KeyTiming[][] = [];
  const floorAfter: KeyTiming[][] = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? [null, rows] : [rows, null];
    for (const n of order) {
      const { paste, keys } = await once(context, url, n);
      if (paste) {
        pastes.push(paste);
        after.push(keys);
      } else before.push(keys);
    }
    for (const n of order) {
      const floorUrl = `${siteUrl}?engine=rhf&schema=${PASTE_SCHEMA}&floorRows=${n ?? 0}`;
      (n === null ? floorBefore : floorAfter).push((await once(context, floorUrl, null)).keys);
    }
  }
  const pick = (key: keyof PasteSample) => median(pastes.map((p) => p[key]));
  const keyStat = (sets: KeyTiming[][], key: keyof KeyTiming) =>
    median(sets.map((s) => p95(s.map((k) => k[key]))));
  const pasteWork = pick('pasteWork');
  const modeWork = pick('modeWork');
  const applyWork = pick('applyWork');
  return {
    rows,
    runs,
    pasteWork,
    pasteFrame: pick('pasteFrame'),
    modeWork,
    applyWork,
    applyFrame: pick('applyFrame'),
    allRowsMs: pick('allRowsMs'),
    longestFrameMs: pick('longestFrameMs'),
    scriptWork: median(pastes.map((p) => p.pasteWork + p.modeWork + p.applyWork)),
    threadMs: pick('threadMs'),
    keyWorkP95Before: keyStat(before, 'work'),
    keyWorkP95After: keyStat(after, 'work'),
    keyP95Before: keyStat(before, 'frame'),
    keyP95After: keyStat(after, 'frame'),
    floorKeyP95Before: keyStat(floorBefore, 'frame'),
    floorKeyP95After: keyStat(floorAfter, 'frame'),
    loadAverage: loadavg()[0] ?? Number.NaN,
  };
}

/** Prints the paste measure as a table, with the goal and the ratios against the no-paste peer. */
export function printPasteTable(r: PasteResult): void {
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
  const rows: [string, string][] = [
    ['paste event (read rows, preview)', `${f(r.pasteWork)} ms work, ${f(r.pasteFrame)} ms to frame`],
    ['"Replace all rows"', `${f(r.modeWork)} ms work`],
    ['Apply (replaceList, list render)', `${f(r.applyWork)} ms work, ${f(r.applyFrame)} ms to frame`],
    [
      'script work, all three',
      `${f(r.scriptWork)} ms (goal ≤ 200 ms: ${r.scriptWork <= 200 ? 'met' : 'NOT met'})`,
    ],
    ['main thread CPU, paste to Apply frame', `${f(r.threadMs)} ms (style, layout, paint too)`],
    ['Apply to every row on screen', `${f(r.allRowsMs)} ms, longest frame ${f(r.longestFrameMs)} ms`],
    [
      'keyWork95 without / after paste',
      `${f(r.keyWorkP95Before, 2)} / ${f(r.keyWorkP95After, 2)} ms (${f(r.keyWorkP95After / r.keyWorkP95Before, 2)}×)`,
    ],
    [
      'key95 without / after paste',
      `${f(r.keyP95Before)} / ${f(r.keyP95After)} ms (${f(r.keyP95After / r.keyP95Before, 2)}×)`,
    ],
    [
      'floor (rhf) key95 without / with rows',
      `${f(r.floorKeyP95Before)} / ${f(r.floorKeyP95After)} ms (${f(r.floorKeyP95After / r.floorKeyP95Before, 2)}×)`,
    ],
    [
      'key95 / floor, without / after paste',
      `${f(r.keyP95Before / r.floorKeyP95Before, 2)}× / ${f(r.keyP95After / r.floorKeyP95After, 2)}× (goal ≤ 1.15×; after against the floor holding the rows)`,
    ],
    ['key95 after paste / floor without rows', `${f(r.keyP95After / r.floorKeyP95Before, 2)}×`],
    ['load average (1 min)', f(r.loadAverage, 2)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\npaste of ${r.rows} scan rows into ${PASTE_SCHEMA}, medians of ${r.runs} runs`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}
