/**
 * The line next to the form about its submission: sending, retrying, refused by the server (with the
 * server's message, announced), waiting in the outbox, or accepted. Reads the outbox only.
 */
import type { OutboxStore } from './createOutboxStore';
import { formatTime as defaultFormat } from './formatTime';
import { useOutbox } from './useDraftStore';

export interface SubmitStatusProps {
  instrument: string;
  store?: OutboxStore;
  formatTime?: (epochMs: number) => string;
}

export function SubmitStatus({ instrument, store, formatTime = defaultFormat }: SubmitStatusProps) {
  const entries = useOutbox((s) => s.entries, store);
  const accepted = useOutbox((s) => s.accepted[instrument], store);
  const entry = entries.find((e) => e.instrument === instrument);
  if (entry?.status === 'rejected') {
    return (
      <p role="alert" className="formulary-submit-status formulary-submit-rejected">
        The server refused the request{entry.lastStatus ? ` (${entry.lastStatus})` : ''}: {entry.lastError}
      </p>
    );
  }
  if (entry?.status === 'sending') {
    return (
      <p role="status" className="formulary-submit-status">
        {entry.nextRetryAt ? `Server not reachable (${entry.lastError}); retrying…` : 'Submitting…'}
      </p>
    );
  }
  if (entry?.status === 'waiting') {
    return (
      <p role="status" className="formulary-submit-status">
        Not sent yet ({entry.lastError ?? 'waiting'}). The request is kept in the outbox and sent when the
        connection is back.
      </p>
    );
  }
  if (accepted) {
    return (
      <p role="status" className="formulary-submit-status formulary-submit-accepted">
        Submitted at {formatTime(accepted.at)}.
      </p>
    );
  }
  return null;
}
