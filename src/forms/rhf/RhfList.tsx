/**
 * A list of <FormularyFields>, on react-hook-form's useFieldArray: add (with the item's defaults),
 * remove, duplicate and move rows within minItems/maxItems, rows keyed by useFieldArray's ids. Items of
 * at most four plain fields are table rows, wider ones cards (layout/listColumns.ts decides, as for
 * SubmissionForm); each field is named "<label>, row <n>" for assistive technology. An open tuple's
 * rest (`firstIndex`) is this list over the tuple's own array, from its first item past the positions.
 */

import { memo, type ReactNode, useMemo } from 'react';
import { type FieldValues, get, useFieldArray } from 'react-hook-form';
import type { ListNode, Pointer } from '../../schemas/index';
import { useT } from '../../widgets/index';
import { AddRowButton, ListRowsFrame } from '../layout/ListRowsFrame';
import { type Column, columnsOf, showsCards } from '../layout/listColumns';
import { rhfDomId, useRhfContext, useRhfName } from './RhfContext';
import { RhfField } from './RhfField';
import { RhfGate } from './RhfGate';
import { RhfNode, RhfNodeErrors } from './RhfNode';
import { nodeDefault } from './requestOfValues';
import { rhfNameOf as rhfNameOfPointer } from './rhfNames';

export const RhfList = memo(function RhfList({
  node,
  pointer,
  indexes,
}: {
  node: ListNode;
  pointer: Pointer;
  indexes: readonly number[];
}): ReactNode {
  const { control, idPrefix, disabled, readOnly } = useRhfContext();
  const t = useT();
  const name = useRhfName(pointer);
  const rows = useFieldArray({ control, name });
  const columns = useMemo(() => columnsOf(node), [node]);
  const cards = showsCards(columns);
  // An open tuple's rest (RhfTuple): its rows follow the positions in the tuple's own array, so the
  // field array is the whole array and this list shows, moves and counts its items from `first` on.
  const rest = node.firstIndex !== undefined;
  const first = node.firstIndex ?? 0;
  const id = `${rhfDomId(idPrefix, name)}${rest ? '-rest' : ''}`;
  const locked = disabled || readOnly;
  const total = rows.fields.length;
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
    rows.append([...Array(missing).fill(null), item] as FieldValues[]);
  };
  return (
    <fieldset className="formulary-list" data-name={name}>
      <legend id={`${id}-label`} className="formulary-list__label">
        {rest ? t('form.tupleRest', { label: node.label, count: first }) : node.label}
        {(node.minItems !== undefined || node.maxItems !== undefined) && (
          <span className="formulary-list__limits">
            {' '}
            ({node.minItems ?? 0}–{node.maxItems ?? '∞'} rows)
          </span>
        )}
      </legend>
      {node.description && <p className="formulary-list__description">{node.description}</p>}
      {!rest && <RhfNodeErrors name={name} id={`${id}-error`} />}
      <ListRowsFrame cards={cards} columns={columns} label={node.label} id={id}>
        {rows.fields.map((row, index) =>
          index < first ? null : cards ? (
            <li key={row.id} className="formulary-card">
              <fieldset>
                <legend className="formulary-card__legend">
                  {t('form.cellName', { label: node.label, n: index + 1 })}
                </legend>
                <div className="formulary-card__cells">{cellsOf(index)}</div>
                <div className="formulary-row-actions">{actions(index)}</div>
              </fieldset>
            </li>
          ) : (
            <tr key={row.id}>
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
});

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
