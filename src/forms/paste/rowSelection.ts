/**
 * Which rows of one list are selected for copying out: a small store (zustand/vanilla) that each row's
 * checkbox subscribes to by its own id, so ticking one renders one checkbox and the copy button.
 * Removed rows drop out when read (selectedOf filters by the list's ids). No React, no DOM.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type RowSelection = StoreApi<{ readonly selected: ReadonlySet<string> }>;

export function createRowSelection(): RowSelection {
  return createStore(() => ({ selected: new Set<string>() as ReadonlySet<string> }));
}

/** Ticks or unticks one row. O(selected). */
export function toggleRow(selection: RowSelection, rowId: string, on: boolean): void {
  const next = new Set(selection.getState().selected);
  if (on) next.add(rowId);
  else next.delete(rowId);
  selection.setState({ selected: next });
}

/** The selected rows that are still in the list, in the list's order. O(rows). */
export function selectedOf(selection: RowSelection, ids: readonly string[]): string[] {
  const { selected } = selection.getState();
  return ids.filter((id) => selected.has(id));
}
