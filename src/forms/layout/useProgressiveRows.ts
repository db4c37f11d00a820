/**
 * How many of a list's rows to render now. All of them, except after a jump of more than ROW_CHUNK
 * rows at once (a paste or CSV import of 1,000 scans): then FIRST_ROWS at once and ROW_CHUNK more each frame, each step a
 * transition, so no task holds the render and commit of every new row and a key typed meanwhile is
 * handled first. Measured with `npm run bench:forms` (paste): one commit of 1,000 SEQUOIA scan rows
 * was several seconds of script work on the shared machine; see README "Paste a sample list".
 */
import { startTransition, useEffect, useState } from 'react';

/** Rows added per frame after a jump; an Add row or Duplicate (one row) renders at once. */
export const ROW_CHUNK = 40;

/**
 * Rows the change itself renders after a jump (about a screenful of cards); the rest follow, ROW_CHUNK
 * a frame. The Apply of a 1,000-row paste rendered 40 scan cards in its own task, most of its script
 * work (bench:paste, CPU profile of the sync render).
 */
export const FIRST_ROWS = 8;

/** The number of rows to render out of `total`. O(1). */
export function useProgressiveRows(total: number): number {
  const [rendered, setRendered] = useState(total);
  const [growing, setGrowing] = useState(false);
  const limit = total - rendered > ROW_CHUNK ? rendered + (growing ? ROW_CHUNK : FIRST_ROWS) : total;
  // Rows removed, or a small addition, or the last step: remember the count now (a render-time
  // update React allows).
  if (limit === total && (rendered !== total || growing)) {
    setRendered(total);
    setGrowing(false);
  }
  useEffect(() => {
    if (limit >= total) return;
    const frame = requestAnimationFrame(() =>
      startTransition(() => {
        setRendered(limit);
        setGrowing(true);
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, [limit, total]);
  return limit;
}
