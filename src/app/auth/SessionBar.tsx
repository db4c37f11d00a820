/**
 * "Signed in as … · Sign out" in the portal's header, or the sign-in form when nobody is; nothing
 * when the page is not served by a Formulary service. What the user may do is decided by the server;
 * this only says who they are and what the server told us they belong to.
 */
import type { ReactNode } from 'react';
import { useT } from '../../widgets/index';
import { signOut } from './authClient';
import { SignInForm } from './SignInForm';
import { setSession, useSession } from './useSession';

export function SessionBar(): ReactNode {
  const session = useSession();
  const t = useT();
  if (session === 'loading' || session === undefined) return null;
  const { user } = session;
  if (!user) return <SignInForm />;
  const roles = [
    user.admin ? t('portal.roleAdmin') : '',
    ...user.staffOf.map((instrument) => t('portal.roleStaff', { instrument })),
    ...user.proposals,
  ].filter(Boolean);
  return (
    <section className="portal-session" aria-label={t('portal.account')}>
      <span>
        {t('portal.signedInAs')} <strong className="portal-session__name">{user.displayName}</strong>
        {roles.length > 0 && (
          <span className="portal-session__roles"> {t('portal.roles', { roles: roles.join(', ') })}</span>
        )}
      </span>{' '}
      {user.via === 'session' && (
        <button
          type="button"
          onClick={() => {
            void signOut().then(() => setSession({ user: null }));
          }}
        >
          {t('portal.signOut')}
        </button>
      )}
    </section>
  );
}
