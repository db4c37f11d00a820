/**
 * A list (array), editable: add, remove, duplicate and move rows, within minItems/maxItems. Rows are
 * keyed by stable ids, so moving a row moves one id and re-renders no field. A list of scalars, or of
 * objects with at most four plain fields, is a table (listColumns.ts): one row per item, one column per field.
 * Wider items, or items holding groups or lists (a scan with its transmission run and value), are
 * cards: one bordered block per item with its fields side by side, wrapping to the column's width, so
 * the form's narrow column shows every field of a scan instead of scrolling sideways past them.
 * Either way a field's accessible name is "<label>, row <n>". An open tuple's rest (a list at the
 * tuple's own path, `firstIndex` set) is drawn inside the tuple's fieldset: its rows are numbered from
 * their place in the whole array, and the tuple shows the errors and takes the focus of that path.
 */

import { type MouseEvent, memo, type ReactNode, useContext, useMemo, useRef } from 'react';
import type { ListNode } from '../../schemas/index';
import { useT } from '../../widgets/index';
import { rowPath, rowsName, type StoragePath } from '../engine/storagePath';
import { domId, RowContext, RowNameContext, rowNameId, useFormContextValue } from '../FormContext';
import { FieldRow } from '../fields/FieldRow';
import { useStoredValue } from '../fields/useStoredValue';
import { ListTools } from '../paste/ListTools';
import { RowSelectBox } from '../paste/RowSelectBox';
import { createRowSelection, type RowSelection } from '../paste/rowSelection';
import { ConditionGate } from './ConditionGate';
import { focusAfterRowAction } from './focusAfterRowAction';
import { AddRowButton, ListRowsFrame, rowLimits } from './ListRowsFrame';
import { ListUnsetToggle } from './ListUnsetToggle';
import { type Column, columnsOf, showsCards } from './listColumns';
import { NodeErrors } from './NodeErrors';
import { NodeView } from './NodeView';
import { useFocusTarget } from './useFocusTarget';
import { useProgressiveRows } from './useProgressiveRows';

const NO_ROWS: readonly string[] = [];

