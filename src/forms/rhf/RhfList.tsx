/**
 * A list of <FormularyFields>, on react-hook-form's useFieldArray: add (with the item's defaults),
 * remove, duplicate and move rows within minItems/maxItems, rows keyed by useFieldArray's ids. Items of
 * at most four plain fields are table rows, wider ones cards (layout/listColumns.ts decides, as for
 * SubmissionForm); each field is named "<label>, row <n>" for assistive technology.
 */

import { memo, type ReactNode, useMemo } from 'react';
import { type FieldValues, get, useFieldArray } from 'react-hook-form';
import type { ListNode, Pointer } from '../../schemas/index';
import { useT } from '../../widgets/index';
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
  const id = rhfDomId(idPrefix, name);
  const locked = disabled || readOnly;
  const count = rows.fields.length;
  const atMax = node.maxItems !== undefined && count >= node.maxItems;
  const atMin = count <= (node.minItems ?? 0);
  const actions = (index: number) => {
    const n = index + 1;
    return (
      <>
        <button
          type="button"
          aria-label={t('form.moveUp', { n })}
          disabled={locked || index === 0}
          onClick={() => rows.move(index, index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('form.moveDown', { n })}
          disabled={locked || index === count - 1}
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
  return (
    <fieldset className="formulary-list" data-name={name}>
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
      <RhfNodeErrors name={name} id={`${id}-error`} />
      {cards ? (
        <ol className="formulary-cards" id={id} tabIndex={-1}>
          {rows.fields.map((row, index) => (
            <li key={row.id} className="formulary-card">
              <fieldset>
                <legend className="formulary-card__legend">
                  {t('form.cellName', { label: node.label, n: index + 1 })}
                </legend>
                <div className="formulary-card__cells">{cellsOf(index)}</div>
                <div className="formulary-row-actions">{actions(index)}</div>
              </fieldset>
            </li>
          ))}
        </ol>
      ) : (
        <div className="formulary-table-scroll">
          <table className="formulary-table" id={id} tabIndex={-1}>
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
                  <span className="formulary-visually-hidden">{t('form.rowActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.fields.map((row, index) => (
                <tr key={row.id}>
                  <th scope="row">{index + 1}</th>
                  {cellsOf(index)}
                  <td className="formulary-row-actions">{actions(index)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button
        type="button"
        disabled={atMax || locked}
        onClick={() => rows.append(nodeDefault(node.item) as FieldValues)}
      >
        {t('form.addRow', { label: node.label })}
      </button>
      {atMax && (
        <span className="formulary-list__note"> {t('form.atMostRows', { count: node.maxItems ?? 0 })}</span>
      )}
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
