/**
 * How the draft pieces print a time: local date and time to the minute, the same everywhere on the page.
 * Components take a `formatTime` prop so tests and facilities can choose another.
 */

/** "27 Nov 2026, 01:05" in the browser's locale. */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
