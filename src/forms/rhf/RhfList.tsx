/**
 * A list of <FormularyFields>: add (with the item's defaults), remove, duplicate and move rows within
 * minItems/maxItems, rows keyed by stable ids (useFieldArray's for objects, useValueRows' for values). Items of
 * at most four plain fields are table rows, wider ones cards (layout/listColumns.ts decides, as for
 * SubmissionForm); each field is named "<label>, row <n>" for assistive technology. An open tuple's
 * rest (`firstIndex`) is this list over the tuple's own array, from its first item past the positions.
 */

import { memo, type ReactNode, useMemo } from 'react';
import { type FieldValues, get, useFieldArray } from 'react-hook-form';
import type { ListNode, Pointer } from '../../schemas/index';
import { useT } from '../../widgets/index';
import { AddRowButton, ListRowsFrame, rowLimits } from '../layout/ListRowsFrame';
import { type Column, columnsOf, showsCards } from '../layout/listColumns';
import { rhfDomId, useRhfContext, useRhfName } from './RhfContext';
import { RhfField } from './RhfField';
import { RhfGate } from './RhfGate';
import { RhfNode, RhfNodeErrors } from './RhfNode';
import { nodeDefault } from './requestOfValues';
import { rhfNameOf as rhfNameOfPointer } from './rhfNames';
import { type RhfRows, useValueRows } from './useValueRows';

interface RhfListProps {
  readonly node: ListNode;
  readonly pointer: Pointer;
  readonly indexes: readonly number[];
}

/**
 * Rows of objects are useFieldArray's (it moves their errors, touched and dirty marks with them);
 * an open tuple's rest and a list of plain values are useValueRows', whose items may be 0 or "".
 */
export const RhfList = memo(function RhfList(props: RhfListProps): ReactNode {
  const { item, firstIndex } = props.node;
  return firstIndex !== undefined || item.type === 'field' ? (
    <ValueList {...props} />
  ) : (
    <FieldArrayList {...props} />
  );
});

function FieldArrayList(props: RhfListProps): ReactNode {
  const { control } = useRhfContext();
  const array = useFieldArray({ control, name: useRhfName(props.pointer) });
  const rows: RhfRows = {
    keys: array.fields.map((f) => f.id),
    append: (items) => array.append(items as FieldValues[]),
    insert: (index, value) => array.insert(index, value as FieldValues),
    remove: array.remove,
    move: array.move,
  };
  return <ListBody {...props} rows={rows} />;
}

function ValueList(props: RhfListProps): ReactNode {
  const { control } = useRhfContext();
  return <ListBody {...props} rows={useValueRows(control, useRhfName(props.pointer))} />;
}

