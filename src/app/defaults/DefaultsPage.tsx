/**
 * The instrument's defaults page (#/defaults/<instrument>), as facilities keep reduction configuration
 * pages: the instrument's own form with the current defaults as its values; staff of the instrument
 * (and admins) save what they changed as the new defaults, or put a field back to the schema's.
 * The service decides who may and checks each value against its field; this page shows its answer.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { SubmissionForm, type SubmissionFormHandle } from '../../forms/index';
import { useSession } from '../auth/index';
import { portalText as t } from '../portalText';
import { ChangedDefaults } from './ChangedDefaults';
import { changedValues } from './changedValues';
import { saveDefaults } from './defaultsClient';
import { defaultsProblemText } from './defaultsProblem';
import { type InstrumentModel, loadInstrumentModel } from './loadInstrumentModel';

/** A save's outcome: the words of a success, or the error, worded when the page renders. */
type Status =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'error'; readonly cause: unknown }
  | null;

export function DefaultsPage({ instrument }: { instrument: string }): ReactNode {
  const session = useSession();
  const [loaded, setLoaded] = useState<InstrumentModel | { error: unknown } | null>(null);
  const [reloads, setReloads] = useState(0);
  const [status, setStatus] = useState<Status>(null);
  const form = useRef<SubmissionFormHandle | null>(null);

  useEffect(() => {
    let live = true;
    void reloads;
    loadInstrumentModel(instrument)
      .then((m) => live && setLoaded(m))
      .catch((error: unknown) => live && setLoaded({ error }));
    return () => {
      live = false;
    };
  }, [instrument, reloads]);

  const user = session !== 'loading' && session !== undefined ? session.user : null;
  const mayEdit = user !== null && (user.admin || user.staffOf.includes(instrument));
  const send = async (edit: { set?: Record<string, unknown>; reset?: string[] }, done: string) => {
    try {
      await saveDefaults(instrument, edit);
      setStatus({ kind: 'ok', text: done });
      setReloads((n) => n + 1);
    } catch (error) {
      setStatus({ kind: 'error', cause: error });
    }
  };
  const save = () => {
    if (!loaded || 'error' in loaded || !form.current) return;
    const set = changedValues(loaded.model, form.current.getRequest());
    const count = Object.keys(set).length;
    if (count === 0) setStatus({ kind: 'ok', text: t('portal.defaults.nothingChanged') });
    else void send({ set }, t('portal.defaults.saved', { count }));
  };

  return (
    <main className="portal-page defaults-page">
      <p>
        <a href="#/">{t('portal.backToForm')}</a> ·{' '}
        <a href={`#/defaults/${encodeURIComponent(instrument)}/history`}>
          {t('portal.defaults.historyLink')}
        </a>
      </p>
      <h2>{t('portal.defaults.title', { instrument })}</h2>
      <p>{t('portal.defaults.intro')}</p>
      {!mayEdit && <p className="portal-page__note">{t('portal.defaults.readOnly', { instrument })}</p>}
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={`portal-page__${status.kind}`}>
          {status.kind === 'ok' ? status.text : defaultsProblemText('save', status.cause)}
        </p>
      )}
      {loaded === null && <p role="status">{t('portal.loading')}</p>}
      {loaded && 'error' in loaded && <p role="alert">{defaultsProblemText('load', loaded.error)}</p>}
      {loaded && !('error' in loaded) && (
        <>
          <ChangedDefaults
            overlay={loaded.overlay}
            disabled={!mayEdit}
            onReset={(pointer) => void send({ reset: [pointer] }, t('portal.defaults.wasReset'))}
          />
          <SubmissionForm
            key={loaded.overlay?.revision ?? 0}
            model={loaded.model}
            formRef={form}
            idPrefix="defaults-"
            showImport={false}
            readOnly={!mayEdit}
          >
            {mayEdit && (
              <button type="button" className="defaults-page__save" onClick={save}>
                {t('portal.defaults.save')}
              </button>
            )}
          </SubmissionForm>
        </>
      )}
    </main>
  );
}
