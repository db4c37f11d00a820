/**
 * The header's links to what the signed-in user may do beyond submitting: the instrument's defaults
 * (for its staff and admins; everyone may read them on the page, only they may change them) and the
 * audit log (admins). They mirror the service's rules; the service refuses the rest regardless.
 */
import type { ReactNode } from 'react';
import { useSession } from './auth/index';
import { portalText as t } from './portalText';

export function PortalLinks({ instrument }: { instrument: string }): ReactNode {
  const session = useSession();
  const user = session !== 'loading' && session !== undefined ? session.user : null;
  if (!user) return null;
  return (
    <>
      {(user.admin || user.staffOf.includes(instrument)) && (
        <a href={`#/defaults/${encodeURIComponent(instrument)}`}>
          {t('portal.defaults.link', { instrument })}
        </a>
      )}
      {user.admin && <a href="#/audit">{t('portal.audit.link')}</a>}
    </>
  );
}
