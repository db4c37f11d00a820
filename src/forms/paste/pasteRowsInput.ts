/**
 * A previewed paste turned into the rows replaceList takes: kept rows by id, rows written over by id
 * with their read cells, new rows with theirs, in the order planPaste decided. No DOM, no React.
 */
import type { PastedRows, PastePlan } from '../../schemas/index';
import type { ListRowInput } from '../engine/ListReplace';

/** The list's rows after the paste. O(rows + cells). */
export function pasteRowsInput(ids: readonly string[], pasted: PastedRows, plan: PastePlan): ListRowInput[] {
  const cellsOf = (i: number) => pasted.rows[i]!.cells.map((c) => [c.column.path, c.value] as const);
  // Replace all: every row new, from the item's defaults (none of the old rows' values carries over).
  if (plan.removed > 0) return pasted.rows.map((_, i) => ({ cells: cellsOf(i) }));
  const out: ListRowInput[] = ids.slice(0, plan.start).map((rowId) => ({ rowId, cells: [] }));
  pasted.rows.forEach((_, i) => {
    out.push(i < plan.replaced ? { rowId: ids[plan.start + i]!, cells: cellsOf(i) } : { cells: cellsOf(i) });
  });
  for (const rowId of ids.slice(plan.start + plan.replaced)) out.push({ rowId, cells: [] });
  return out;
}
