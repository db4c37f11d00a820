/**
 * How many of a list's rows are ticked for copying: the copy button's label follows it. A hook over
 * the selection store (useSyncExternalStore), no logic of its own beyond counting.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { type RowSelection, selectedOf } from './rowSelection';

export function useSelectedCount(selection: RowSelection, ids: readonly string[]): number {
  const read = useCallback(() => selectedOf(selection, ids).length, [selection, ids]);
  return useSyncExternalStore(selection.subscribe, read, read);
}
