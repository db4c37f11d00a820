/**
 * The form of WidgetProps.keptText for a widget with several text inputs: their texts in document
 * order, joined by U+001F (a control character no one types), so the binning widget gets its three
 * texts back after an unmount. Pure.
 */

export const KEPT_TEXT_SEPARATOR = '\u001f';

/** The texts of `count` inputs from kept text, or undefined when it does not hold that many. */
export function splitKeptText(kept: string | undefined, count: number): string[] | undefined {
  if (kept === undefined) return undefined;
  const texts = kept.split(KEPT_TEXT_SEPARATOR);
  return texts.length === count ? texts : undefined;
}
