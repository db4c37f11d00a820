/**
 * The outbox: requests not yet accepted, with their status and last error, and buttons to retry now,
 * open one in the form, or discard it. Rendering only: actions go to the submitter and the store.
 */

import { useContext } from 'react';
import type { OutboxEntry, OutboxStore } from './createOutboxStore';
import type { Submitter } from './createSubmitter';
import { DraftsContext } from './DraftsContext';
import { formatTime as defaultFormat } from './formatTime';
import { useOutbox } from './useDraftStore';

export interface OutboxPanelProps {
  store?: OutboxStore;
  submitter?: Submitter;
  /** Shows "Open in form" when given. */
  onOpen?: (entry: OutboxEntry) => void;
  formatTime?: (epochMs: number) => string;
}

const statusText: Record<OutboxEntry['status'], string> = {
  waiting: 'waiting to be sent',
  sending: 'sending',
  rejected: 'refused by the server',
};

export function OutboxPanel({ store, submitter, onOpen, formatTime = defaultFormat }: OutboxPanelProps) {
  const context = useContext(DraftsContext);
  const entries = useOutbox((s) => s.entries, store);
  const saveError = useOutbox((s) => s.saveError, store);
  const outbox = store ?? context.outbox;
  const send = submitter ?? context.submitter;
  return (
    <section className="formulary-outbox" aria-labelledby="formulary-outbox-title">
      <h2 id="formulary-outbox-title">Outbox</h2>
      {saveError ? (
        <p role="alert" className="formulary-outbox-save-error">
          The outbox was not saved: {saveError}. Its requests are kept in this page only; do not reload it
          until they are sent.
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p>Nothing waiting: every submitted request was accepted.</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id} data-status={entry.status}>
              <strong>{entry.instrument}</strong> {entry.jobKind ? `· ${entry.jobKind} ` : ''}· submitted{' '}
              {formatTime(entry.createdAt)} · {statusText[entry.status]} · {entry.attempts}{' '}
              {entry.attempts === 1 ? 'attempt' : 'attempts'}
              {entry.lastError ? <span className="formulary-outbox-error"> · {entry.lastError}</span> : null}{' '}
              {send && entry.status !== 'sending' ? (
                <button type="button" onClick={() => void send.retry(entry.id)}>
                  Retry now
                </button>
              ) : null}
              {onOpen ? (
                <button type="button" onClick={() => onOpen(entry)}>
                  Open in form
                </button>
              ) : null}
              {entry.status !== 'sending' ? (
                <button type="button" onClick={() => outbox?.getState().remove(entry.id)}>
                  Discard
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
