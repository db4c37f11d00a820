/**
 * The outbox: every request the server has not accepted, oldest first, each with what it is
 * (instrument, when, a summary of its changed fields, and where it differs from another waiting
 * request of the same instrument), its status and last error, and buttons to retry it now or discard
 * that one entry. An entry a tab is sending offers neither. Rendering only: actions go to the submitter.
 */

import { useContext } from 'react';
import type { OutboxEntry, OutboxStore } from './createOutboxStore';
import type { Submitter } from './createSubmitter';
import { DraftsContext } from './DraftsContext';
import { formatTime as defaultFormat } from './formatTime';
import { requestDifferences, requestSummary } from './requestSummary';
import { useOutbox } from './useDraftStore';

export interface OutboxPanelProps {
  store?: OutboxStore;
  submitter?: Submitter;
  /** Shows "Open in form" when given. */
  onOpen?: (entry: OutboxEntry) => void;
  formatTime?: (epochMs: number) => string;
}

export const outboxStatusText: Record<OutboxEntry['status'], string> = {
  waiting: 'not sent yet',
  sending: 'sending now',
  unknown: 'sent, waiting for confirmation',
  rejected: 'refused by the server',
};

export function OutboxPanel({ store, submitter, onOpen, formatTime = defaultFormat }: OutboxPanelProps) {
  const context = useContext(DraftsContext);
  const entries = useOutbox((s) => s.entries, store);
  const saveError = useOutbox((s) => s.saveError, store);
  const send = submitter ?? context.submitter;
  return (
    <section className="formulary-outbox" aria-labelledby="formulary-outbox-title">
      <h2 id="formulary-outbox-title">Outbox</h2>
      {saveError ? (
        <p role="alert" className="formulary-outbox-save-error">
          The outbox was not saved: {saveError}. A request that could not be stored was not sent.
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p>Nothing waiting: every submitted request was accepted.</p>
      ) : (
        <ul>
          {entries.map((entry) => {
            const sibling = entries.find(
              (e) => e.id !== entry.id && e.instrument === entry.instrument && e.status !== 'rejected',
            );
            const differs = sibling ? requestDifferences(entry.request, sibling.request) : [];
            return (
              <li key={entry.id} data-status={entry.status} data-key={entry.id}>
                <strong>{entry.instrument}</strong> {entry.jobKind ? `· ${entry.jobKind} ` : ''}· submitted{' '}
                {formatTime(entry.createdAt)} ·{' '}
                <span className="formulary-outbox-status">{outboxStatusText[entry.status]}</span> ·{' '}
                {entry.attempts} {entry.attempts === 1 ? 'attempt' : 'attempts'}
                {entry.lastError ? (
                  <span className="formulary-outbox-error"> · {entry.lastError}</span>
                ) : null}
                <br />
                <span className="formulary-outbox-summary">
                  {requestSummary(entry.request, entry.changedFields)}
                </span>
                {sibling ? (
                  <span className="formulary-outbox-differs">
                    {' '}
                    · differs from the other waiting {entry.instrument} request in:{' '}
                    {differs.length > 0 ? differs.join(', ') : 'nothing (the same values)'}
                  </span>
                ) : null}{' '}
                {send && entry.status !== 'sending' ? (
                  <button
                    type="button"
                    aria-label={`Retry the ${entry.instrument} request of ${formatTime(entry.createdAt)} now`}
                    onClick={() => void send.retry(entry.id)}
                  >
                    Retry now
                  </button>
                ) : null}
                {onOpen ? (
                  <button type="button" onClick={() => onOpen(entry)}>
                    Open in form
                  </button>
                ) : null}
                {send && entry.status !== 'sending' ? (
                  <button
                    type="button"
                    aria-label={`Discard the ${entry.instrument} request of ${formatTime(entry.createdAt)}`}
                    onClick={() => void send.discard(entry.id)}
                  >
                    Discard
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
