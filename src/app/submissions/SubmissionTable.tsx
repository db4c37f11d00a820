/**
 * The list's table, virtualised: a fixed row height lets the visible slice be computed from the
 * scroll position, and spacer rows keep the scroll bar true, so 5,000 rows cost what 30 do.
 */
import { type ReactNode, useState } from 'react';
import { useLocale, useT } from '../../widgets/index';
import { StateChip } from './StateChip';
import type { SubmissionRow } from './SubmissionIndex';
import { submissionHref } from './useHashRoute';

const ROW_PX = 36;
const VIEW_PX = 600;
const OVERSCAN = 8;

export function SubmissionTable({ rows }: { rows: readonly SubmissionRow[] }): ReactNode {
  const [top, setTop] = useState(0);
  const t = useT();
  const locale = useLocale();
  const first = Math.max(0, Math.floor(top / ROW_PX) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + VIEW_PX) / ROW_PX) + OVERSCAN);
  return (
    <div
      className="subs-scroll"
      style={{ maxHeight: VIEW_PX }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      <table className="subs-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th scope="col">{t('portal.submitted')}</th>
            <th scope="col">{t('portal.instrument')}</th>
            <th scope="col">{t('portal.proposal')}</th>
            <th scope="col">{t('portal.state')}</th>
            <th scope="col">{t('portal.jobs')}</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr className="subs-spacer" style={{ height: first * ROW_PX }} />}
          {rows.slice(first, last).map((row, i) => (
            <tr
              key={row.id}
              style={{ height: ROW_PX }}
              aria-rowindex={first + i + 2}
              data-submission={row.id}
            >
              <td>
                <a href={submissionHref(row.id)}>{new Date(row.createdAt).toLocaleString(locale)}</a>
              </td>
              <td>{row.instrument}</td>
              <td>{row.proposal ?? '—'}</td>
              <td>
                <StateChip state={row.state} />
              </td>
              <td className="subs-jobs">
                {row.jobs.map((job) => (
                  <StateChip key={job.id} state={job.state} title={job.label} />
                ))}
              </td>
            </tr>
          ))}
          {last < rows.length && (
            <tr className="subs-spacer" style={{ height: (rows.length - last) * ROW_PX }} />
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="subs-empty">{t('portal.noSubmissionsMatch')}</p>}
    </div>
  );
}
