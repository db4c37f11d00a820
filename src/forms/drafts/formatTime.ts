/**
 * How the draft pieces print a time: local date and time to the minute, the same everywhere on the page.
 * Components take a `formatTime` prop so tests and facilities can choose another.
 */

/** "27 Nov 2026, 01:05" in `locale` (default: the browser's). */
export function formatTime(epochMs: number, locale?: string): string {
  return new Date(epochMs).toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
