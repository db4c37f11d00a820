/**
 * The portal's sign-in form for local accounts: user name and password. A refusal is worded in the
 * portal's language by its status (wrong password, too many attempts or locked for a while, service
 * unreachable), when it renders, so switching the language rewords it too.
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { Translator } from '../../schemas/index';
import { useT } from '../../widgets/index';
import { ServiceError, serviceReason } from '../service/index';
import { signIn } from './authClient';
import { setSession } from './useSession';

/** Why signing in failed, in the reader's language. */
function refusalText(t: Translator, cause: unknown): string {
  if (cause instanceof ServiceError && cause.status === 401) return t('portal.signInWrong');
  if (cause instanceof ServiceError && cause.status === 429) return t('portal.signInLimited');
  return t('portal.signInFailed', { why: serviceReason(t, cause) });
}

export function SignInForm(): ReactNode {
  const id = useId();
  const t = useT();
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''))
      .then((user) => setSession({ user }))
      .catch((cause: unknown) => setError({ cause }))
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
          {refusalText(t, error.cause)}
        </p>
      )}
    </form>
  );
}
