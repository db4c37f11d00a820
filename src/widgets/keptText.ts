/**
 * The form of WidgetProps.keptText for a widget with several text inputs: their texts in document
 * order, joined by U+001F (a control character no one types), so the binning widget gets its three
 * texts back after an unmount. Pure, except keptTextOf, which reads the DOM of a field's widget.
 */

export const KEPT_TEXT_SEPARATOR = '\u001f';

/** The texts of `count` inputs from kept text, or undefined when it does not hold that many. */
export function splitKeptText(kept: string | undefined, count: number): string[] | undefined {
  if (kept === undefined) return undefined;
  const texts = kept.split(KEPT_TEXT_SEPARATOR);
  return texts.length === count ? texts : undefined;
}

/**
 * The text a field's widget holds (what becomes its keptText): the text inputs and textareas of the
 * `.formulary-field` around `element`, in document order, joined by KEPT_TEXT_SEPARATOR; undefined
 * when it has none. Works on a removed subtree too, which keeps its elements and their values.
 */
export function keptTextOf(element: HTMLElement | null): string | undefined {
  const field = element?.closest('.formulary-field');
  if (!field) return undefined;
  const inputs = field.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'input[type="text"], textarea',
  );
  return inputs.length === 0 ? undefined : Array.from(inputs, (e) => e.value).join(KEPT_TEXT_SEPARATOR);
}
