/**
 * The outbox: every request the server has not accepted, oldest first, each with what it is
 * (instrument, when, a summary of its changed fields, and where it differs from another waiting
 * request of the same instrument), its status and last error, and buttons to retry it now or discard
 * that one entry. An entry a tab is sending offers neither. Rendering only: actions go to the submitter.
 */

import { useContext } from 'react';
import { useLocale, useT } from '../../widgets/index';
import type { OutboxEntry, OutboxStore } from './createOutboxStore';
import type { Submitter } from './createSubmitter';
import { DraftsContext } from './DraftsContext';
import { formatTime as defaultFormat } from './formatTime';
import { requestDifferences, requestSummary } from './requestSummary';
import { sendErrorText } from './sendErrorText';
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

export function OutboxPanel({ store, submitter, onOpen, formatTime: givenFormat }: OutboxPanelProps) {
  const t = useT();
  const locale = useLocale();
  const formatTime = givenFormat ?? ((epochMs: number) => defaultFormat(epochMs, locale));
  const context = useContext(DraftsContext);
  const entries = useOutbox((s) => s.entries, store);
  const saveError = useOutbox((s) => s.saveError, store);
  const send = submitter ?? context.submitter;
  return (
    <section className="formulary-outbox" aria-labelledby="formulary-outbox-title">
      <h2 id="formulary-outbox-title">{t('draft.outbox.title')}</h2>
      {saveError ? (
        <p role="alert" className="formulary-outbox-save-error">
          {t('draft.outbox.notSaved', { error: saveError })}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p>{t('draft.outbox.empty')}</p>
      ) : (
        <ul>
          {entries.map((entry) => {
            const sibling = entries.find(
              (e) => e.id !== entry.id && e.instrument === entry.instrument && e.status !== 'rejected',
            );
            const differs = sibling ? requestDifferences(entry.request, sibling.request) : [];
            return (
              <li key={entry.id} data-status={entry.status} data-key={entry.id}>
                <strong>{entry.instrument}</strong> {entry.jobKind ? `· ${entry.jobKind} ` : ''}·{' '}
                {t('draft.outbox.submitted', { time: formatTime(entry.createdAt) })} ·{' '}
                <span className="formulary-outbox-status">{t(`draft.outbox.status.${entry.status}`)}</span> ·{' '}
                {t('draft.outbox.attempts', { count: entry.attempts })}
                {entry.lastProblems && entry.lastProblems.length > 0 ? (
                  // A 422's detail is the server's English; the count of fields says it in the user's words.
                  <span className="formulary-outbox-error">
                    {' '}
                    · {t('draft.outbox.fieldsRefused', { count: entry.lastProblems.length })}
                  </span>
                ) : entry.lastError ? (
                  <span className="formulary-outbox-error"> · {sendErrorText(t, entry)}</span>
                ) : null}
                <br />
                <span className="formulary-outbox-summary">
                  {requestSummary(entry.request, entry.changedFields, 4, t)}
                </span>
                {sibling ? (
                  <span className="formulary-outbox-differs">
                    {' '}
                    ·{' '}
                    {differs.length > 0
                      ? t('draft.outbox.differs', {
                          instrument: entry.instrument,
                          fields: differs.join(', '),
                        })
                      : t('draft.outbox.same', { instrument: entry.instrument })}
                  </span>
                ) : null}{' '}
                {send && entry.status !== 'sending' ? (
                  <button
                    type="button"
                    aria-label={t('draft.outbox.retryLabel', {
                      instrument: entry.instrument,
                      time: formatTime(entry.createdAt),
                    })}
                    onClick={() => void send.retry(entry.id)}
                  >
                    {t('draft.outbox.retry')}
                  </button>
                ) : null}
                {onOpen ? (
                  <button type="button" onClick={() => onOpen(entry)}>
                    {t('draft.outbox.open')}
                  </button>
                ) : null}
                {send && entry.status !== 'sending' ? (
                  <button
                    type="button"
                    aria-label={t('draft.outbox.discardLabel', {
                      instrument: entry.instrument,
                      time: formatTime(entry.createdAt),
                    })}
                    onClick={() => void send.discard(entry.id)}
                  >
                    {t('draft.outbox.discard')}
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
