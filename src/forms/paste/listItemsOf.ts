/**
 * A list's rows as the request holds them (hidden fields kept, as a draft saves them), for copying out
 * and CSV export. O(fields of the form): once per copy or export, never per keystroke.
 */
import { getAt } from '../../schemas/index';
import type { FormEngine } from '../engine/FormEngine';
import type { StoragePath } from '../engine/storagePath';

/** The items of the list at `listPath`, or of the rows `rowIds` only, in the list's order. */
export function listItemsOf(
  engine: FormEngine,
  listPath: StoragePath,
  rowIds?: readonly string[],
): unknown[] {
  const whole = getAt(engine.draftValues(), engine.pointerOf(listPath));
  if (!Array.isArray(whole)) return [];
  // An open tuple's rest rows follow its positions in the same array.
  const items = whole.slice(engine.listAt(listPath)?.firstIndex ?? 0);
  if (rowIds === undefined) return items;
  const ids = engine.rowsOf(listPath);
  const wanted = new Set(rowIds);
  return items.filter((_, i) => wanted.has(ids[i]!));
}
