/**
 * Text a widget could not turn into a value ("1,5" in a number field), per storage path: its message
 * (it blocks submit and is listed in the summary until fixed), the text itself while the widget is
 * mounted (a draft keeps what was typed), and the text kept for a widget that unmounted (a closed
 * section, a search filter) so it shows the text again rather than the last good value. No React.
 */
import type { Pointer } from '../../schemas/index';
import type { UnknownKey } from './flattenValues';
import { isWithin, type StoragePath } from './storagePath';

/** Text a field held that was not a value, and the message it got: what a draft keeps of it. */
export interface TypedText {
  readonly text: string;
  readonly message: string;
}

/** TypedText by the field's JSON Pointer (request indexes, not row ids). */
export type DraftTexts = Readonly<Record<Pointer, TypedText>>;

export type TypedTexts = ReturnType<typeof createTypedTexts>;

export function createTypedTexts() {
  const errors = new Map<StoragePath, string>();
  const kept = new Map<StoragePath, string>();
  const typed = new Map<StoragePath, string>();
  const within = (path: StoragePath, roots: readonly StoragePath[]) => roots.some((r) => isWithin(path, r));

  /** Forgets kept text (and its error) within `roots`: a reset or import replaced those values. */
  function dropKept(roots: readonly StoragePath[]): void {
    for (const path of [...kept.keys()]) {
      if (!within(path, roots)) continue;
      kept.delete(path);
      errors.delete(path);
    }
    for (const path of [...typed.keys()]) if (within(path, roots)) typed.delete(path);
  }

  return {
    /** The message for `path`'s text, if it holds text that is not a value. */
    errorAt: (path: StoragePath) => errors.get(path),
    /** Every text error: [path, message]. */
    errors: () => errors.entries(),

    /**
     * A widget reports text that is not a value (message) or that its text is a value again
     * (undefined). Returns whether anything changed and whether the message did.
     */
    set(path: StoragePath, message: string | undefined, text?: string) {
      const before = errors.get(path);
      const textBefore = typed.get(path);
      if (message === undefined) {
        errors.delete(path);
        kept.delete(path);
        typed.delete(path);
      } else {
        errors.set(path, message);
        if (text !== undefined) typed.set(path, text);
      }
      return {
        changed: before !== message || textBefore !== typed.get(path),
        messageChanged: before !== message,
      };
    },

    dropKept,

    /** Forgets everything within `roots` (rows removed). */
    dropAll(roots: readonly StoragePath[]): void {
      for (const path of [...errors.keys()]) if (within(path, roots)) errors.delete(path);
      dropKept(roots);
    },

    clear(): void {
      errors.clear();
      kept.clear();
      typed.clear();
    },

    /** The text behind every text error, by pointer: what onDraftChange passes beside the values. */
    draftTexts(pointerOf: (path: StoragePath) => Pointer): Record<Pointer, TypedText> {
      const out: Record<Pointer, TypedText> = {};
      for (const [path, message] of errors) {
        const text = kept.get(path) ?? typed.get(path);
        if (text !== undefined) out[pointerOf(path)] = { text, message };
      }
      return out;
    },

    /**
     * Puts a draft's texts back before the fields mount. Returns texts whose pointer is no field of
     * this form (`pathOfField` gives null), for the unknown-keys notice.
     */
    restore(texts: DraftTexts, pathOfField: (pointer: Pointer) => StoragePath | null): UnknownKey[] {
      const unknown: UnknownKey[] = [];
      for (const [pointer, draft] of Object.entries(texts)) {
        const path = pathOfField(pointer);
        if (path === null) {
          unknown.push({ pointer, value: draft.text });
          continue;
        }
        kept.set(path, draft.text);
        errors.set(path, draft.message);
      }
      return unknown;
    },

    /** A widget unmounted holding `text`: text that was not a value is kept with its error. */
    widgetGone(path: StoragePath, text: string | undefined): void {
      if (text !== undefined && errors.has(path)) kept.set(path, text);
      else errors.delete(path);
      typed.delete(path);
    },

    keptText: (path: StoragePath) => kept.get(path),
    dropKeptText: (path: StoragePath) => {
      kept.delete(path);
    },
  };
}
