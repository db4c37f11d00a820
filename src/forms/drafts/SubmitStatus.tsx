/**
 * The line beside the submit button about this form's submission: refused by the server (with its
 * message), sending or retrying (or being sent by another tab), sent but not confirmed, not sent yet,
 * not submitted because the browser did not store it, or accepted. Reads the outbox entries of this
 * form's draft only, so another instrument's or another tab's submission never shows here.
 */
import { useLocale, useT } from '../../widgets/index';
import type { OutboxEntry, OutboxStore } from './createOutboxStore';
import { formatTime as defaultFormat } from './formatTime';
import { sendErrorText } from './sendErrorText';
import type { SendReason } from './submitRequest';
import { useOutbox } from './useDraftStore';

export interface SubmitStatusProps {
  instrument: string;
  /** The draft whose submissions to show; without it, every submission of the instrument. */
  draftId?: string;
  store?: OutboxStore;
  /** Why the last submit did not go as asked (not stored, the earlier request landed), said first. */
  note?: { tone: 'alert' | 'status'; text: string; why?: SendReason };
  formatTime?: (epochMs: number) => string;
}

export function SubmitStatus({
  instrument,
  draftId,
  store,
  note,
  formatTime: givenFormat,
}: SubmitStatusProps) {
  const t = useT();
  const locale = useLocale();
  const formatTime = givenFormat ?? ((epochMs: number) => defaultFormat(epochMs, locale));
  const entries = useOutbox((s) => s.entries, store);
  const accepted = useOutbox((s) => s.accepted[draftId ?? instrument], store);
  const mine = entries.filter((e) => (draftId ? e.draftId === draftId : e.instrument === instrument));
  const entry = mine.at(-1);
  return (
    <div className="formulary-submit-status-area">
      {note ? (
        <p role={note.tone} className="formulary-submit-status formulary-submit-note">
          {note.why
            ? t(note.why.key, note.why.values)
            : `${note.text.charAt(0).toUpperCase() + note.text.slice(1)}.`}
        </p>
      ) : null}
      {entry ? <EntryStatus entry={entry} more={mine.length - 1} formatTime={formatTime} /> : null}
      {accepted && (!entry || entry.createdAt <= accepted.at) && !(note?.tone === 'alert') ? (
        <p role="status" className="formulary-submit-status formulary-submit-accepted">
          {t('draft.submit.accepted', { time: formatTime(accepted.at) })}
        </p>
      ) : null}
    </div>
  );
}

function EntryStatus({
  entry,
  more,
  formatTime,
}: {
  entry: OutboxEntry;
  more: number;
  formatTime: (epochMs: number) => string;
}) {
  const t = useT();
  const also = more > 0 ? ` ${t('draft.submit.more', { count: more })}` : '';
  switch (entry.status) {
    case 'rejected':
      return (
        <p role="alert" className="formulary-submit-status formulary-submit-rejected">
          {entry.lastProblems && entry.lastProblems.length > 0
            ? // The 422's detail is the server's English; the count says the same in the form's words.
              t('draft.submit.refusedFields', { count: entry.lastProblems.length })
            : entry.lastStatus
              ? t('draft.submit.refusedStatus', {
                  status: entry.lastStatus,
                  error: sendErrorText(t, entry) ?? '',
                })
              : t('draft.submit.refused', { error: sendErrorText(t, entry) ?? '' })}
          {entry.lastProblems && entry.lastProblems.length > 0
            ? ` ${t('draft.submit.marked', { count: entry.lastProblems.length })}`
            : null}
        </p>
      );
    case 'sending':
      return (
        <p role="status" className="formulary-submit-status" data-status="sending">
          {entry.nextRetryAt
            ? t('draft.submit.retrying', { error: sendErrorText(t, entry) ?? '' })
            : t('draft.submit.submitting')}
          {also}
        </p>
      );
    case 'unknown':
      return (
        <p role="status" className="formulary-submit-status" data-status="unknown">
          {t('draft.submit.unknown', {
            time: formatTime(entry.createdAt),
            error: sendErrorText(t, entry) ?? t('draft.submit.noAnswer'),
          })}
          {also}
        </p>
      );
    default:
      return entry.attempts === 0 && !entry.lastError ? (
        <p role="status" className="formulary-submit-status" data-status="queued">
          {t('draft.submit.queued')}
          {also}
        </p>
      ) : (
        <p role="status" className="formulary-submit-status" data-status="waiting">
          {t('draft.submit.waiting', { error: sendErrorText(t, entry) ?? t('draft.submit.waitingWord') })}
          {also}
        </p>
      );
  }
}
