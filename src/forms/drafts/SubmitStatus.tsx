/**
 * The line beside the submit button about this form's submission: refused by the server (with its
 * message), sending or retrying (or being sent by another tab), sent but not confirmed, not sent yet,
 * not submitted because the browser did not store it, or accepted. Reads the outbox entries of this
 * form's draft only, so another instrument's or another tab's submission never shows here.
 */
import type { OutboxEntry, OutboxStore } from './createOutboxStore';
import { formatTime as defaultFormat } from './formatTime';
import { useOutbox } from './useDraftStore';

export interface SubmitStatusProps {
  instrument: string;
  /** The draft whose submissions to show; without it, every submission of the instrument. */
  draftId?: string;
  store?: OutboxStore;
  /** Why the last submit did not go as asked (not stored, the earlier request landed), said first. */
  note?: { tone: 'alert' | 'status'; text: string };
  formatTime?: (epochMs: number) => string;
}

export function SubmitStatus({
  instrument,
  draftId,
  store,
  note,
  formatTime = defaultFormat,
}: SubmitStatusProps) {
  const entries = useOutbox((s) => s.entries, store);
  const accepted = useOutbox((s) => s.accepted[draftId ?? instrument], store);
  const mine = entries.filter((e) => (draftId ? e.draftId === draftId : e.instrument === instrument));
  const entry = mine.at(-1);
  return (
    <div className="formulary-submit-status-area">
      {note ? (
        <p role={note.tone} className="formulary-submit-status formulary-submit-note">
          {note.text.charAt(0).toUpperCase() + note.text.slice(1)}.
        </p>
      ) : null}
      {entry ? <EntryStatus entry={entry} more={mine.length - 1} formatTime={formatTime} /> : null}
      {accepted && (!entry || entry.createdAt <= accepted.at) && !(note?.tone === 'alert') ? (
        <p role="status" className="formulary-submit-status formulary-submit-accepted">
          Submitted at {formatTime(accepted.at)}.
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
  const also =
    more > 0 ? ` ${more} earlier ${more === 1 ? 'request is' : 'requests are'} in the outbox too.` : '';
  switch (entry.status) {
    case 'rejected':
      return (
        <p role="alert" className="formulary-submit-status formulary-submit-rejected">
          The server refused the request{entry.lastStatus ? ` (${entry.lastStatus})` : ''}: {entry.lastError}
          {entry.lastProblems && entry.lastProblems.length > 0
            ? entry.lastProblems.length === 1
              ? '. The field it names is marked in the form.'
              : `. The ${entry.lastProblems.length} fields it names are marked in the form.`
            : null}
        </p>
      );
    case 'sending':
      return (
        <p role="status" className="formulary-submit-status" data-status="sending">
          {entry.nextRetryAt ? `Server not reachable (${entry.lastError}); retrying…` : 'Submitting…'}
          {also}
        </p>
      );
    case 'unknown':
      return (
        <p role="status" className="formulary-submit-status" data-status="unknown">
          Sent at {formatTime(entry.createdAt)}, waiting for confirmation ({entry.lastError ?? 'no answer'}).
          The server may have it; the outbox asks again under the same key, so it is never submitted twice.
          {also}
        </p>
      );
    default:
      return entry.attempts === 0 && !entry.lastError ? (
        <p role="status" className="formulary-submit-status" data-status="queued">
          Queued in the outbox: it is sent after the requests ahead of it.{also}
        </p>
      ) : (
        <p role="status" className="formulary-submit-status" data-status="waiting">
          Not sent yet ({entry.lastError ?? 'waiting'}). The request is kept in the outbox and sent when the
          connection is back.{also}
        </p>
      );
  }
}
