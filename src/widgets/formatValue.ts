/**
 * Text shown for a request value that is not of the widget's own type (an imported "0.1" in a number
 * field, a list in a text field): shown as it is, never hidden, so the user sees what the request holds.
 */

/** '' for null and undefined, the string itself, else JSON. */
export function formatAnyValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}
