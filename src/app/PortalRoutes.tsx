/**
 * The portal's pages by URL hash: the forms (Portal), "My submissions", one submission's page, an
 * instrument's defaults and their history, and the audit log.
 * The Portal stays mounted under the pages (hidden), so a half-filled form and its draft survive a
 * look at the submissions. Every page speaks the language the header's picker chose (portalLocale).
 */
import type { ReactNode } from 'react';
import { LocaleContext } from '../widgets/index';
import { AuditPage } from './audit/index';
import { DefaultsHistoryPage, DefaultsPage } from './defaults/index';
import { Portal } from './Portal';
import { usePortalLocale } from './portalLocale';
import { SubmissionPage, SubmissionsPage, useHashRoute } from './submissions/index';

export function PortalRoutes(): ReactNode {
  const route = useHashRoute();
  const locale = usePortalLocale();
  return (
    <LocaleContext.Provider value={locale}>
      <div hidden={route.page !== 'form'}>
        <Portal />
      </div>
      {route.page === 'list' && <SubmissionsPage mine={route.mine === true} />}
      {route.page === 'submission' && <SubmissionPage key={route.id} id={route.id} />}
      {route.page === 'defaults' && <DefaultsPage key={route.instrument} instrument={route.instrument} />}
      {route.page === 'defaultsHistory' && (
        <DefaultsHistoryPage key={route.instrument} instrument={route.instrument} />
      )}
      {route.page === 'audit' && <AuditPage />}
    </LocaleContext.Provider>
  );
}
