/**
 * A list (array) as an editable table: one row per item, one column per field of an object item (a
 * single column for scalars); add, remove, duplicate and move rows, within minItems/maxItems. Rows
 * are keyed by stable ids, so moving a row moves one id and re-renders no field.
 */
import { memo, type ReactNode, useContext, useMemo, useRef } from 'react';
import type { ListNode, ModelNode } from '../../schemas/index';
import { escapeKey } from '../engine/flattenValues';
import { rowPath, rowsName, type StoragePath } from '../engine/storagePath';
import { domId, RowContext, useFormContextValue } from '../FormContext';
import { FieldRow } from '../fields/FieldRow';
import { useStoredValue } from '../fields/useStoredValue';
import { ConditionGate } from './ConditionGate';
import { NodeErrors } from './NodeErrors';
import { NodeView } from './NodeView';
import { useFocusTarget } from './useFocusTarget';

const NO_ROWS: readonly string[] = [];

interface Column {
  readonly node: ModelNode;
  readonly key: string | null;
}

function columnsOf(list: ListNode): Column[] {
  const item = list.item;
  if (item.type !== 'group') return [{ node: item, key: null }];
  return [...item.children]
    .sort((a, b) => a.order - b.order)
    .map((node) => ({ node, key: escapeKey(node.key) }));
}

export const ListTable = memo(function ListTable({
  node,
  path,
}: {
  node: ListNode;
  path: StoragePath;
}): ReactNode {
  const { engine, idPrefix, disabled, readOnly } = useFormContextValue();
  const ids = (useStoredValue(rowsName(path)) as string[] | undefined) ?? NO_ROWS;
  const columns = useMemo(() => columnsOf(node), [node]);
  const id = domId(idPrefix, path);
  const table = useRef<HTMLTableElement>(null);
  useFocusTarget(path, table);
  const locked = disabled || readOnly;
  const atMax = node.maxItems !== undefined && ids.length >= node.maxItems;
  const atMin = ids.length <= (node.minItems ?? 0);
  return (
    <fieldset className="formulary-list" data-path={path}>
      <legend id={`${id}-label`} className="formulary-list__label">
        {node.label}
        {(node.minItems !== undefined || node.maxItems !== undefined) && (
          <span className="formulary-list__limits">
            {' '}
            ({node.minItems ?? 0}–{node.maxItems ?? '∞'} rows)
          </span>
        )}
      </legend>
      {node.description && <p className="formulary-list__description">{node.description}</p>}
      <NodeErrors path={path} id={`${id}-error`} />
      <div className="formulary-table-scroll">
        <table ref={table} className="formulary-table" id={id} tabIndex={-1}>
          <caption className="formulary-visually-hidden">{node.label}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((c) => (
                <th scope="col" key={c.key ?? '*'}>
                  {c.node.label}
                  {c.node.type === 'field' && c.node.units ? ` (${c.node.units})` : ''}
                </th>
              ))}
              <th scope="col">
                <span className="formulary-visually-hidden">Row actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ids.map((rowId, index) => (
              <ListRow
                key={rowId}
                list={node}
                listPath={path}
                rowId={rowId}
                index={index}
                count={ids.length}
                columns={columns}
                canRemove={!atMin && !locked}
                canAdd={!atMax && !locked}
                locked={locked}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" disabled={atMax || locked} onClick={() => engine.addRow(path)}>
        Add row to {node.label}
      </button>
      {atMax && <span className="formulary-list__note"> At most {node.maxItems} rows.</span>}
    </fieldset>
  );
});

interface ListRowProps {
  readonly list: ListNode;
  readonly listPath: StoragePath;
  readonly rowId: string;
  readonly index: number;
  readonly count: number;
  readonly columns: readonly Column[];
  readonly canRemove: boolean;
  readonly canAdd: boolean;
  readonly locked: boolean;
}

const ListRow = memo(function ListRow(props: ListRowProps): ReactNode {
  const { list, listPath, rowId, index, count, columns } = props;
  const { engine, idPrefix } = useFormContextValue();
  const parentRows = useContext(RowContext);
  const rows = useMemo(() => new Map(parentRows).set(list.pointer, rowId), [parentRows, list.pointer, rowId]);
  const path = rowPath(listPath, rowId);
  const n = index + 1;
  return (
    <RowContext.Provider value={rows}>
      <tr data-row={rowId}>
        <th scope="row">{n}</th>
        {columns.map((c) => {
          const cellPath = c.key === null ? path : `${path}/${c.key}`;
          const cell =
            c.node.type === 'field' ? (
              <>
                <label htmlFor={domId(idPrefix, cellPath)} className="formulary-visually-hidden">
                  {c.node.label}, row {n}
                </label>
                <FieldRow node={c.node} path={cellPath} inCell />
              </>
            ) : (
              <NodeView node={c.node} path={cellPath} />
            );
          return (
            <td key={c.key ?? '*'}>
              {c.node.conditionIds.length > 0 && c.node.type === 'field' ? (
                <ConditionGate node={c.node}>{cell}</ConditionGate>
              ) : (
                cell
              )}
            </td>
          );
        })}
        <td className="formulary-row-actions">
          <button
            type="button"
            aria-label={`Move row ${n} up`}
            disabled={props.locked || index === 0}
            onClick={() => engine.moveRow(listPath, rowId, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move row ${n} down`}
            disabled={props.locked || index === count - 1}
            onClick={() => engine.moveRow(listPath, rowId, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            aria-label={`Duplicate row ${n}`}
            disabled={!props.canAdd}
            onClick={() => engine.duplicateRow(listPath, rowId)}
          >
            Duplicate
          </button>
          <button
            type="button"
            aria-label={`Remove row ${n}`}
            disabled={!props.canRemove}
            onClick={() => engine.removeRow(listPath, rowId)}
          >
            Remove
          </button>
        </td>
      </tr>
    </RowContext.Provider>
  );
});
