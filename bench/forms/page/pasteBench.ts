/**
 * The paste part of the form benchmark: 1,000 scan rows pasted as tab-separated text with a header row
 * onto a shipped instrument's scan list (a real paste event carrying a DataTransfer), "Replace all
 * rows" picked in the preview, then Apply. Each step's script work is timed in the page from just
 * before its event is dispatched to after the microtasks React flushes its update in, and to the next
 * frame; then until every pasted row is on screen.
 */
import type { SubmissionFormHandle } from '../../../src/forms/index';
import { nextFrameAfter } from './timing';

export interface PasteTiming {
  /** Script work of the paste event (read 1,000 rows, render the preview), ms. */
  readonly pasteWork: number;
  readonly pasteFrame: number;
  /** Script work of picking "Replace all rows". */
  readonly modeWork: number;
  /** Script work of Apply (one replaceList, the list's render), ms. */
  readonly applyWork: number;
  readonly applyFrame: number;
  /** Apply to the frame after the last pasted row is in the DOM, ms. */
  readonly allRowsMs: number;
  /** The longest gap between frames from Apply until then, ms. */
  readonly longestFrameMs: number;
}

const microtasks = () => new Promise<void>((done) => queueMicrotask(done));

/** Times `act` (which dispatches one event): its script work and the next frame after it. */
async function timed(act: () => void): Promise<{ work: number; frame: number }> {
  const start = performance.now();
  act();
  await microtasks();
  const work = performance.now() - start;
  return { work, frame: (await nextFrameAfter()) - start };
}

/** Scan row `i` of the paste, as the scan item's values (the floor holds the same rows: engines.tsx). */
export function scanRow(i: number): {
  runNumber: string;
  temperature: number;
  sampleRotation: number;
  label: string;
} {
  return {
    runNumber: `${130000 + 10 * i}-${130000 + 10 * i + 4}`,
    temperature: 5 + (i % 300),
    sampleRotation: (i % 72) * 5 - 180,
    label: `scan ${i + 1}`,
  };
}

function scanText(rows: number): string {
  const lines = ['Run number\tTemperature (K)\tSample rotation (degrees)\tLabel'];
  for (let i = 0; i < rows; i++) {
    const row = scanRow(i);
    lines.push(`${row.runNumber}\t${row.temperature}\t${row.sampleRotation}\t${row.label}`);
  }
  return lines.join('\n');
}

async function scanList(form: SubmissionFormHandle | null): Promise<HTMLFieldSetElement> {
  form?.reveal('/job/scans/0/runNumber');
  for (let i = 0; i < 120; i++) {
    const list = document.querySelector<HTMLFieldSetElement>('fieldset.formulary-list[data-path$="/scans"]');
    if (list) return list;
    await new Promise((done) => requestAnimationFrame(done));
  }
  throw new Error('form bench: the scan list did not render');
}

let pendingRows: Promise<{ allRowsMs: number; longestFrameMs: number }> | null = null;

/** After pasteScans(..., true): waits until every pasted row is on screen and times it. */
export async function pastedRowsShown(): Promise<{ allRowsMs: number; longestFrameMs: number }> {
  if (!pendingRows) throw new Error('form bench: no paste is waiting for its rows');
  return pendingRows;
}

/**
 * Pastes `rows` scan rows, replaces all rows with them, and times each step; with `untilApplied`, returns
 * after Apply's frame (allRowsMs and longestFrameMs NaN; pastedRowsShown gives them): what
 * profile.ts --phase paste-steps records, and what pasteRun.ts takes the main thread's CPU time over.
 */
export async function pasteScans(
  form: SubmissionFormHandle | null,
  rows: number,
  untilApplied = false,
): Promise<PasteTiming> {
  const list = await scanList(form);
  const add = list.querySelector<HTMLButtonElement>('button.formulary-list__add')!;
  add.focus();
  const data = new DataTransfer();
  data.setData('text/plain', scanText(rows));
  const paste = await timed(() =>
    add.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })),
  );
  const preview = list.querySelector('.formulary-paste');
  if (!preview) throw new Error('form bench: the paste preview did not show');
  const replaceAll = preview.querySelector<HTMLInputElement>('input[type=radio][value=replaceAll]')!;
  const mode = await timed(() => replaceAll.click());
  const apply = preview.querySelector<HTMLButtonElement>('button[data-action="apply-paste"]')!;
  if (apply.disabled) throw new Error(`form bench: Apply is disabled: ${preview.textContent}`);
  const start = performance.now();
  const applied = await timed(() => apply.click());
  const steps = {
    pasteWork: paste.work,
    pasteFrame: paste.frame,
    modeWork: mode.work,
    applyWork: applied.work,
    applyFrame: applied.frame,
  };
  // Every frame from Apply's until the last pasted row is in the DOM.
  pendingRows = (async () => {
    let longest = applied.frame;
    let last = performance.now();
    const body = list.querySelector('tbody, ol.formulary-cards');
    // Table rows or cards, counted without a selector walk (once a frame, while rows arrive).
    const rowsShown = () => body?.children.length ?? 0;
    while (rowsShown() < rows) {
      const now = await new Promise<number>((done) => requestAnimationFrame(done));
      longest = Math.max(longest, now - last);
      last = now;
    }
    const allRowsMs = (await nextFrameAfter()) - start;
    return { allRowsMs, longestFrameMs: Math.max(longest, performance.now() - last) };
  })();
  if (untilApplied) return { ...steps, allRowsMs: Number.NaN, longestFrameMs: Number.NaN };
  return { ...steps, ...(await pendingRows) };
}