function ListBody({ node, pointer, indexes, rows }: RhfListProps & { rows: RhfRows }): ReactNode {
  const { control, idPrefix, disabled, readOnly } = useRhfContext();
  const t = useT();
  const name = useRhfName(pointer);
  const columns = useMemo(() => columnsOf(node), [node]);
  const cards = showsCards(columns);
  // An open tuple's rest (RhfTuple): its rows follow the positions in the tuple's own array, so the
  // field array is the whole array and this list shows, moves and counts its items from `first` on.
  const rest = node.firstIndex !== undefined;
  const first = node.firstIndex ?? 0;
  const id = `${rhfDomId(idPrefix, name)}${rest ? '-rest' : ''}`;
  const locked = disabled || readOnly;
  const total = rows.keys.length;
  const count = Math.max(0, total - first);
  const atMax = node.maxItems !== undefined && count >= node.maxItems;
  const atMin = count <= (node.minItems ?? 0);
  const actions = (index: number) => {
    const n = index + 1;
    return (
      <>
        <button
          type="button"
          aria-label={t('form.moveUp', { n })}
          disabled={locked || index === first}
          onClick={() => rows.move(index, index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('form.moveDown', { n })}
          disabled={locked || index === total - 1}
          onClick={() => rows.move(index, index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          aria-label={t('form.duplicateRow', { n })}
          disabled={locked || atMax}
          onClick={() =>
            rows.insert(index + 1, structuredClone(get(control._formValues, `${name}.${index}`)))
          }
        >
          {t('form.duplicate')}
        </button>
        <button
          type="button"
          aria-label={t('form.removeRow', { n })}
          disabled={locked || atMin}
          onClick={() => rows.remove(index)}
        >
          {t('form.remove')}
        </button>
      </>
    );
  };
  const cellsOf = (index: number) =>
    columns.map((c) => (
      <RowCell
        key={c.key ?? '*'}
        column={c}
        rowPointer={`${pointer}/${index}`}
        indexes={[...indexes, index]}
        n={index + 1}
        cards={cards}
      />
    ));
  const add = () => {
    const item = nodeDefault(node.item);
    // A rest item goes after every position: positions the array does not hold yet are given first
    // (null, as the request gives a position left empty). Wrapped, so an item that is itself an array
    // is one row rather than its elements.
    const missing = first - Math.min(first, total);
    rows.append([...Array(missing).fill(null), item]);
  };
  return (
    <fieldset className="formulary-list" data-name={name}>
      <legend id={`${id}-label`} className="formulary-list__label">
        {rest ? t('form.tupleRest', { label: node.label, count: first }) : node.label}
        {(node.minItems !== undefined || node.maxItems !== undefined) && (
          <span className="formulary-list__limits"> {rowLimits(t, node.minItems, node.maxItems)}</span>
        )}
      </legend>
      {node.description && <p className="formulary-list__description">{node.description}</p>}
      {!rest && <RhfNodeErrors name={name} id={`${id}-error`} />}
      <ListRowsFrame cards={cards} columns={columns} label={node.label} id={id}>
        {rows.keys.map((key, index) =>
          index < first ? null : cards ? (
            <li key={key} className="formulary-card">
              <fieldset>
                <legend className="formulary-card__legend">
                  {t('form.cellName', { label: node.label, n: index + 1 })}
                </legend>
                <div className="formulary-card__cells">{cellsOf(index)}</div>
                <div className="formulary-row-actions">{actions(index)}</div>
              </fieldset>
            </li>
          ) : (
            <tr key={key}>
              <th scope="row">{index + 1}</th>
              {cellsOf(index)}
              <td className="formulary-row-actions">{actions(index)}</td>
            </tr>
          ),
        )}
      </ListRowsFrame>
      <AddRowButton label={node.label} maxItems={node.maxItems} atMax={atMax} locked={locked} onAdd={add} />
    </fieldset>
  );
}

/** One field, group or list of row `n`: a table cell, or a labelled block in a card. */
function RowCell(props: {
  column: Column;
  rowPointer: Pointer;
  indexes: readonly number[];
  n: number;
  cards: boolean;
}): ReactNode {
  const { column: c, rowPointer, indexes, n, cards } = props;
  const { idPrefix, prefix } = useRhfContext();
  const t = useT();
  const pointer = c.key === null ? rowPointer : `${rowPointer}/${c.key}`;
  const id = rhfDomId(idPrefix, rhfNameOfPointer(prefix, pointer));
  let cell =
    c.node.type === 'field' ? (
      <>
        {cards ? (
          <label htmlFor={id} className="formulary-card__label">
            <span aria-hidden="true">{c.node.label}</span>
            <span className="formulary-visually-hidden">
              {t('form.cellName', { label: c.node.label, n })}
            </span>
          </label>
        ) : (
          <label htmlFor={id} className="formulary-visually-hidden">
            {t('form.cellName', { label: c.node.label, n })}
          </label>
        )}
        <RhfField node={c.node} pointer={pointer} inCell />
      </>
    ) : (
      <RhfNode node={c.node} pointer={pointer} indexes={indexes} />
    );
  if (c.node.conditionIds.length > 0 && c.node.type === 'field')
    cell = (
      <RhfGate node={c.node} indexes={indexes}>
        {cell}
      </RhfGate>
    );
  return cards ? <div className="formulary-card__cell">{cell}</div> : <td>{cell}</td>;
}
