/**
 * What a paste or CSV import will do before it does it: where the rows go (a choice of add, write
 * over from a row, or replace all), the pasted rows with every unreadable cell marked (and its reason
 * as the cell's description), every problem listed by line and column, and Apply / Cancel. Shows at
 * most PREVIEW_ROWS rows, so 1,000 pasted rows cost one small table; the problem list is complete.
 */
import { memo, type ReactNode, useEffect, useId, useMemo, useRef } from 'react';
import type { PastedRows, PasteMode, PastePlan } from '../../schemas/index';
import { type PasteMessages, usePasteMessages } from './pasteMessages';

const PREVIEW_ROWS = 50;
const LISTED_PROBLEMS = 500;

export interface PastePreviewProps {
  readonly listLabel: string;
  readonly source: string;
  readonly pasted: PastedRows;
  readonly plan: PastePlan;
  readonly mode: PasteMode;
  /** The row the paste was made in (0-based), when it was made in one: offers writing over from it. */
  readonly atRow: number | undefined;
  readonly existing: number;
  readonly onMode: (mode: PasteMode) => void;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

export function PastePreview(props: PastePreviewProps): ReactNode {
  const { pasted, plan, mode } = props;
  const id = useId();
  const m = usePasteMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const shown = Math.min(pasted.rows.length, PREVIEW_ROWS);
  const headers = useMemo(
    () =>
      pasted.columns.map((c, i) =>
        c
          ? c.label
          : pasted.header
            ? m.previewColumnUnread(pasted.headers[i] ?? '')
            : m.previewColumnUnknown(i + 1),
      ),
    [pasted, m],
  );
  const bad = pasted.problems.length;
  const modeKey = mode.kind;
  const radio = (value: PasteMode, label: string) => (
    <label className="formulary-paste__mode">
      <input
        type="radio"
        name={`${id}-mode`}
        value={value.kind}
        checked={modeKey === value.kind}
        onChange={() => props.onMode(value)}
      />{' '}
      {label}
    </label>
  );
  return (
    <section
      className="formulary-paste"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1} className="formulary-paste__title">
        {m.previewTitle(props.listLabel)}
      </h4>
      <p className="formulary-paste__source">
        {m.previewSource(props.source)} {pasted.header ? m.headerFound : m.noHeader}
      </p>
      <fieldset className="formulary-paste__modes">
        <legend>{m.modeLegend}</legend>
        {radio({ kind: 'append' }, m.modeAppend(props.existing))}
        {props.atRow !== undefined &&
          radio({ kind: 'replaceFrom', index: props.atRow }, m.modeReplaceFrom(props.atRow + 1))}
        {radio({ kind: 'replaceAll' }, m.modeReplaceAll)}
      </fieldset>
      <p className="formulary-paste__plan" role="status">
        {pasted.rows.length === 0
          ? m.noRows
          : m.planSummary(plan.added, plan.replaced, plan.removed, plan.total)}
      </p>
      {plan.refusal && (
        <p className="formulary-paste__refusal" role="alert">
          {plan.refusal}
        </p>
      )}
      <p className={bad > 0 ? 'formulary-paste__bad-count' : 'formulary-paste__all-read'}>
        {bad > 0 ? m.badCells(bad) : m.allRead}
      </p>
      {shown > 0 && (
        <PreviewTable pasted={pasted} headers={headers} replaced={plan.replaced} start={plan.start} m={m} />
      )}
      {pasted.rows.length > shown && (
        <p className="formulary-paste__more">{m.previewMore(shown, pasted.rows.length)}</p>
      )}
      {bad > 0 && <ProblemList problems={pasted.problems} m={m} />}
      <div className="formulary-paste__actions">
        <button
          type="button"
          data-action="apply-paste"
          disabled={plan.refusal !== undefined || pasted.rows.length === 0}
          onClick={props.onApply}
        >
          {m.apply(plan.total)}
        </button>
        <button type="button" data-action="cancel-paste" onClick={props.onCancel}>
          {m.cancel}
        </button>
      </div>
    </section>
  );
}

/**
 * The first PREVIEW_ROWS pasted rows, every unreadable cell marked. A memo of its own: picking where
 * the rows go changes only the first column's words, not the cells (bench:paste, "Replace all rows").
 */
const PreviewTable = memo(function PreviewTable(props: {
  readonly pasted: PastedRows;
  readonly headers: readonly string[];
  /** Rows written over (planPaste), and the list row the first of them is. */
  readonly replaced: number;
  readonly start: number;
  readonly m: PasteMessages;
}): ReactNode {
  const { pasted, headers, replaced, start, m } = props;
  return (
    <div className="formulary-table-scroll">
      <table className="formulary-paste__table">
        <thead>
          <tr>
            <th scope="col">{m.previewColumnRow}</th>
            {headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions of the pasted text
              <th scope="col" key={i}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pasted.rows.slice(0, PREVIEW_ROWS).map((row, r) => {
            const over = r < replaced ? m.previewRowOver(start + r + 1) : m.previewRowNew;
            return (
              <tr key={row.line} data-line={row.line}>
                <th scope="row">{over}</th>
                {headers.map((_, i) => {
                  const error = row.errors.get(i);
                  const text = row.texts[i] ?? '';
                  return error === undefined ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions of the pasted text
                    <td key={i}>{text}</td>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions of the pasted text
                    <td key={i} className="formulary-paste__bad" data-bad="true" title={error}>
                      <mark>{text === '' ? '∅' : text}</mark>
                      <span className="formulary-visually-hidden"> ({error})</span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});

/** Every problem by line and column (the first LISTED_PROBLEMS, then how many more): a memo too. */
const ProblemList = memo(function ProblemList(props: {
  readonly problems: PastedRows['problems'];
  readonly m: PasteMessages;
}): ReactNode {
  const { problems, m } = props;
  return (
    <ul className="formulary-paste__problems">
      {problems.slice(0, LISTED_PROBLEMS).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole for each paste
        <li key={i}>{m.problemLine(p.line, p.label, p.text, p.message)}</li>
      ))}
      {problems.length > LISTED_PROBLEMS && <li>{m.problemsMore(problems.length - LISTED_PROBLEMS)}</li>}
    </ul>
  );
});
