/**
 * The audit log for administrators (#/audit): who did what, when, from which address, to what; newest
 * first, a page at a time (the service's cursor), filtered by action. The service refuses anyone
 * else (403), and the page then says so in the reader's language; the link to it is shown to
 * administrators only.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { portalText as t } from '../portalText';
import { ServiceError, serviceReason } from '../service/index';

interface AuditItem {
  readonly seq: number;
  readonly time: string;
  readonly actor: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly address: string | null;
  readonly outcome: string;
}

/** The actions the service writes (docs/server.md, "Audit log"). */
const ACTIONS = [
  'login',
  'logout',
  'submit',
  'cancel',
  'rerun',
  'batch-rerun',
  'token-issue',
  'token-revoke',
  'default-change',
  'default-reset',
];
const PAGE = 50;

type Page = { items: AuditItem[]; nextBefore: number | null } | { error: unknown } | null;

export function AuditPage(): ReactNode {
  const [action, setAction] = useState('');
  // The cursors of the pages before this one; the last is this page's (undefined: the newest).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page>(null);
  const before = cursors.at(-1);
  useEffect(() => {
    let live = true;
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (action) query.set('action', action);
    if (before !== undefined) query.set('before', String(before));
    fetch(new URL(`api/audit?${query}`, document.baseURI).href, { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}));
        if (!live) return;
        setPage(
          response.ok
            ? body
            : { error: new ServiceError(response.status, body.detail ?? response.statusText) },
        );
      })
      .catch((error: unknown) => live && setPage({ error }));
    return () => {
      live = false;
    };
  }, [action, before]);

  return (
    <main className="portal-page">
      <p>
        <a href="#/">{t('portal.backToForm')}</a>
      </p>
      <h2>{t('portal.audit.title')}</h2>
      <label>
        {t('portal.audit.filter')}{' '}
        <select
          value={action}
          onChange={(e) => {
            setAction(e.currentTarget.value);
            setCursors([undefined]);
          }}
        >
          <option value="">{t('portal.audit.all')}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {page === null && <p role="status">{t('portal.loading')}</p>}
      {page && 'error' in page && (
        <p role="alert">{t('portal.audit.readFailed', { why: serviceReason(t, page.error) })}</p>
      )}
      {page && 'items' in page && (
        <>
          <table className="portal-table" aria-label={t('portal.audit.title')}>
            <thead>
              <tr>
                <th scope="col">{t('portal.time')}</th>
                <th scope="col">{t('portal.who')}</th>
                <th scope="col">{t('portal.audit.address')}</th>
                <th scope="col">{t('portal.audit.action')}</th>
                <th scope="col">{t('portal.audit.target')}</th>
                <th scope="col">{t('portal.audit.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr key={e.seq}>
                  <td>
                    <time dateTime={e.time}>{new Date(e.time).toLocaleString()}</time>
                  </td>
                  <td>{e.actor ?? t('portal.audit.anonymous')}</td>
                  <td>{e.address}</td>
                  <td>{e.action}</td>
                  <td>{e.target}</td>
                  <td>{e.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.items.length === 0 && <p>{t('portal.audit.empty')}</p>}
          <p>
            <button type="button" disabled={cursors.length === 1} onClick={() => setCursors([undefined])}>
              {t('portal.audit.newest')}
            </button>{' '}
            <button
              type="button"
              disabled={page.nextBefore === null}
              onClick={() => setCursors((c) => [...c, page.nextBefore ?? undefined])}
            >
              {t('portal.audit.older')}
            </button>
          </p>
        </>
      )}
    </main>
  );
}
