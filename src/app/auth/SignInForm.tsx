/**
 * The portal's sign-in form for local accounts: user name and password, the service's answer shown
 * as it words it (wrong password, locked for a while, too many attempts).
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useT } from '../../widgets/index';
import { signIn } from './authClient';
import { setSession } from './useSession';

export function SignInForm(): ReactNode {
  const id = useId();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''))
      .then((user) => setSession({ user }))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <form className="portal-session portal-session--signin" aria-label={t('portal.signIn')} onSubmit={submit}>
      <label htmlFor={`${id}-user`}>{t('portal.userName')}</label>
      <input id={`${id}-user`} name="username" autoComplete="username" required />
      <label htmlFor={`${id}-password`}>{t('portal.password')}</label>
      <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={busy}>
        {t('portal.signIn')}
      </button>
      {error && (
        <p role="alert" className="portal-session__error">
          {error}
        </p>
      )}
    </form>
  );
}
