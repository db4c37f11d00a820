/**
 * Run lists as scientists type them ("12345", "12345, 12350", "12345-12350", "12345:12350", spaces or
 * none) to sorted unique run numbers, and back to compact text with ranges. Reversed ranges and ranges
 * over the limit are refused with a message naming the limit: a typo like 1-50000 must not become 50,000
 * runs. Never guesses. No React, no DOM.
 */
import { say } from '../i18n/activeLocale';
import { type CoerceResult, fail, ok } from './CoerceResult';

export interface ParseRunListOptions {
  /** Most runs the list may hold (each range and the whole list). Default 10,000. */
  readonly maxRuns?: number;
  /** Empty text is an empty list instead of an error. Default false. */
  readonly allowEmpty?: boolean;
}

export const DEFAULT_MAX_RUNS = 10_000;

/** One item: a run ("12345") or a range ("12345-12350", "12345:12350"); spaces around - or : allowed. */
const ITEM = /^(\d+)(?:([-:–])(\d+))?$/;

/**
 * Parse run-list text into sorted unique integers. O(n log n) in the number of runs.
 * @example parseRunList('12345-12347, 12360') // {ok: true, value: [12345, 12346, 12347, 12360]}
 */
export function parseRunList(text: string, options: ParseRunListOptions = {}): CoerceResult<number[]> {
  const maxRuns = options.maxRuns ?? DEFAULT_MAX_RUNS;
  if (text.trim() === '') {
    return options.allowEmpty === true ? ok([]) : fail(say('coerce.runs.empty'));
  }
  const runs = new Set<number>();
  const pieces = text.split(/[,;]/);
  for (let p = 0; p < pieces.length; p++) {
    // Spaces around a range sign belong to the range ("12345 - 12350"); other spaces separate runs.
    const piece = (pieces[p] ?? '').trim().replace(/\s*([-:–])\s*/g, '$1');
    if (piece === '') {
      return fail(
        p === pieces.length - 1 ? say('coerce.runs.trailingSeparator') : say('coerce.list.emptyEntry'),
      );
    }
    for (const item of piece.split(/\s+/)) {
      const error = addItem(item, runs, maxRuns);
      if (error !== undefined) return fail(error);
    }
  }
  if (runs.size > maxRuns) return fail(say('coerce.runs.tooMany', { count: runs.size, max: maxRuns }));
  return ok([...runs].sort((a, b) => a - b));
}

/** Add one item's runs to the set; returns a message when the item is not a run or a valid range. */
function addItem(item: string, runs: Set<number>, maxRuns: number): string | undefined {
  const match = ITEM.exec(item);
  if (match === null) return explainBadItem(item);
  const first = Number(match[1]);
  if (!Number.isSafeInteger(first)) return say('coerce.runs.tooLarge', { text: match[1] });
  if (match[3] === undefined) {
    runs.add(first);
    return undefined;
  }
  const last = Number(match[3]);
  if (!Number.isSafeInteger(last)) return say('coerce.runs.tooLarge', { text: match[3] });
  if (last < first) {
    return say('coerce.runs.backwards', { range: item, fixed: `${last}${match[2]}${first}` });
  }
  const count = last - first + 1;
  if (count > maxRuns) return say('coerce.runs.rangeTooLong', { range: item, count, max: maxRuns });
  for (let run = first; run <= last; run++) {
    runs.add(run);
    // Checked inside the loop so many overlapping small ranges cannot build a huge set first.
    if (runs.size > maxRuns) return say('coerce.runs.overMax', { max: maxRuns });
  }
  return undefined;
}

/** Why an item is not a run or a range. */
function explainBadItem(item: string): string {
  if (/^-\d+$/.test(item)) return say('coerce.runs.negative', { text: item });
  if (/^\d+\.\d*$/.test(item)) return say('coerce.runs.fraction', { text: item });
  if (/^\d*[-:]$|^[-:]\d*$/.test(item)) return say('coerce.runs.rangeEnds', { text: item });
  if (/^\d+[-:]\d+[-:]/.test(item)) return say('coerce.runs.notRange', { text: item });
  return say('coerce.runs.notRun', { text: item });
}

/**
 * Compact text for a list of runs: sorted, unique, three or more consecutive runs as a range. O(n log n).
 * Throws on entries that are not whole non-negative numbers: the caller holds a bad value, not user text.
 * @example formatRunList([12345, 12346, 12347, 12360]) // '12345-12347, 12360'
 */
export function formatRunList(runs: readonly number[]): string {
  for (const run of runs) {
    if (!Number.isSafeInteger(run) || run < 0) {
      throw new TypeError(`formatRunList: ${String(run)} is not a run number (a whole number ≥ 0).`);
    }
  }
  const sorted = [...new Set(runs)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    const first = sorted[i] as number;
    const last = sorted[j] as number;
    if (j - i >= 2) parts.push(`${first}-${last}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(', ');
}
