/**
 * The checkbox that ticks one list row for copying out. It subscribes to its own row in the list's
 * selection store, so ticking renders this box and the copy button, no field.
 */
import { type ReactNode, useCallback, useSyncExternalStore } from 'react';
import { useT } from '../../widgets/index';
import { type RowSelection, toggleRow } from './rowSelection';

export function RowSelectBox(props: { selection: RowSelection; rowId: string; n: number }): ReactNode {
  const { selection, rowId } = props;
  const t = useT();
  const read = useCallback(() => selection.getState().selected.has(rowId), [selection, rowId]);
  const checked = useSyncExternalStore(selection.subscribe, read, read);
  return (
    <input
      type="checkbox"
      className="formulary-row-select"
      data-action="select-row"
      aria-label={t('paste.selectRow', { row: props.n })}
      checked={checked}
      onChange={(event) => toggleRow(selection, rowId, event.currentTarget.checked)}
    />
  );
}
