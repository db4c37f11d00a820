/**
 * What the form stores when typed text is not a value yet ("1,5" in a number field): the text, so
 * the input keeps showing it, and the reason, so submit is refused with that message instead of
 * silently sending something else. No React.
 */

/** Text that did not convert to the field's kind of value. */
export interface UnparsedText {
  readonly unparsedText: string;
  readonly message: string;
}

/** Marks text as unparsed with a reason the user can act on. */
export function unparsed(text: string, message: string): UnparsedText {
  return { unparsedText: text, message };
}

/** True for a value made by `unparsed`. */
export function isUnparsed(value: unknown): value is UnparsedText {
  return typeof value === 'object' && value !== null && 'unparsedText' in value && 'message' in value;
}