export const ListTable = memo(function ListTable({
  node,
  path,
}: {
  node: ListNode;
  path: StoragePath;
}): ReactNode {
  const { engine, idPrefix, disabled, readOnly } = useFormContextValue();
  const t = useT();
  const stored = useStoredValue(rowsName(path)) as string[] | null | undefined;
  const ids = stored ?? NO_ROWS;
  const unset = stored === null; // a nullable list sent as null (ListUnsetToggle)
  const shown = useProgressiveRows(ids.length);
  const columns = useMemo(() => columnsOf(node), [node]);
  const cards = showsCards(columns);
  // An open tuple's rest rows share the tuple's path: their own ids, no second error line or focus.
  const rest = node.firstIndex !== undefined;
  const first = node.firstIndex ?? 0;
  const id = `${domId(idPrefix, path)}${rest ? '-rest' : ''}`;
  const body = useRef<HTMLElement>(null);
  useFocusTarget(rest ? null : path, body);
  const locked = disabled || readOnly;
  // The rows ticked for copying out (paste/ListTools): one store per list, read by each row's box.
  const selection = useMemo(() => createRowSelection(), []);
  const atMax = node.maxItems !== undefined && ids.length >= node.maxItems;
  const atMin = ids.length <= (node.minItems ?? 0);
  const rowProps = {
    list: node,
    listPath: path,
    count: ids.length,
    columns,
    canRemove: !atMin && !locked,
    canAdd: !atMax && !locked,
    locked,
    selection,
    first,
  };
  return (
    <fieldset className="formulary-list" data-path={path}>
      <legend id={`${id}-label`} className="formulary-list__label">
        {rest ? t('form.tupleRest', { label: node.label, count: first }) : node.label}
        {(node.minItems !== undefined || node.maxItems !== undefined) && (
          <span className="formulary-list__limits"> {rowLimits(t, node.minItems, node.maxItems)}</span>
        )}
        {node.nullable && <ListUnsetToggle node={node} path={path} unset={unset} locked={locked} />}
      </legend>
      {node.description && <p className="formulary-list__description">{node.description}</p>}
      {!rest && <NodeErrors path={path} id={`${id}-error`} />}
      {unset ? (
        <p className="formulary-list__note">{t('listTable.unsetNote')}</p>
      ) : (
        <ListRowsFrame cards={cards} columns={columns} label={node.label} id={id} bodyRef={body}>
          {(shown < ids.length ? ids.slice(0, shown) : ids).map((rowId, index) => (
            <ListRow key={rowId} {...rowProps} rowId={rowId} index={index} cards={cards} />
          ))}
        </ListRowsFrame>
      )}
      <AddRowButton
        label={node.label}
        maxItems={node.maxItems}
        atMax={atMax}
        locked={locked}
        className="formulary-list__add"
        onAdd={() => engine.addRow(path)}
      />
      <ListTools node={node} path={path} ids={ids} selection={selection} />
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
  /** A card (<li>) instead of a table row (<tr>). */
  readonly cards: boolean;
  readonly selection: RowSelection;
  /** Array index of the list's first row (an open tuple's rest: its positions come first). */
  readonly first: number;
}

const ListRow = memo(function ListRow(props: ListRowProps): ReactNode {
  const { list, listPath, rowId, index, columns, cards } = props;
  const parentRows = useContext(RowContext);
  const parentName = useContext(RowNameContext);
  const { idPrefix } = useFormContextValue();
  const t = useT();
  const rows = useMemo(() => new Map(parentRows).set(list.pointer, rowId), [parentRows, list.pointer, rowId]);
  const path = rowPath(listPath, rowId);
  const n = props.first + index + 1;
  // The words that end the names of this row's controls (WidgetProps.nameRef): referenced by id, so
  // a move changes this text and renders no field.
  const rowName =
    parentName === ''
      ? t('form.row', { n })
      : t('form.nestedRow', { list: list.label, n, parent: parentName });
  const nameSpan = (
    <span id={rowNameId(idPrefix, `${path}/x`)} hidden>
      {rowName}
    </span>
  );
  const cells = columns.map((c) => (
    <RowCell key={c.key ?? '*'} column={c} rowPath={path} n={n} cards={cards} />
  ));
  const actions = <RowActions {...props} n={n} />;
  return (
    <RowContext.Provider value={rows}>
      <RowNameContext.Provider value={rowName}>
        {cards ? (
          <li className="formulary-card" data-row={rowId}>
            <fieldset>
              <legend className="formulary-card__legend">
                {t('form.cellName', { label: list.label, n })}
                {nameSpan}
              </legend>
              <div className="formulary-card__cells">{cells}</div>
              <div className="formulary-row-actions">{actions}</div>
            </fieldset>
          </li>
        ) : (
          <tr data-row={rowId}>
            <th scope="row">
              {n}
              {nameSpan}
            </th>
            {cells}
            <td className="formulary-row-actions">{actions}</td>
          </tr>
        )}
      </RowNameContext.Provider>
    </RowContext.Provider>
  );
});

/** One field, group or list of row `n`: a table cell, or a labelled block in a card. */
function RowCell(props: { column: Column; rowPath: StoragePath; n: number; cards: boolean }): ReactNode {
  const { column: c, rowPath: path, n, cards } = props;
  const { idPrefix } = useFormContextValue();
  const t = useT();
  const cellPath = c.key === null ? path : `${path}/${c.key}`;
  // The field's name for assistive technology says which row: "Thickness, row 2". In a table the
  // column header shows the label; in a card the label itself does.
  let cell =
    c.node.type === 'field' ? (
      <>
        {cards ? (
          // The visible label, and a hidden one naming the row: a hidden span inside one label would
          // be read with a space before it ("Run number , row 2").
          <label htmlFor={domId(idPrefix, cellPath)} className="formulary-card__label">
            <span aria-hidden="true">{c.node.label}</span>
            <span className="formulary-visually-hidden">
              {t('form.cellName', { label: c.node.label, n })}
            </span>
          </label>
        ) : (
          <label htmlFor={domId(idPrefix, cellPath)} className="formulary-visually-hidden">
            {t('form.cellName', { label: c.node.label, n })}
          </label>
        )}
        <FieldRow node={c.node} path={cellPath} inCell />
      </>
    ) : (
      <NodeView node={c.node} path={cellPath} />
    );
  if (c.node.conditionIds.length > 0 && c.node.type === 'field')
    cell = <ConditionGate node={c.node}>{cell}</ConditionGate>;
  return cards ? <div className="formulary-card__cell">{cell}</div> : <td>{cell}</td>;
}

/** Move up, move down, duplicate and remove, for row `n` of a list. */
function RowActions(props: ListRowProps & { n: number }): ReactNode {
  const { listPath, rowId, index, count, n } = props;
  // index: place among this list's rows (what moves and focus count); n: place in the whole array.
  const { engine } = useFormContextValue();
  const t = useT();
  // The button pressed may go (Remove) or disable (Move up into the first row): focus moves on to a
  // neighbour that can take it, never to <body>.
  const listOf = (event: MouseEvent<HTMLButtonElement>) =>
    event.currentTarget.closest('fieldset.formulary-list');
  return (
    <>
      <RowSelectBox selection={props.selection} rowId={rowId} n={n} />
      <button
        type="button"
        data-action="up"
        aria-label={t('form.moveUp', { n })}
        disabled={props.locked || index === 0}
        onClick={(event) => {
          const list = listOf(event);
          engine.moveRow(listPath, rowId, -1);
          focusAfterRowAction(list, index - 1, ['up', 'down']);
        }}
      >
        ↑
      </button>
      <button
        type="button"
        data-action="down"
        aria-label={t('form.moveDown', { n })}
        disabled={props.locked || index === count - 1}
        onClick={(event) => {
          const list = listOf(event);
          engine.moveRow(listPath, rowId, 1);
          focusAfterRowAction(list, index + 1, ['down', 'up']);
        }}
      >
        ↓
      </button>
      <button
        type="button"
        data-action="duplicate"
        aria-label={t('form.duplicateRow', { n })}
        disabled={!props.canAdd}
        onClick={() => engine.duplicateRow(listPath, rowId)}
      >
        {t('form.duplicate')}
      </button>
      <button
        type="button"
        data-action="remove"
        aria-label={t('form.removeRow', { n })}
        disabled={!props.canRemove}
        onClick={(event) => {
          const list = listOf(event);
          engine.removeRow(listPath, rowId);
          focusAfterRowAction(list, index, ['remove', 'duplicate', 'up', 'down']);
        }}
      >
        {t('form.remove')}
      </button>
    </>
  );
}
