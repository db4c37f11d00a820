/**
 * Where pasted rows go in a list: after its rows, over its rows from one row on (a paste into row 3
 * writes rows 3, 4, ... and adds what runs past the end), or in place of all of them; and whether the
 * list's row limits allow it (a refusal in the active locale: the caller's withLocale). Counting only:
 * the form applies it. No React, no DOM.
 */
import { say } from '../i18n/activeLocale';

export type PasteMode =
  | { readonly kind: 'append' }
  | { readonly kind: 'replaceFrom'; readonly index: number }
  | { readonly kind: 'replaceAll' };

export interface PastePlan {
  /** Index of the first row the paste writes. */
  readonly start: number;
  /** Existing rows whose pasted cells are written over (their other fields are kept). */
  readonly replaced: number;
  /** Rows added, with the item's defaults where no cell is given. */
  readonly added: number;
  /** Existing rows removed (replaceAll). */
  readonly removed: number;
  /** Rows in the list afterwards. */
  readonly total: number;
  /** Why the list cannot take it (maxItems, minItems), or undefined. */
  readonly refusal?: string;
}

/**
 * Plans a paste of `pasted` rows into a list of `existing` rows. O(1).
 * @example planPaste(5, 4, {kind: 'replaceFrom', index: 3}, {}) // {start: 3, replaced: 2, added: 2, removed: 0, total: 7}
 */
export function planPaste(
  existing: number,
  pasted: number,
  mode: PasteMode,
  limits: { readonly minItems?: number; readonly maxItems?: number; readonly label?: string },
): PastePlan {
  let plan: PastePlan;
  if (mode.kind === 'replaceAll') {
    plan = { start: 0, replaced: 0, added: pasted, removed: existing, total: pasted };
  } else {
    const start = mode.kind === 'append' ? existing : Math.min(Math.max(0, mode.index), existing);
    const replaced = Math.min(pasted, existing - start);
    plan = { start, replaced, added: pasted - replaced, removed: 0, total: existing + pasted - replaced };
  }
  const name = limits.label ?? say('paste.plan.theList');
  if (limits.maxItems !== undefined && plan.total > limits.maxItems)
    return {
      ...plan,
      refusal: say('paste.plan.tooMany', { list: name, max: limits.maxItems, total: plan.total }),
    };
  if (limits.minItems !== undefined && plan.total < limits.minItems)
    return {
      ...plan,
      refusal: say('paste.plan.tooFew', { list: name, min: limits.minItems, total: plan.total }),
    };
  return plan;
}
