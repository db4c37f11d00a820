/**
 * Who is signed in, shared by every component of the portal: read once from the service, changed by
 * signing in or out. A tiny store instead of a context, so the portal needs no provider around it.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { fetchSession, type SessionState } from './authClient';

let state: SessionState | 'loading' = 'loading';
const listeners = new Set<() => void>();
let asked = false;

export function setSession(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/**
 * Reads who is signed in again: a live feed the server closed because the session ended (sign-out
 * in another tab, on another PC, or by expiry) turns the whole portal to "signed out" at once.
 */
export function refreshSession(): void {
  void fetchSession().then(setSession);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const read = () => state;

/** 'loading', undefined (no accounts on this server), or { user } (null: signed out). */
export function useSession(): SessionState | 'loading' {
  useEffect(() => {
    if (asked) return;
    asked = true;
    void fetchSession().then(setSession);
  }, []);
  return useSyncExternalStore(subscribe, read, read);
}
