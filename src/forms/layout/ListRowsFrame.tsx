/**
 * What a list looks like around its rows, the same in SubmissionForm (ListTable) and in a
 * react-hook-form host (rhf/RhfList): the rows as cards (an <ol>) or as a table headed by its
 * columns' labels (units in brackets), then the Add button and the "At most N rows" note. The rows
 * are the caller's (each way in keys, names and moves them its own way); only their frame is shared.
 */
import type { ReactNode, RefObject } from 'react';
import { useT } from '../../widgets/index';
import type { Column } from './listColumns';

export interface ListRowsFrameProps {
  /** Cards (`<li>` rows) rather than a table (`<tr>` rows): listColumns' showsCards. */
  readonly cards: boolean;
  readonly columns: readonly Column[];
  /** The list's label: the table's caption, for assistive technology. */
  readonly label: string;
  /** The id of the rows' container, which takes the focus a reveal gives the list. */
  readonly id: string;
  readonly bodyRef?: RefObject<HTMLElement | null>;
  readonly children: ReactNode;
}

/** The rows in their container: `<ol>` of cards, or a scrolling table with a header row. */
export function ListRowsFrame({
  cards,
  columns,
  label,
  id,
  bodyRef,
  children,
}: ListRowsFrameProps): ReactNode {
  const t = useT();
  if (cards)
    return (
      <ol
        ref={bodyRef as RefObject<HTMLOListElement> | undefined}
        className="formulary-cards"
        id={id}
        tabIndex={-1}
      >
        {children}
      </ol>
    );
  return (
    <div className="formulary-table-scroll">
      <table
        ref={bodyRef as RefObject<HTMLTableElement> | undefined}
        className="formulary-table"
        id={id}
        tabIndex={-1}
      >
        <caption className="formulary-visually-hidden">{label}</caption>
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
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** "Add row to <label>", disabled at maxItems (then saying so) or while the form is locked. */
export function AddRowButton(props: {
  label: string;
  maxItems: number | undefined;
  atMax: boolean;
  locked: boolean;
  className?: string;
  onAdd: () => void;
}): ReactNode {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className={props.className}
        disabled={props.atMax || props.locked}
        onClick={props.onAdd}
      >
        {t('form.addRow', { label: props.label })}
      </button>
      {props.atMax && (
        <span className="formulary-list__note"> {t('form.atMostRows', { count: props.maxItems ?? 0 })}</span>
      )}
    </>
  );
}

/**
 * "(2–5 rows)", "(at least 1 row)", "(up to 10 rows)": the list's limits in the form's language, the
 * same words in the form's lists and the react-hook-form ones.
 */
export function rowLimits(
  t: ReturnType<typeof useT>,
  min: number | undefined,
  max: number | undefined,
): string {
  if (max === undefined) return t('listTable.limits.atLeast', { min: min ?? 0 });
  if (min === undefined || min === 0) return t('listTable.limits.upTo', { max });
  return t('listTable.limits.between', { min, max });
}
