/**
 * The portal's side of signing in: asks the serving Formulary service who is signed in, signs in and
 * out, and supplies the CSRF header every cookie-authenticated POST needs (read from the
 * formulary_csrf cookie the service sets, at send time, so a sign-in in another tab counts).
 */
import { ServiceError } from '../service/index';

export interface SessionUser {
  readonly username: string;
  readonly displayName: string;
  readonly admin: boolean;
  readonly proposals: readonly string[];
  readonly staffOf: readonly string[];
  readonly via: 'session' | 'sso' | 'token';
}

/** undefined: this page is not served by a Formulary service with accounts (a static server). */
export type SessionState = { readonly user: SessionUser | null } | undefined;

const api = (path: string) => new URL(`api/auth/${path}`, document.baseURI).href;

const CSRF_COOKIE = 'formulary_csrf';

/** The CSRF header for the service's cookie, or none when there is no such cookie. */
export function csrfHeaders(cookies = document.cookie): Record<string, string> {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === CSRF_COOKIE)
      return { 'X-CSRF-Token': decodeURIComponent(part.slice(eq + 1).trim()) };
  }
  return {};
}

export async function fetchSession(): Promise<SessionState> {
  try {
    const response = await fetch(api('session'), { headers: { Accept: 'application/json' } });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { user?: SessionUser | null };
    return 'user' in body ? { user: body.user ?? null } : undefined;
  } catch {
    return undefined;
  }
}

/** Signs in; resolves with the user, or rejects with a ServiceError (its status says why: 401, 429). */
export async function signIn(username: string, password: string): Promise<SessionUser> {
  const response = await fetch(api('login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json().catch(() => ({}))) as { user?: SessionUser; detail?: string };
  if (!response.ok || !body.user) throw new ServiceError(response.status, body.detail ?? response.statusText);
  return body.user;
}

export async function signOut(): Promise<void> {
  await fetch(api('logout'), { method: 'POST', headers: csrfHeaders() });
}
